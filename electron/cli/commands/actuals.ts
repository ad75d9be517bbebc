import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { checkedPeriod, periodOf } from '../../services/actuals/periods'
import { AppError } from '../../domain/errors'
import { table } from '../format'
import type { Run } from '../run'

const collect = (value: string, previous: string[]) => [...previous, value]

export function actualsCommands(program: Command, run: Run) {
  const actuals = program.command('actuals').description('actual values: add, import, list, pull from data sources, preview')
  actuals
    .command('add <code>')
    .requiredOption('--board <name>')
    .option('--period <period>', 'YYYY-MM (a month) or YYYY-MM-DD (a day)')
    .option('--from <date>', 'period start, YYYY-MM-DD')
    .option('--to <date>', 'period end (exclusive), YYYY-MM-DD')
    .requiredOption('--value <n>')
    .option('--note <text>')
    .action((code: string, opts: { board: string; period?: string; from?: string; to?: string; value: string; note?: string }) =>
      run((ctx) => {
        const period = opts.period ? periodOf(opts.period) : opts.from && opts.to ? checkedPeriod(opts.from, opts.to) : null
        if (!period) throw new AppError('MEASUREMENT_INVALID', 'Give --period YYYY-MM[-DD], or --from DATE --to DATE.')
        const value = Number(opts.value.replace(/,/g, ''))
        if (opts.value.trim() === '' || !Number.isFinite(value)) throw new AppError('MEASUREMENT_INVALID', `--value "${opts.value}" is not a number.`)
        const kpiId = ctx.core.kpis.resolve(ctx.board(opts.board), code)
        const stored = ctx.core.measurements.add(kpiId, { period, value, note: opts.note, source: 'manual' }, ctx.actor)
        ctx.out(`${code}: ${value} for ${period.start} … ${period.end} recorded.`, stored)
      })
    )
  actuals
    .command('import <file>')
    .description('CSV with columns code, period_start, period_end, value[, note]')
    .requiredOption('--board <name>')
    .action((file: string, opts: { board: string }) =>
      run((ctx) => {
        const stored = ctx.core.measurements.importCsv(ctx.board(opts.board), readFileSync(file, 'utf8'), ctx.actor, file)
        ctx.out(`Imported ${stored} values from ${file}.`, { stored })
      })
    )
  actuals
    .command('list <code>')
    .requiredOption('--board <name>')
    .option('--history', 'every stored value, including superseded re-pulls')
    .action((code: string, opts: { board: string; history?: boolean }) =>
      run((ctx) => {
        const kpiId = ctx.core.kpis.resolve(ctx.board(opts.board), code)
        const rows = opts.history ? ctx.core.measurements.history(kpiId) : ctx.core.measurements.list(kpiId)
        ctx.out(
          rows.length
            ? table(
                ['period start', 'period end', 'value', 'source', 'note'],
                rows.map((m) => [m.periodStart, m.periodEnd, String(m.value), m.source, m.note])
              )
            : `${code} has no actual values yet.`,
          rows
        )
      })
    )
  actuals
    .command('pull')
    .description('run KPI formulas on their data sources and store the values (for cron)')
    .requiredOption('--board <name>')
    .option('--kpi <code>', 'only this KPI (repeatable)', collect, [])
    .option('--from <date>', 'backfill from this date (YYYY-MM-DD)')
    .option('--to <date>', 'backfill to this date, exclusive')
    .action((opts: { board: string; kpi: string[]; from?: string; to?: string }) =>
      run(async (ctx) => {
        if (Boolean(opts.from) !== Boolean(opts.to)) throw new AppError('VALIDATION', 'Give both --from and --to for a backfill.')
        const boardId = ctx.board(opts.board)
        const kpiIds = opts.kpi.length ? opts.kpi.map((code) => ctx.core.kpis.resolve(boardId, code)) : undefined
        const summary = await ctx.core.pull.pull({ boardId, kpiIds, from: opts.from, to: opts.to }, ctx.actor, {
          onProgress: (done, total, code) => !ctx.json && code && process.stderr.write(`[${done + 1}/${total}] ${code}\n`)
        })
        const rows = summary.results.map((r) => [r.code, r.outcome, String(r.values.length), String(r.stored), r.message ?? ''])
        ctx.out(`${table(['KPI', 'outcome', 'periods', 'stored', 'message'], rows)}\n${summary.stored} values stored, ${summary.failed} failed.`, summary)
        if (summary.failed > 0) process.exitCode = 1
      })
    )
  actuals
    .command('preview <code>')
    .description('the bound SQL and its result for one period; stores nothing')
    .requiredOption('--board <name>')
    .requiredOption('--period <period>', 'YYYY-MM or YYYY-MM-DD')
    .action((code: string, opts: { board: string; period: string }) =>
      run(async (ctx) => {
        const result = await ctx.core.pull.preview(ctx.core.kpis.resolve(ctx.board(opts.board), code), periodOf(opts.period))
        const value = result.kind === 'single' ? String(result.value) : result.points.map((p) => `${p.periodStart}: ${p.value}`).join('\n')
        ctx.out(`${result.boundSql}\n\nresult (${result.elapsedMs.toFixed(0)} ms):\n${value}`, result)
      })
    )
}
