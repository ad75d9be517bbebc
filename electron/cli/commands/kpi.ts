import type { Command } from 'commander'
import { AppError } from '../../domain/errors'
import { changeLines, historyTable, kpiDetail, show, table } from '../format'
import type { Run } from '../run'
import { parseSetOptions } from '../set-fields'

const collect = (value: string, previous: string[]) => [...previous, value]

export function kpiCommands(program: Command, run: Run) {
  const kpi = program.command('kpi').description('add, edit, show and list KPIs')
  kpi
    .command('add')
    .requiredOption('--board <name>')
    .requiredOption('--code <code>')
    .requiredOption('--name <text>')
    .option('--target <text>', 'e.g. "≥ 60%", "P95 ≤ 500ms", "≤ 8小时"')
    .option('--set <field=value>', 'any KPI field (repeatable)', collect, [])
    .option('--reason <text>')
    .option('--allow-unparsed-target', 'keep a target the parser cannot read (flagged)')
    .action((opts: { board: string; code: string; name: string; target?: string; set: string[]; reason?: string; allowUnparsedTarget?: boolean }) =>
      run((ctx) => {
        const fields = { ...parseSetOptions(opts.set), code: opts.code, name: opts.name, ...(opts.target !== undefined ? { target: opts.target } : {}) }
        const boardId = ctx.board(opts.board)
        const added = ctx.core.transaction(() => {
          const view = ctx.core.kpis.add(boardId, fields, { actor: ctx.actor, reason: opts.reason })
          refuseUnparsed(view.target, opts.allowUnparsedTarget)
          return view
        })
        ctx.out(`Added ${added.code} (revision 1).\n${kpiDetail(added)}`, added)
      })
    )
  kpi
    .command('edit <code>')
    .requiredOption('--board <name>')
    .option('--set <field=value>', 'a KPI field to change (repeatable)', collect, [])
    .option('--reason <text>')
    .option('--rebaseline', 'change the target of a launched KPI (needs --reason)')
    .option('--allow-unparsed-target')
    .action((code: string, opts: { board: string; set: string[]; reason?: string; rebaseline?: boolean; allowUnparsedTarget?: boolean }) =>
      run((ctx) => {
        if (opts.set.length === 0) throw new AppError('VALIDATION', 'Nothing to change: give at least one --set FIELD=VALUE.')
        const patch = parseSetOptions(opts.set)
        const kpiId = ctx.core.kpis.resolve(ctx.board(opts.board), code)
        const before = ctx.core.kpis.get(kpiId).revisionNumber
        const edited = ctx.core.transaction(() => {
          const view = ctx.core.kpis.edit(kpiId, patch, { actor: ctx.actor, reason: opts.reason, rebaseline: opts.rebaseline })
          if (patch.target !== undefined) refuseUnparsed(view.target, opts.allowUnparsedTarget)
          return view
        })
        ctx.out(edited.revisionNumber === before ? `${code}: nothing changed.` : `${edited.code}: saved revision ${edited.revisionNumber}.`, edited)
      })
    )
  kpi
    .command('show <code>')
    .requiredOption('--board <name>')
    .action((code: string, opts: { board: string }) =>
      run((ctx) => {
        const view = ctx.core.kpis.get(ctx.core.kpis.resolve(ctx.board(opts.board), code))
        ctx.out(kpiDetail(view), view)
      })
    )
  kpi
    .command('history <code>')
    .requiredOption('--board <name>')
    .action((code: string, opts: { board: string }) =>
      run((ctx) => {
        const revisions = ctx.core.kpis.history(ctx.core.kpis.resolve(ctx.board(opts.board), code))
        ctx.out(historyTable(revisions), revisions)
      })
    )
  kpi
    .command('diff <code> <from> <to>')
    .description('field-by-field difference between two revisions')
    .requiredOption('--board <name>')
    .action((code: string, from: string, to: string, opts: { board: string }) =>
      run((ctx) => {
        const diff = ctx.core.kpis.diff(ctx.core.kpis.resolve(ctx.board(opts.board), code), Number(from), Number(to))
        ctx.out([`${code} r${from} → r${to}`, ...(diff.changes.length ? changeLines(diff.changes) : ['  (no differences)'])].join('\n'), diff)
      })
    )
  kpi
    .command('list')
    .requiredOption('--board <name>')
    .option('--all', 'include retired KPIs')
    .action((opts: { board: string; all?: boolean }) =>
      run((ctx) => {
        const kpis = ctx.core.kpis.list(ctx.board(opts.board), opts.all === true)
        ctx.out(
          kpis.length
            ? table(
                ['code', 'name', 'target', 'stage', 'status', 'owner', 'rev'],
                kpis.map((k) => [k.code, k.name, show(k.target), k.stage, k.status, k.owner || '—', String(k.revisionNumber)])
              )
            : 'This board has no KPIs yet.',
          kpis
        )
      })
    )
  for (const verb of ['retire', 'reinstate'] as const) {
    kpi
      .command(`${verb} <code>`)
      .requiredOption('--board <name>')
      .option('--reason <text>')
      .action((code: string, opts: { board: string; reason?: string }) =>
        run((ctx) => {
          const kpiId = ctx.core.kpis.resolve(ctx.board(opts.board), code)
          const view = ctx.core.kpis[verb](kpiId, { actor: ctx.actor, reason: opts.reason })
          ctx.out(`${code}: ${verb === 'retire' ? 'retired' : `back in ${view.stage}`} (revision ${view.revisionNumber}).`, view)
        })
      )
  }
}

function refuseUnparsed(target: { text: string; parsed: unknown; issue?: string } | null, allowed?: boolean) {
  if (target && !target.parsed && !allowed) {
    throw new AppError(
      'TARGET_UNPARSED',
      `Target "${target.text}" was not understood (${target.issue ?? 'unparsed'}). Nothing was saved. Rephrase it (e.g. "≥ 60%") or pass --allow-unparsed-target to keep it as text.`
    )
  }
}
