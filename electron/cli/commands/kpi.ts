import type { Command } from 'commander'
import { AppError } from '../../domain/errors'
import { changeLines, historyTable, kpiDetail, show, table } from '../format'
import type { Session } from '../session'
import type { KpiPatch } from '../../domain/kpi-input'
import type { Run } from '../run'
import { advanceBeforeRead } from './launch'
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
      run(
        async (ctx) => {
          const fields = { ...parseSetOptions(opts.set), code: opts.code, name: opts.name, ...(opts.target !== undefined ? { target: opts.target } : {}) }
          const added = await ctx.call('kpi.add', {
            boardId: await ctx.boardId(opts.board),
            fields,
            reason: opts.reason,
            allowUnparsedTarget: opts.allowUnparsedTarget
          })
          ctx.out(`Added ${added.code} (revision 1).\n${kpiDetail(added)}`, added)
        },
        { writes: true }
      )
    )
  kpi
    .command('edit [code]')
    .requiredOption('--board <name>')
    .option('--set <field=value>', 'a KPI field to change (repeatable)', collect, [])
    .option('--kpi <code>', 'change several KPIs at once: one of them (repeatable)', collect, [])
    .option('--all', 'change every KPI of the board at once (e.g. --set dataSource=warehouse)')
    .option('--reason <text>')
    .option('--rebaseline', 'change the target of a launched KPI (needs --reason)')
    .option('--allow-unparsed-target', 'keep a target the parser cannot read (flagged)')
    .action((code: string | undefined, opts: EditOptions) =>
      run(
        async (ctx) => {
          if (opts.set.length === 0) throw new AppError('VALIDATION', 'Nothing to change: give at least one --set FIELD=VALUE.')
          const set = parseSetOptions(opts.set)
          if (opts.all || opts.kpi.length) return editMany(ctx, code, set, opts)
          if (!code) throw new AppError('VALIDATION', 'Name the KPI to change, or several with --kpi CODE … or --all.')
          const before = await ctx.call('kpi.find', { boardId: await ctx.boardId(opts.board), code })
          const edited = await ctx.call('kpi.edit', {
            kpiId: before.id,
            set,
            reason: opts.reason,
            rebaseline: opts.rebaseline,
            allowUnparsedTarget: opts.allowUnparsedTarget
          })
          ctx.out(
            edited.revisionNumber === before.revisionNumber ? `${code}: nothing changed.` : `${edited.code}: saved revision ${edited.revisionNumber}.`,
            edited
          )
        },
        { writes: true }
      )
    )
  kpi
    .command('show <code>')
    .requiredOption('--board <name>')
    .action((code: string, opts: { board: string }) =>
      run(async (ctx) => {
        const view = await ctx.call('kpi.find', { boardId: await ctx.boardId(opts.board), code })
        ctx.out(kpiDetail(view), view)
      })
    )
  kpi
    .command('history <code>')
    .requiredOption('--board <name>')
    .action((code: string, opts: { board: string }) =>
      run(async (ctx) => {
        const revisions = await ctx.call('kpi.history', { kpiId: await ctx.kpiId(await ctx.boardId(opts.board), code) })
        ctx.out(historyTable(revisions), revisions)
      })
    )
  kpi
    .command('diff <code> <from> <to>')
    .description('field-by-field difference between two revisions')
    .requiredOption('--board <name>')
    .action((code: string, from: string, to: string, opts: { board: string }) =>
      run(async (ctx) => {
        const diff = await ctx.call('kpi.diff', {
          kpiId: await ctx.kpiId(await ctx.boardId(opts.board), code),
          from: revisionNumber(from),
          to: revisionNumber(to)
        })
        ctx.out([`${code} r${from} → r${to}`, ...(diff.changes.length ? changeLines(diff.changes) : ['  (no differences)'])].join('\n'), diff)
      })
    )
  kpi
    .command('list')
    .requiredOption('--board <name>')
    .option('--all', 'include retired KPIs')
    .action((opts: { board: string; all?: boolean }) =>
      run(async (ctx) => {
        const boardId = await ctx.boardId(opts.board)
        await advanceBeforeRead(ctx, boardId)
        const every = await ctx.call('kpi.list', { boardId, includeRetired: true })
        const kpis = opts.all ? every : every.filter((k) => k.stage !== 'retired')
        const hidden = every.length - kpis.length
        const note = hidden ? `\n${hidden} retired KPI${hidden === 1 ? ' is' : 's are'} not shown (--all shows them).` : ''
        const rows = kpis.map((k) => [k.code, k.name, show(k.target), k.stage, k.status, k.owner || '—', String(k.revisionNumber)])
        const listing = kpis.length ? table(['code', 'name', 'target', 'stage', 'status', 'owner', 'rev'], rows) : 'This board has no active KPIs.'
        ctx.out(every.length ? `${listing}${note}` : 'This board has no KPIs yet.', kpis)
      })
    )
  for (const verb of ['retire', 'reinstate'] as const) {
    kpi
      .command(`${verb} <code>`)
      .requiredOption('--board <name>')
      .option('--reason <text>')
      .action((code: string, opts: { board: string; reason?: string }) =>
        run(
          async (ctx) => {
            const kpiId = await ctx.kpiId(await ctx.boardId(opts.board), code)
            const view = await ctx.call(verb === 'retire' ? 'kpi.retire' : 'kpi.reinstate', { kpiId, reason: opts.reason })
            ctx.out(`${code}: ${verb === 'retire' ? 'retired' : `back in ${view.stage}`} (revision ${view.revisionNumber}).`, view)
          },
          { writes: true }
        )
      )
  }
}

function revisionNumber(text: string): number {
  const number = Number(text)
  if (!Number.isInteger(number) || number < 1) throw new AppError('VALIDATION', `"${text}" is not a revision number (1, 2, …).`)
  return number
}

interface EditOptions {
  board: string
  set: string[]
  kpi: string[]
  all?: boolean
  reason?: string
  rebaseline?: boolean
  allowUnparsedTarget?: boolean
}

/** `kpi edit --all | --kpi A --kpi B --set …`: one transaction through the dispatcher; all change or none. */
async function editMany(ctx: Session, code: string | undefined, set: KpiPatch, opts: EditOptions): Promise<void> {
  if (code) throw new AppError('VALIDATION', `Give either one KPI (${code}) or --kpi … / --all, not both.`)
  const boardId = await ctx.boardId(opts.board)
  const kpiIds = opts.all ? (await ctx.call('kpi.list', { boardId })).map((k) => k.id) : await Promise.all(opts.kpi.map((c) => ctx.kpiId(boardId, c)))
  if (kpiIds.length === 0) throw new AppError('VALIDATION', 'This board has no KPIs to change.')
  const views = await ctx.call('kpi.editMany', { kpiIds, set, reason: opts.reason, allowUnparsedTarget: opts.allowUnparsedTarget })
  ctx.out(
    `${table(
      ['code', 'revision'],
      views.map((v) => [v.code, String(v.revisionNumber)])
    )}\n${views.length} KPIs saved.`,
    views
  )
}
