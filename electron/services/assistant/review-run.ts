import pLimit from 'p-limit'
import type { ChatMessage, LlmSettings } from './llm-client'
import type { LlmCache } from './llm-cache'
import { previewReviewPrompt, runLlmReview, type LlmReviewResult } from './llm-review'
import type { ReviewPromptInput } from './stage-prompts'
import type { Core } from '../core'
import type { ProposalDraft } from '../../domain/proposal'
import { AppError, isAppError } from '../../domain/errors'
import { parseTarget } from '../../domain/target/parse-target'
import type { LlmSettingsService, ResolvedLlm } from './llm-settings'
import { meteredClient } from './metered-client'
import type { PromptTemplates } from './prompt-templates'
import { batches, batchInput, gatherReviewInput, type ReviewSelection } from './review-context'
import { costOf, type ReviewSessions } from './review-sessions'
import type { ReviewChunk, ReviewPreviewView, ReviewRunResult, SessionMessage } from '../../domain/assistant-views'

export interface ReviewRequest extends ReviewSelection {
  engine: 'analyzer' | 'llm'
}

export interface RunOptions {
  signal?: AbortSignal
  emit?: (chunk: ReviewChunk) => void
}

export interface ReviewRunnerDeps {
  core: Core
  settings: LlmSettingsService
  templates: PromptTemplates
  sessions: ReviewSessions
  cache: LlmCache
}

type ClientShape = Pick<LlmSettings, 'model' | 'structuredOutput' | 'apiKey'>

const OFFLINE_NOTE = {
  missing: (why: string) => `No LLM is configured (${why}), so the offline analyzer reviewed the board instead.`,
  unreachable: 'The LLM endpoint could not be reached, so the offline analyzer reviewed the board instead.'
}

/** The model writes targets as text; proposals carry them parsed, as every other target in the app. */
function withParsedTargets(draft: ProposalDraft): ProposalDraft {
  if (draft.kind === 'patch') {
    const patches = draft.patches.map((patch) =>
      patch.field === 'target' && patch.value && typeof patch.value === 'object'
        ? { ...patch, value: parseTarget((patch.value as { text: string }).text) }
        : patch
    )
    return { ...draft, patches }
  }
  if (draft.kind === 'add' && draft.fields.target) return { ...draft, fields: { ...draft.fields, target: parseTarget(draft.fields.target.text) } }
  return draft
}

export function createReviewRunner({ core, settings, templates, sessions, cache }: ReviewRunnerDeps) {
  const stamp = (messages: ChatMessage[]): SessionMessage[] => messages.map((message) => ({ ...message, at: core.deps.now() }))

  /** The requests a review would send, batch by batch, built once for both the preview and the run. */
  async function prepare(selection: ReviewSelection, client: ClientShape, kpisPerRequest: number, signal?: AbortSignal) {
    // The board's language picks the Chinese or the English stage prompt, and the language the model answers in.
    const language = core.boards.language(selection.boardId)
    const template = templates.effective(selection.stage, language)
    const input = await gatherReviewInput(core, selection, { secrets: settings.knownSecrets() }, signal)
    const parts: ReviewPromptInput[] = input.kpis.length
      ? batches(input.kpis, kpisPerRequest).map((batch) => ({ ...batchInput(template.body, input, batch), language }))
      : []
    const requests = parts.map((part) => previewReviewPrompt(selection.stage, part, client))
    return { template, input, parts, requests }
  }

  async function analyzer(request: ReviewRequest, { signal, emit }: RunOptions, note?: string): Promise<ReviewRunResult> {
    if (note) emit?.({ type: 'note', text: note })
    const outcome = await core.analyzerReview(request, { signal, onProgress: (done, total) => emit?.({ type: 'progress', done, total }) })
    return {
      engine: 'analyzer',
      proposals: outcome.proposals,
      reviewed: outcome.reviewed,
      ...(outcome.remarks.length ? { remarks: outcome.remarks } : {}),
      ...(note ? { note } : {})
    }
  }

  async function ask(resolved: ResolvedLlm, request: ReviewRequest, options: RunOptions): Promise<ReviewRunResult> {
    const { signal, emit } = options
    const { template, input, parts, requests } = await prepare(request, resolved.client, resolved.kpisPerRequest, signal)
    for (const text of input.notes) emit?.({ type: 'note', text })
    if (parts.length === 0) return { engine: 'assistant', proposals: [], reviewed: 0, note: `No KPI is at the ${request.stage} stage; nothing was sent.` }
    const { boardId, stage } = request
    const model = resolved.client.model
    const sessionId = sessions.start({ boardId, stage, model, templateId: template.templateId })
    // What was sent, batch by batch, with each answer after its request; a repeated system message is kept once.
    const transcript = (answers: (string | undefined)[], trailing: ChatMessage[] = []): SessionMessage[] => {
      const out: ChatMessage[] = []
      for (const [index, { messages }] of requests.entries()) {
        const [system, user] = messages as [ChatMessage, ChatMessage]
        if (!out.some((m) => m.role === 'system' && m.content === system.content)) out.push(system)
        out.push(user)
        const answer = answers[index]
        if (answer !== undefined) out.push({ role: 'assistant', content: answer })
      }
      return stamp([...out, ...trailing])
    }
    const metered = meteredClient(resolved, cache)
    const cost = () => costOf(model, metered.spent, resolved.preset).usd
    // One failed request stops the others: a review stores all of its proposals or none.
    const stop = new AbortController()
    const inner = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal
    const limit = pLimit(resolved.concurrency)
    let done = 0
    emit?.({ type: 'progress', done: 0, total: parts.length })
    try {
      const results = await Promise.all(
        parts.map((part, index) =>
          limit(async (): Promise<LlmReviewResult> => {
            if (inner.aborted) throw new AppError('CANCELLED', 'The review was cancelled.')
            try {
              const result = await runLlmReview(metered.client, stage, part, {
                signal: inner,
                onToken: (text) => emit?.({ type: 'token', text, ...(parts.length > 1 ? { part: index } : {}) })
              })
              emit?.({ type: 'progress', done: (done += 1), total: parts.length })
              return result
            } catch (error) {
              stop.abort()
              limit.clearQueue()
              throw error
            }
          })
        )
      )
      const dropped = results.flatMap((result) => result.notes)
      for (const text of dropped) emit?.({ type: 'note', text })
      const drafts = results.flatMap((result) => result.drafts).map(withParsedTargets)
      const proposals = core.transaction(() => {
        const stored = core.proposals.store(boardId, stage, 'assistant', drafts, sessionId)
        sessions.update(sessionId, { messages: transcript(results.map((result) => result.raw)), usage: metered.spent, costUsd: cost(), status: 'done' })
        return stored
      })
      const summary = results
        .map((result) => result.summary.trim())
        .filter(Boolean)
        .join('\n\n')
      return { engine: 'assistant', proposals, reviewed: input.kpis.length, summary, ...(dropped.length ? { dropped } : {}), sessionId }
    } catch (error) {
      const cancelled = signal?.aborted === true || (isAppError(error) && error.code === 'CANCELLED')
      const raw = isAppError(error) && typeof error.details?.raw === 'string' ? [{ role: 'assistant' as const, content: error.details.raw }] : []
      const message = error instanceof Error ? error.message : String(error)
      sessions.update(sessionId, {
        messages: transcript([], raw),
        usage: metered.spent,
        costUsd: cost(),
        status: cancelled ? 'cancelled' : 'failed',
        error: message
      })
      if (cancelled) throw isAppError(error) && error.code === 'CANCELLED' ? error : new AppError('CANCELLED', 'The review was cancelled.')
      if (isAppError(error) && error.code === 'LLM_UNREACHABLE') return analyzer(request, options, OFFLINE_NOTE.unreachable)
      throw error
    }
  }

  return {
    /** One review of a board at a stage by either engine; the LLM falls back to the analyzer when offline. */
    async run(request: ReviewRequest, options: RunOptions = {}): Promise<ReviewRunResult> {
      if (request.engine === 'analyzer') return analyzer(request, options)
      const resolved = settings.resolve()
      if ('missing' in resolved) return analyzer(request, options, OFFLINE_NOTE.missing(resolved.missing))
      return ask(resolved, request, options)
    },

    /** Exactly the requests `run` would send now, without sending anything. */
    async preview(selection: ReviewSelection, signal?: AbortSignal): Promise<ReviewPreviewView> {
      const resolved = settings.resolve()
      const view = settings.get()
      const configured = !('missing' in resolved)
      const client: ClientShape = configured ? resolved.client : { model: view.effective.model, structuredOutput: view.structuredOutput }
      const { template, input, requests } = await prepare(selection, client, configured ? resolved.kpisPerRequest : view.kpisPerRequest, signal)
      return {
        configured,
        model: client.model,
        templateId: template.templateId,
        reviewed: input.kpis.length,
        requests: requests.map(({ messages, body }) => ({ messages, body })),
        notes: input.notes
      }
    }
  }
}
export type ReviewRunner = ReturnType<typeof createReviewRunner>
