import type { Command } from 'commander'
import { STAGES, type Stage } from '../../domain/kpi'
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../domain/proposal'
import { AppError } from '../../domain/errors'
import { formatFigure, formatNumber, unitOf } from '../../domain/judging/format-figure'
import { show, table } from '../format'
import type { Run } from '../run'
import { advanceBeforeRead } from './launch'
import { parseSetOptions } from '../set-fields'

const collect = (value: string, previous: string[]) => [...previous, value]

const proposalId = (text: string): number => {
  const id = Number(text)
  if (!Number.isInteger(id) || id < 1) throw new AppError('VALIDATION', `"${text}" is not a proposal number (see kpiloop proposal list).`)
  return id
}

export function lifecycleCommands(program: Command, run: Run) {
  program
    .command('status')
    .description('value of the latest target period, target and red/yellow/green (or in progress) of every KPI, with the rule that decided')
    .requiredOption('--board <name>')
    .action((opts: { board: string }) =>
      run(async (ctx) => {
        const boardId = await ctx.boardId(opts.board)
        await advanceBeforeRead(ctx, boardId)
        const rows = await ctx.call('status.board', { boardId })
        const kpis = new Map((await ctx.call('kpi.list', { boardId })).map((k) => [k.id, k]))
        ctx.out(
          table(
            ['KPI', 'value', 'target', 'attainment', 'status', 'period', 'decided by'],
            rows.map((r) => {
              const kpi = kpis.get(r.kpiId)
              const unit = kpi ? unitOf(kpi) : ''
              // An unfinished period shows its value so far and where it is heading, never a colour.
              const value = r.inProgress
                ? `${formatFigure(r.value, unit)} so far${r.projection === null ? '' : ` (projected ${formatFigure(r.projection, unit)})`}`
                : formatFigure(r.value, unit)
              return [
                r.code,
                value,
                show(kpi?.target),
                r.attainment === null ? '—' : `${formatNumber(r.attainment * 100)}%`,
                r.inProgress ? 'in progress' : r.level,
                r.periodLabel ?? '—',
                r.decidedBy.rule + (r.decidedBy.overrode ? ` (over ratio: ${r.decidedBy.overrode.level})` : '')
              ]
            })
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
      run(
        async (ctx) => {
          if (!(STAGES as readonly string[]).includes(to)) throw new AppError('VALIDATION', `Unknown stage "${to}". Stages: ${STAGES.join(', ')}.`)
          const kpiId = await ctx.kpiId(await ctx.boardId(opts.board), code)
          const move = await ctx.call('stage.set', { kpiId, to: to as Stage, reason: opts.reason, confirmTarget: opts.confirmTarget })
          const lines = move.checklist.map((i) => `  ${i.ok ? '✓' : '✗'} ${i.label}${i.detail ? ` (${i.detail})` : ''}`)
          ctx.out([`${code} is now ${move.kpi.stage}${move.overridden ? ' (gate overridden)' : ''}.`, ...lines].join('\n'), move)
        },
        { writes: true }
      )
    )
  const proposal = program.command('proposal').description('review proposals of the analyzer and the assistant')
  proposal
    .command('list')
    .requiredOption('--board <name>')
    .option('--status <status>', PROPOSAL_STATUSES.join('|'))
    .action((opts: { board: string; status?: string }) =>
      run(async (ctx) => {
        if (opts.status && !(PROPOSAL_STATUSES as readonly string[]).includes(opts.status)) throw new AppError('VALIDATION', `Unknown status "${opts.status}".`)
        const list = await ctx.call('proposal.list', { boardId: await ctx.boardId(opts.board), status: opts.status as ProposalStatus | undefined })
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
    run(async (ctx) => {
      const p = await ctx.call('proposal.get', { id: proposalId(id) })
      const lines = [`#${p.id} ${p.kind} ${p.code} (${p.engine}, ${p.stage}, ${p.status})`, p.rationale]
      for (const patch of p.patches) lines.push(`  ${patch.field}: ${show(patch.current)} → ${show(patch.value)}`, `    ${patch.rationale}`)
      ctx.out(lines.join('\n'), p)
    })
  )
  proposal
    .command('accept <id>')
    .option('--fields <list>', 'accept only these fields (comma-separated)')
    .option('--note <text>', 'recorded in the revision; the reason when a gate is unmet or the target is re-baselined')
    .option('--rebaseline', 'accept a new target for a launched KPI as a re-baseline (needs --note)')
    .option('--confirm-target', 'confirm the target that a move to launched locks')
    .option('--set <field=value>', 'accept with your own value for a proposed field (repeatable); the history keeps the proposed one', collect, [])
    .action((id: string, opts: { fields?: string; note?: string; rebaseline?: boolean; confirmTarget?: boolean; set: string[] }) =>
      run(
        async (ctx) => {
          const fields = opts.fields
            ?.split(',')
            .map((f) => f.trim())
            .filter(Boolean)
          const { note, rebaseline, confirmTarget } = opts
          const edits = opts.set.length ? parseSetOptions(opts.set) : undefined
          const p = await ctx.call('proposal.accept', { id: proposalId(id), fields, edits, note, rebaseline, confirmTarget })
          const kpi = p.kpiId === null ? null : await ctx.call('kpi.get', { kpiId: p.kpiId })
          const lines = [
            `Accepted #${p.id} (${p.status}${p.acceptedEdits ? ', with changes' : ''})${kpi ? `: ${kpi.code} is at revision ${kpi.revisionNumber}` : ''}.`
          ]
          for (const e of p.acceptedEdits ?? []) lines.push(`  ${e.field}: proposed ${show(e.proposed)}, accepted ${show(e.accepted)}`)
          ctx.out(lines.join('\n'), { proposal: p, kpi })
        },
        { writes: true }
      )
    )
  proposal
    .command('reject <id>')
    .option('--reason <text>')
    .action((id: string, opts: { reason?: string }) =>
      run(
        async (ctx) => {
          const p = await ctx.call('proposal.reject', { id: proposalId(id), note: opts.reason })
          ctx.out(`Rejected #${p.id}; it stays in history.`, p)
        },
        { writes: true }
      )
    )
  program
    .command('note')
    .description('record dev-review notes (kept with the next board version)')
    .requiredOption('--board <name>')
    .option('--kind <kind>', 'dev-review | launch-plan | note', 'dev-review')
    .argument('<text>')
    .action((text: string, opts: { board: string; kind: string }) =>
      run(
        async (ctx) => {
          if (!['dev-review', 'launch-plan', 'note'].includes(opts.kind)) throw new AppError('VALIDATION', `Unknown note kind "${opts.kind}".`)
          const note = await ctx.call('notes.add', { boardId: await ctx.boardId(opts.board), kind: opts.kind as 'dev-review', body: text })
          ctx.out(`Noted (${note.kind}).`, note)
        },
        { writes: true }
      )
    )
}
