import type { Command } from 'commander'
import type { ProposalView } from '../../domain/views'
import { REVIEW_STAGES, type ReviewStage } from '../../services/assistant/stage-prompts'
import { AppError } from '../../domain/errors'
import { show } from '../format'
import type { Run } from '../run'

// Loaded on use: the other commands should not pay for the LLM SDK at start-up.
const loadAssistant = () => import('../../services/assistant')

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

export function reviewCommands(program: Command, run: Run) {
  program
    .command('review')
    .description('review a board at a stage with the offline analyzer or the LLM (KPILOOP_LLM_BASE_URL, _MODEL, _API_KEY)')
    .requiredOption('--board <name>')
    .requiredOption('--stage <stage>', REVIEW_STAGES.join(' | '))
    .option('--engine <engine>', 'analyzer | llm', 'llm')
    .option('--kpi <code...>', 'review only these KPIs')
    .action((opts: { board: string; stage: string; engine: string; kpi?: string[] }) =>
      run(async (ctx) => {
        if (!(REVIEW_STAGES as readonly string[]).includes(opts.stage))
          throw new AppError('VALIDATION', `Unknown stage "${opts.stage}". Stages: ${REVIEW_STAGES.join(', ')}.`)
        if (opts.engine !== 'analyzer' && opts.engine !== 'llm') throw new AppError('VALIDATION', `Unknown engine "${opts.engine}" (analyzer or llm).`)
        const boardId = ctx.board(opts.board)
        const kpiIds = opts.kpi?.map((code) => ctx.core.kpis.resolve(boardId, code))
        const controller = new AbortController()
        process.once('SIGINT', () => controller.abort())
        const { createAssistant } = await loadAssistant()
        const result = await createAssistant(ctx.core)
          .run({ boardId, stage: opts.stage as ReviewStage, engine: opts.engine, kpiIds }, { signal: controller.signal })
          .catch((error: unknown) => {
            // The raw answer helps to see what the model got wrong; nothing was stored.
            if (error instanceof AppError && typeof error.details?.raw === 'string') process.stderr.write(`model answer:\n${error.details.raw}\n`)
            throw error
          })
        if (result.note) process.stderr.write(`note: ${result.note}\n`)
        const head = `${result.engine === 'assistant' ? 'The assistant' : 'The analyzer'} reviewed ${result.reviewed} KPIs: ${result.proposals.length} proposals${result.sessionId ? ` (session ${result.sessionId})` : ''}.`
        const body = [
          head,
          ...(result.summary ? [result.summary] : []),
          ...result.proposals.flatMap(proposalLines),
          ...(result.dropped ?? []).map((text) => `dropped: ${text}`)
        ]
        ctx.out(body.join('\n'), result)
      })
    )
  const llm = program.command('llm').description('the LLM endpoint of the assistant')
  llm
    .command('test')
    .description('send one short request to the configured endpoint (environment overrides apply)')
    .action(() =>
      run(async (ctx) => {
        const { createAssistant } = await loadAssistant()
        const tested = await createAssistant(ctx.core).test()
        ctx.out(`${tested.model} answered in ${tested.latencyMs} ms.`, tested)
      })
    )
}
