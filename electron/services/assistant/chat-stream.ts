import type OpenAI from 'openai'
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions'
import type { Stream } from 'openai/streaming'
import { AppError } from '../../domain/errors'
import { toLlmError } from './llm-errors'
import type { TokenUsage } from './token-budget'

interface StreamInput {
  openai: OpenAI
  body: ChatCompletionCreateParamsStreaming
  signal?: AbortSignal
  onToken?: (token: string) => void
  /** Longest silence allowed between two chunks; the SDK's timeout only covers the response headers. */
  idleMs: number
  apiKey?: string
}

/**
 * Reads a streamed answer token by token. A stream is complete only when a choice reported its
 * finish_reason; a connection closed before that is an error that keeps the partial text.
 */
export async function readChatStream({ openai, body, signal, onToken, idleMs, apiKey }: StreamInput): Promise<{ text: string; usage: TokenUsage }> {
  const controller = new AbortController()
  const abort = () => controller.abort()
  signal?.addEventListener('abort', abort, { once: true })
  let idle = false
  let timer: NodeJS.Timeout | undefined
  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      idle = true
      controller.abort()
    }, idleMs)
  }
  let text = ''
  let finished = false
  let usage: TokenUsage = { promptTokens: 0, completionTokens: 0 }
  const interrupted = (cause?: unknown): AppError => {
    if (signal?.aborted) return new AppError('CANCELLED', 'The answer was cancelled.', { partial: text })
    if (idle) return new AppError('LLM_TIMEOUT', 'The LLM endpoint stopped sending the answer.', { partial: text })
    const reason = cause instanceof Error ? cause.message : undefined
    return new AppError('LLM_HTTP', 'The answer stream ended early.', { partial: text, ...(reason ? { reason } : {}) })
  }
  try {
    if (signal?.aborted) throw new AppError('CANCELLED', 'The answer was cancelled.', { partial: '' })
    let stream: Stream<ChatCompletionChunk>
    try {
      stream = await openai.chat.completions.create(body, { signal: controller.signal })
    } catch (error) {
      throw toLlmError(error, signal, apiKey)
    }
    arm()
    try {
      for await (const chunk of stream) {
        arm()
        const choice = chunk.choices[0]
        const token = choice?.delta?.content
        if (token) {
          text += token
          onToken?.(token)
        }
        if (choice?.finish_reason) finished = true
        if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens }
      }
    } catch (error) {
      throw interrupted(error)
    }
    if (!finished || signal?.aborted || idle) throw interrupted()
    return { text, usage }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', abort)
  }
}
