import type { ChatMessage } from './llm-client'
import type { LlmCache } from './llm-cache'
import { AppError } from '../../domain/errors'
import type { LlmSettingsService } from './llm-settings'
import { meteredClient } from './metered-client'
import { costOf, type ReviewSessions } from './review-sessions'
import type { ChatResult, ReviewChunk } from '../../domain/assistant-views'

// Sent once before the first follow-up: the review asked for JSON, the conversation is prose.
export const FOLLOW_UP_RULE =
  'The product owner now asks follow-up questions about this review. Answer in plain text (no JSON), briefly, citing the data above. You still only propose: nothing changes until the owner accepts a proposal in the review panel.'

export interface ChatRequest {
  sessionId: number
  message: string
}

/** Continues a review session's conversation: tokens streamed, turns and usage kept in the session. */
export function createReviewChat(deps: { settings: LlmSettingsService; sessions: ReviewSessions; cache: LlmCache; now: () => number }) {
  const { settings, sessions, cache, now } = deps
  return async ({ sessionId, message }: ChatRequest, options: { signal?: AbortSignal; emit?: (chunk: ReviewChunk) => void } = {}): Promise<ChatResult> => {
    const session = sessions.get(sessionId)
    if (session.engine !== 'assistant') throw new AppError('VALIDATION', 'Only an assistant review session can be continued as a conversation.', { sessionId })
    if (session.status === 'running') throw new AppError('VALIDATION', 'This review is still running; wait for it to finish or cancel it.', { sessionId })
    const resolved = settings.require()
    const metered = meteredClient(resolved, cache, { promptTokens: session.promptTokens, completionTokens: session.completionTokens })
    const history: ChatMessage[] = session.messages.map(({ role, content }) => ({ role, content }))
    const rule: ChatMessage[] = history.some((m) => m.role === 'system' && m.content === FOLLOW_UP_RULE) ? [] : [{ role: 'system', content: FOLLOW_UP_RULE }]
    const question: ChatMessage = { role: 'user', content: message }
    const answer = await metered.client.streamChat({
      messages: [...history, ...rule, question],
      signal: options.signal,
      onToken: (text) => options.emit?.({ type: 'token', text })
    })
    const at = now()
    const turn = [...rule, question, { role: 'assistant' as const, content: answer.text }].map((m) => ({ ...m, at }))
    const summary = sessions.update(sessionId, {
      messages: turn,
      usage: metered.spent,
      costUsd: costOf(resolved.client.model, metered.spent, resolved.preset).usd
    })
    return {
      sessionId,
      reply: answer.text,
      promptTokens: answer.usage.promptTokens,
      completionTokens: answer.usage.completionTokens,
      cached: answer.cached,
      session: summary
    }
  }
}
