import type { Command } from 'commander'
import { REVIEW_STAGES, type ReviewStage } from '../../domain/assistant-settings'
import type { ProposalView } from '../../domain/views'
import { AppError } from '../../domain/errors'
import { show } from '../format'
import type { Run } from '../run'
import { promptCommands } from './prompt'

function proposalLines(p: ProposalView): string[] {
  const lines = [`#${p.id} ${p.kind} ${p.code} (${p.engine})`]
  if (p.kind === 'add') {
    const fields = p.patches[0]?.value as Record<string, unknown> | undefined
    for (const [field, value] of Object.entries(fields ?? {})) lines.push(`  ${field}: ${show(value)}`)
  }
  if (p.kind === 'patch') for (const patch of p.patches) lines.push(`  ${patch.field}: ${show(patch.current)} → ${show(patch.value)}`)
  lines.push(`  why: ${p.rationale}`)
  return lines
}

/** Ctrl+C aborts the request in flight; nothing from a partial answer is stored. */
function interruptible(): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController()
  const abort = () => controller.abort()
  process.once('SIGINT', abort)
  return { signal: controller.signal, done: () => process.off('SIGINT', abort) }
}

export function reviewCommands(program: Command, run: Run) {
  program
    .command('review')
    .description('review a board at a stage with the offline analyzer or the LLM (KPILOOP_LLM_BASE_URL, _MODEL, _API_KEY)')
    .requiredOption('--board <name>')
    .requiredOption('--stage <stage>', REVIEW_STAGES.join(' | '))
    .option('--engine <engine>', 'analyzer | llm', 'llm')
    .option('--kpi <code...>', 'review only these KPIs')
    .action((opts: { board: string; stage: string; engine: string; kpi?: string[] }) =>
      run(
        async (ctx) => {
          if (!(REVIEW_STAGES as readonly string[]).includes(opts.stage))
            throw new AppError('VALIDATION', `Unknown stage "${opts.stage}". Stages: ${REVIEW_STAGES.join(', ')}.`)
          if (opts.engine !== 'analyzer' && opts.engine !== 'llm') throw new AppError('VALIDATION', `Unknown engine "${opts.engine}" (analyzer or llm).`)
          const boardId = await ctx.boardId(opts.board)
          const kpiIds = opts.kpi ? await Promise.all(opts.kpi.map((code) => ctx.kpiId(boardId, code))) : undefined
          const { signal, done } = interruptible()
          const result = await ctx
            .call('review.run', { boardId, stage: opts.stage as ReviewStage, engine: opts.engine, kpiIds }, { signal })
            .catch((error: unknown) => {
              // The raw answer helps to see what the model got wrong; nothing was stored.
              if (error instanceof AppError && typeof error.details?.raw === 'string') process.stderr.write(`model answer:\n${error.details.raw}\n`)
              throw error
            })
            .finally(done)
          if (result.note) process.stderr.write(`note: ${result.note}\n`)
          const head = `${result.engine === 'assistant' ? 'The assistant' : 'The analyzer'} reviewed ${result.reviewed} KPIs: ${result.proposals.length} proposals${result.sessionId ? ` (session ${result.sessionId})` : ''}.`
          const body = [
            head,
            ...(result.summary ? [result.summary] : []),
            ...result.proposals.flatMap(proposalLines),
            ...(result.remarks ?? []).map((remark) => `nothing proposed: ${remark.text}`),
            ...(result.dropped ?? []).map((text) => `dropped: ${text}`)
          ]
          ctx.out(body.join('\n'), result)
        },
        { writes: true }
      )
    )
  const llm = program.command('llm').description('the LLM endpoint of the assistant')
  llm
    .command('test')
    .description('send one short request to the configured endpoint (environment overrides apply)')
    .action(() =>
      run(
        async (ctx) => {
          const { signal, done } = interruptible()
          const tested = await ctx.call('llm.test', {}, { signal }).finally(done)
          ctx.out(`${tested.model} answered in ${tested.latencyMs} ms.`, tested)
        },
        { orEmpty: true }
      )
    )
  promptCommands(llm, run)
}
