import type { Command } from 'commander'
import { AppError } from '../../domain/errors'
import { table, versionDiffText, when } from '../format'
import type { Run } from '../run'

export function versionCommands(program: Command, run: Run) {
  const version = program.command('version').description('cut, list and diff board versions')
  version
    .command('cut')
    .requiredOption('--board <name>')
    .option('--label <label>', 'default: the label suggested for the board stage (v0.1, v0.9, v1.0, v1.0+, v1.1 …)')
    .option('--note <text>')
    .action((opts: { board: string; label?: string; note?: string }) =>
      run(
        async (ctx) => {
          const cut = await ctx.call('version.cut', { boardId: await ctx.boardId(opts.board), label: opts.label, note: opts.note })
          ctx.out(`Cut ${cut.label} pinning ${cut.kpiCount} KPIs.`, cut)
        },
        { writes: true }
      )
    )
  version
    .command('list')
    .requiredOption('--board <name>')
    .action((opts: { board: string }) =>
      run(async (ctx) => {
        const versions = await ctx.call('version.list', { boardId: await ctx.boardId(opts.board) })
        ctx.out(
          versions.length
            ? table(
                ['label', 'KPIs', 'when', 'who', 'note'],
                versions.map((v) => [v.label, String(v.kpiCount), when(v.createdAt), v.author, v.note])
              )
            : 'No versions yet.',
          versions
        )
      })
    )
  version
    .command('diff <from> <to>')
    .description('KPIs added, removed and changed between two versions (`current` = the board now)')
    .requiredOption('--board <name>')
    .action((from: string, to: string, opts: { board: string }) =>
      run(async (ctx) => {
        const diff = await ctx.call('version.diff', { boardId: await ctx.boardId(opts.board), from, to })
        ctx.out(versionDiffText(diff), diff)
      })
    )
}

export function restoreCommand(program: Command, run: Run) {
  program
    .command('restore')
    .description('restore a board to a version, or one KPI to a revision (a new revision either way)')
    .requiredOption('--board <name>')
    .option('--version <label>')
    .option('--kpi <code>')
    .option('--revision <n>')
    .option('--reason <text>')
    .action((opts: { board: string; version?: string; kpi?: string; revision?: string; reason?: string }) =>
      run(
        async (ctx) => {
          const boardId = await ctx.boardId(opts.board)
          if (opts.version && !opts.kpi) {
            const outcome = await ctx.call('version.restore', { boardId, label: opts.version, reason: opts.reason })
            return ctx.out(
              `Restored ${opts.board} to ${opts.version}: ${outcome.restored} KPIs restored, ${outcome.retired} retired, ${outcome.unchanged} unchanged.`,
              outcome
            )
          }
          if (opts.kpi && opts.revision && !opts.version) {
            const number = Number(opts.revision)
            if (!Number.isInteger(number) || number < 1) throw new AppError('VALIDATION', '--revision takes a revision number (1, 2, …).')
            const view = await ctx.call('kpi.restore', { kpiId: await ctx.kpiId(boardId, opts.kpi), revision: number, reason: opts.reason })
            return ctx.out(`${view.code}: restored revision ${number} as revision ${view.revisionNumber}.`, view)
          }
          throw new AppError('VALIDATION', 'Give either --version LABEL, or --kpi CODE --revision N.')
        },
        { writes: true }
      )
    )
}

export function auditCommand(program: Command, run: Run) {
  program
    .command('audit')
    .description('every mutation of the workspace, newest first')
    .option('--board <name>')
    .option('--limit <n>', 'how many entries', '50')
    .action((opts: { board?: string; limit: string }) =>
      run(async (ctx) => {
        const entries = await ctx.call('audit.list', {
          boardId: opts.board ? await ctx.boardId(opts.board) : undefined,
          limit: Math.min(1000, Math.max(1, Number(opts.limit) || 50))
        })
        ctx.out(
          table(
            ['when', 'who', 'action', 'summary'],
            entries.map((e) => [when(e.at), e.actor, e.action, e.summary])
          ),
          entries
        )
      })
    )
}
