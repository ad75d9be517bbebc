import type { Command } from 'commander'
import { STAGES, type Stage } from '../../domain/kpi'
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../domain/proposal'
import { AppError } from '../../domain/errors'
import { boardStatus } from '../../services/lifecycle/board-status'
import { show, table } from '../format'
import type { Run } from '../run'

export function lifecycleCommands(program: Command, run: Run) {
  program
    .command('status')
    .description('latest value, target and red/yellow/green of every KPI')
    .requiredOption('--board <name>')
    .action((opts: { board: string }) =>
      run((ctx) => {
        const boardId = ctx.board(opts.board)
        const rows = boardStatus(ctx.core, boardId)
        const kpis = new Map(ctx.core.kpis.list(boardId).map((k) => [k.id, k]))
        ctx.out(
          table(
            ['KPI', 'value', 'target', 'attainment', 'status', 'period'],
            rows.map((r) => [
              r.code,
              r.value === null ? '—' : String(r.value),
              show(kpis.get(r.kpiId)?.target),
              r.attainment === null ? '—' : `${(r.attainment * 100).toFixed(0)}%`,
              r.level,
              r.periodStart ?? '—'
            ])
          ),
          rows
        )
      })
    )
  const stage = program.command('stage').description('move KPIs through the lifecycle')
  stage
    .command('set <code> <stage>')
    .requiredOption('--board <name>')
    .option('--reason <text>', 'moves past an unmet gate; recorded in history')
    .option('--confirm-target', 'confirm the target that launch locks')
    .action((code: string, to: string, opts: { board: string; reason?: string; confirmTarget?: boolean }) =>
      run(async (ctx) => {
        if (!(STAGES as readonly string[]).includes(to)) throw new AppError('VALIDATION', `Unknown stage "${to}". Stages: ${STAGES.join(', ')}.`)
        const kpiId = ctx.core.kpis.resolve(ctx.board(opts.board), code)
        const move = await ctx.core.lifecycle.setStage(kpiId, to as Stage, { reason: opts.reason, confirmTarget: opts.confirmTarget }, ctx.actor)
        const lines = move.checklist.map((i) => `  ${i.ok ? '✓' : '✗'} ${i.label}${i.detail ? ` (${i.detail})` : ''}`)
        ctx.out([`${code} is now ${move.kpi.stage}${move.overridden ? ' (gate overridden)' : ''}.`, ...lines].join('\n'), move)
      })
    )
  const proposal = program.command('proposal').description('review proposals of the analyzer and the assistant')
  proposal
    .command('list')
    .requiredOption('--board <name>')
    .option('--status <status>', PROPOSAL_STATUSES.join('|'))
    .action((opts: { board: string; status?: string }) =>
      run((ctx) => {
        if (opts.status && !(PROPOSAL_STATUSES as readonly string[]).includes(opts.status)) throw new AppError('VALIDATION', `Unknown status "${opts.status}".`)
        const list = ctx.core.proposals.list(ctx.board(opts.board), { status: opts.status as ProposalStatus | undefined })
        ctx.out(
          list.length
            ? table(
                ['id', 'KPI', 'engine', 'stage', 'kind', 'fields', 'status'],
                list.map((p) => [String(p.id), p.code, p.engine, p.stage, p.kind, p.kind === 'patch' ? p.patches.map((x) => x.field).join(',') : '—', p.status])
              )
            : 'No proposals.',
          list
        )
      })
    )
  proposal.command('show <id>').action((id: string) =>
    run((ctx) => {
      const p = ctx.core.proposals.get(Number(id))
      const lines = [`#${p.id} ${p.kind} ${p.code} (${p.engine}, ${p.stage}, ${p.status})`, p.rationale]
      for (const patch of p.patches) lines.push(`  ${patch.field}: ${show(patch.current)} → ${show(patch.value)}`, `    ${patch.rationale}`)
      ctx.out(lines.join('\n'), p)
    })
  )
  proposal
    .command('accept <id>')
    .option('--fields <list>', 'accept only these fields (comma-separated)')
    .option('--note <text>')
    .action((id: string, opts: { fields?: string; note?: string }) =>
      run((ctx) => {
        const fields = opts.fields
          ?.split(',')
          .map((f) => f.trim())
          .filter(Boolean)
        const { proposal: p, kpi } = ctx.core.proposals.accept(Number(id), { fields, note: opts.note }, ctx.actor)
        ctx.out(`Accepted #${p.id} (${p.status}): ${kpi.code} is at revision ${kpi.revisionNumber}.`, { proposal: p, kpi })
      })
    )
  proposal
    .command('reject <id>')
    .option('--reason <text>')
    .action((id: string, opts: { reason?: string }) =>
      run((ctx) => {
        const p = ctx.core.proposals.reject(Number(id), opts.reason ?? '', ctx.actor)
        ctx.out(`Rejected #${p.id}; it stays in history.`, p)
      })
    )
  program
    .command('note')
    .description('record dev-review notes (kept with the next board version)')
    .requiredOption('--board <name>')
    .option('--kind <kind>', 'dev-review | launch-plan | note', 'dev-review')
    .argument('<text>')
    .action((text: string, opts: { board: string; kind: string }) =>
      run((ctx) => {
        if (!['dev-review', 'launch-plan', 'note'].includes(opts.kind)) throw new AppError('VALIDATION', `Unknown note kind "${opts.kind}".`)
        const note = ctx.core.notes.add(ctx.board(opts.board), opts.kind as 'dev-review', text, ctx.actor)
        ctx.out(`Noted (${note.kind}).`, note)
      })
    )
}
