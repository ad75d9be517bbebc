import type { Command } from 'commander'
import type { FormulaPreview } from '../../api'
import { AppError } from '../../domain/errors'
import { noteText } from '../../domain/formula-preview'
import type { KpiPatch } from '../../domain/kpi-input'
import { formatMapping, parseMapping } from '../../domain/result-mapping'
import { table } from '../format'
import type { Run } from '../run'

const cell = (value: unknown) => (value === null ? 'NULL' : String(value))

/** The preview as a terminal shows it: the table, the mapping with its reasons, the values, the dates in the SQL. */
export function previewText(code: string, p: FormulaPreview, rows: number): string {
  const { table: t } = p
  const lines = [
    `${code} for ${p.period.label} (${p.period.start} → ${p.period.end}, end exclusive), ${p.elapsedMs} ms`,
    '',
    p.boundSql,
    '',
    `result: ${t.rowCount} row${t.rowCount === 1 ? '' : 's'} × ${t.columns.length} column${t.columns.length === 1 ? '' : 's'}${t.rowCount > rows ? ` (first ${rows} shown)` : ''}`,
    table(
      t.columns.map((c) => `${c.name} (${c.type})`),
      t.rows.slice(0, rows).map((r) => r.map(cell))
    ),
    '',
    `mapping (${p.mappingSource === 'proposal' ? 'proposed, not saved' : p.mappingSource === 'draft' ? 'draft' : 'saved'}): ${formatMapping(p.mapping) || 'none (one number)'}`
  ]
  const proposed = formatMapping(p.proposal.mapping)
  if (p.mappingSource === 'kpi' && proposed && proposed !== formatMapping(p.mapping)) lines.push(`proposed instead: ${proposed}`)
  for (const reason of p.proposal.reasons) lines.push(`  why: ${noteText(reason)}`)
  for (const warning of p.proposal.warnings) lines.push(`  to decide: ${noteText(warning)}`)
  lines.push('')
  if (p.valueError) lines.push(`values: none — ${p.valueError.message} [${p.valueError.code}]`)
  else
    lines.push(
      'values a pull would store:',
      p.values.length
        ? table(
            ['period start', 'period end', 'value', 'rows'],
            p.values.map((v) => [v.periodStart, v.periodEnd, String(v.value), String(v.rows)])
          )
        : '  none (NULL for this period)'
    )
  if (p.pullBlocked) lines.push('', `pull refused: ${p.pullBlocked.message} [${p.pullBlocked.code}]`)
  if (p.dates.findings.length) {
    lines.push('', 'dates in the formula:')
    for (const f of p.dates.findings) lines.push(`  line ${f.line}, column ${f.column}: ${f.text} (${f.kind === 'clock' ? 'reads the clock' : 'fixed date'})`)
  }
  if (p.dates.rewrite && !p.dates.binds) {
    lines.push('', 'rewrite offered (apply with `actuals map --rewrite-dates`):')
    for (const c of p.dates.rewrite.changes) lines.push(`  line ${c.line}`, `  - ${c.before}`, `  + ${c.after}`)
    if (p.dates.rewrite.frequency) lines.push(`  and frequency → ${p.dates.rewrite.frequency} (the dates spanned one ${p.dates.rewrite.grain})`)
  }
  return lines.join('\n')
}

/** `actuals preview` and `actuals map`: what a report query returns, and saving how it maps to values. */
export function actualsQueryCommands(program: Command, run: Run) {
  const actuals = program.commands.find((c) => c.name() === 'actuals') ?? program.command('actuals')
  actuals
    .command('preview <code>')
    .description('runs the formula read-only for one period: its table, the proposed mapping, the values; stores nothing')
    .requiredOption('--board <name>')
    .option('--period <period>', 'a day (2025-11-03), ISO week (2025-W47), month (2025-11) or quarter (2025-Q4); default: the last complete one')
    .option('--rows <n>', 'rows of the table to show', '10')
    .action((code: string, opts: { board: string; period?: string; rows: string }) =>
      run(async (ctx) => {
        const kpiId = await ctx.kpiId(await ctx.boardId(opts.board), code)
        const preview = await ctx.call('actuals.preview', { kpiId, ...(opts.period ? { period: opts.period } : {}) })
        ctx.out(previewText(code, preview, Math.max(1, Number(opts.rows) || 10)), preview)
      })
    )
  actuals
    .command('map <code>')
    .description('saves how the formula’s table becomes values: the proposed mapping, or --set; optionally binds its dates or marks it rolling')
    .requiredOption('--board <name>')
    .option('--period <period>', 'the period whose result the proposal is made from; default: the last complete one')
    .option('--set <mapping>', 'the mapping to save instead of the proposal, e.g. "value=success_rate; period=date:day; segment=task_type=all"')
    .option('--rewrite-dates', 'also accept the rewrite that binds the formula’s dates to :period_start / :period_end')
    .option('--rolling', 'mark the KPI as rolling: pulled as of the pull time, never backfilled')
    .option('--reason <text>')
    .action((code: string, opts: { board: string; period?: string; set?: string; rewriteDates?: boolean; rolling?: boolean; reason?: string }) =>
      run(
        async (ctx) => {
          const kpiId = await ctx.kpiId(await ctx.boardId(opts.board), code)
          const preview = await ctx.call('actuals.preview', { kpiId, ...(opts.period ? { period: opts.period } : {}) })
          const patch: KpiPatch = {}
          let mapping = opts.set !== undefined ? parseMapping(opts.set) : preview.mappingSource === 'proposal' ? preview.proposal.mapping : preview.mapping
          if (opts.rolling) mapping = { ...mapping, rolling: true }
          patch.mapping = mapping
          if (opts.rewriteDates) {
            const rewrite = preview.dates.rewrite
            if (!rewrite) throw new AppError('VALIDATION', `${code}: the formula has no dates to rewrite.`)
            patch.formula = rewrite.formula
            if (rewrite.frequency) patch.frequency = rewrite.frequency
          }
          const edited = await ctx.call('kpi.edit', { kpiId, set: patch, reason: opts.reason ?? 'result mapping confirmed' })
          const changes = [`mapping: ${formatMapping(edited.mapping) || 'none'}`]
          if (patch.formula) changes.push(`formula: dates bound to :period_start / :period_end${patch.frequency ? `; frequency ${patch.frequency}` : ''}`)
          ctx.out(`${code}: saved revision ${edited.revisionNumber}.\n  ${changes.join('\n  ')}`, edited)
        },
        { writes: true }
      )
    )
}
