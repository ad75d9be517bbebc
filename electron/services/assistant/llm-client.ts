import OpenAI from 'openai'
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions'
import type { ZodMiniType } from 'zod/mini'
import { AppError } from '../../domain/errors'
import { cacheKey, type LlmCache } from './llm-cache'
import { redactKey, toLlmError } from './llm-errors'
import { checkJsonAnswer, jsonSchemaOf } from './json-answer'
import { estimateTokens, type TokenBudget, type TokenUsage } from './token-budget'
import { readChatStream } from './chat-stream'
import type { ChatMessage } from '../../domain/assistant-views'

export type { ChatMessage }

export interface LlmSettings {
  baseURL: string
  model: string
  apiKey?: string
  headers?: Record<string, string>
  structuredOutput: 'json_schema' | 'json_object'
  timeoutMs?: number
  maxRetries?: number
}

export interface JsonRequest<T> {
  system: string
  user: string
  schema: ZodMiniType<T>
  /** Letters, digits, `_` and `-`: the name the provider shows for the schema. */
  schemaName: string
  signal?: AbortSignal
  /** Streams the answer as it is written (a review shown live); the result is validated the same way. */
  onToken?: (token: string) => void
}

export interface JsonAnswer<T> {
  data: T
  raw: string
  /** Tokens spent by this call; zero when the answer came from the cache. */
  usage: TokenUsage
  cached: boolean
  /** The model's first answer was invalid and the repaired one was used. */
  repaired: boolean
}

export interface StreamRequest {
  messages: ChatMessage[]
  signal?: AbortSignal
  onToken?: (token: string) => void
}

export interface StreamAnswer {
  text: string
  usage: TokenUsage
  cached: boolean
}

export interface LlmClient {
  readonly model: string
  test(signal?: AbortSignal): Promise<{ model: string; latencyMs: number }>
  completeJson<T>(request: JsonRequest<T>): Promise<JsonAnswer<T>>
  streamChat(request: StreamRequest): Promise<StreamAnswer>
}

export interface LlmClientDeps {
  cache?: LlmCache
  budget?: TokenBudget
  now?: () => number
}

const NO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0 }
export const DEFAULT_LLM_TIMEOUT_MS = 60_000

/**
 * One deadline for a whole request, retries and their waits included: a hanging endpoint costs
 * `ms`, not `ms` per try. Ends with LLM_TIMEOUT (the user's own cancel stays CANCELLED); whatever
 * streamed in before is dropped with the error.
 */
async function withinDeadline<T>(ms: number, signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadline = AbortSignal.timeout(ms)
  try {
    return await run(signal ? AbortSignal.any([signal, deadline]) : deadline)
  } catch (error) {
    if (deadline.aborted && !signal?.aborted) {
      throw new AppError('LLM_TIMEOUT', `The LLM endpoint did not answer within ${Math.round(ms / 1000)} s (retries included).`, { timeoutMs: ms })
    }
    throw error
  }
}

function repairMessage(errors: string[]): string {
  return [
    'Your previous answer does not match the required JSON schema. Problems found:',
    ...errors.slice(0, 20).map((error) => `- ${error}`),
    'Answer again with only the corrected JSON object, nothing before or after it.'
  ].join('\n')
}

function schemaHint(schema: Record<string, unknown>): string {
  return `\n\nAnswer with one JSON object (no Markdown fence, no prose) that validates against this JSON Schema:\n${JSON.stringify(schema)}`
}

function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens }
}

function scrub(messages: ChatMessage[], apiKey: string | undefined): ChatMessage[] {
  return messages.map((message) => ({ ...message, content: redactKey(message.content, apiKey) }))
}

/** Exactly the body `completeJson` sends, so the UI can preview what leaves the machine. */
export function jsonRequestBody(
  settings: Pick<LlmSettings, 'model' | 'structuredOutput' | 'apiKey'>,
  { system, user, schema, schemaName }: Pick<JsonRequest<unknown>, 'system' | 'user' | 'schema' | 'schemaName'>
): ChatCompletionCreateParamsNonStreaming {
  const jsonSchema = jsonSchemaOf(schema)
  const useSchema = settings.structuredOutput === 'json_schema'
  return {
    model: settings.model,
    messages: scrub(
      [
        { role: 'system', content: useSchema ? system : system + schemaHint(jsonSchema) },
        { role: 'user', content: user }
      ],
      settings.apiKey
    ),
    response_format: useSchema ? { type: 'json_schema', json_schema: { name: schemaName, schema: jsonSchema, strict: true } } : { type: 'json_object' }
  }
}

/** A client for any OpenAI-compatible endpoint, built on the official SDK (retries, Retry-After, one deadline per request). */
export function createLlmClient(settings: LlmSettings, deps: LlmClientDeps = {}): LlmClient {
  if (!settings.baseURL.trim() || !settings.model.trim()) throw new AppError('LLM_NOT_CONFIGURED', 'Set the base URL and the model of the LLM endpoint first.')
  const now = deps.now ?? Date.now
  const timeout = settings.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS
  // Explicit values so the SDK never falls back to OPENAI_API_KEY / OPENAI_ORG_ID from the environment.
  const openai = new OpenAI({
    baseURL: settings.baseURL.replace(/\/+$/, ''),
    apiKey: settings.apiKey || 'none',
    organization: null,
    project: null,
    defaultHeaders: settings.headers,
    timeout,
    maxRetries: settings.maxRetries ?? 2
  })
  // The whole body counts: a JSON schema in response_format is prompt tokens too.
  const beforeSend = (body: object) => deps.budget?.ensure(estimateTokens(JSON.stringify(body)))

  async function complete(
    body: ChatCompletionCreateParamsNonStreaming,
    signal?: AbortSignal,
    onToken?: (token: string) => void
  ): Promise<{ text: string; usage: TokenUsage; model: string }> {
    beforeSend(body)
    return withinDeadline(timeout, signal, async (bounded) => {
      if (onToken) {
        const streamed = await readChatStream({
          openai,
          body: { ...body, stream: true, stream_options: { include_usage: true } },
          signal: bounded,
          onToken,
          idleMs: timeout,
          apiKey: settings.apiKey
        })
        deps.budget?.charge(streamed.usage)
        return { ...streamed, model: settings.model }
      }
      try {
        const completion = await openai.chat.completions.create(body, { signal: bounded })
        const usage = { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 }
        deps.budget?.charge(usage)
        return { text: completion.choices[0]?.message.content ?? '', usage, model: completion.model }
      } catch (error) {
        throw toLlmError(error, bounded, settings.apiKey)
      }
    })
  }

  return {
    model: settings.model,

    async test(signal) {
      const started = now()
      const answer = await complete({ model: settings.model, messages: [{ role: 'user', content: 'Reply with the single word OK.' }] }, signal)
      return { model: answer.model || settings.model, latencyMs: now() - started }
    },

    async completeJson<T>(request: JsonRequest<T>): Promise<JsonAnswer<T>> {
      const { schema, signal, onToken } = request
      const body = jsonRequestBody(settings, request)
      const messages = body.messages as ChatMessage[]
      const key = cacheKey(settings.model, body)
      const hit = deps.cache?.get(key)
      if (hit) {
        const checked = checkJsonAnswer(hit.text, schema)
        if (checked.ok) {
          onToken?.(hit.text)
          return { data: checked.data, raw: hit.text, usage: NO_USAGE, cached: true, repaired: false }
        }
      }
      const remember = (text: string, usage: TokenUsage) => deps.cache?.set(key, { model: settings.model, text, ...usage })
      const first = await complete(body, signal, onToken)
      const checked = checkJsonAnswer(first.text, schema)
      if (checked.ok) {
        remember(first.text, first.usage)
        return { data: checked.data, raw: first.text, usage: first.usage, cached: false, repaired: false }
      }
      const repairBody = {
        ...body,
        messages: [...messages, { role: 'assistant' as const, content: first.text }, { role: 'user' as const, content: repairMessage(checked.errors) }]
      }
      const second = await complete(repairBody, signal, onToken)
      const usage = addUsage(first.usage, second.usage)
      const repaired = checkJsonAnswer(second.text, schema)
      if (!repaired.ok) {
        throw new AppError('LLM_INVALID_OUTPUT', 'The model answered twice with output that does not match the expected format.', {
          raw: second.text,
          firstRaw: first.text,
          errors: repaired.errors,
          usage
        })
      }
      remember(second.text, usage)
      return { data: repaired.data, raw: second.text, usage, cached: false, repaired: true }
    },

    async streamChat({ messages, signal, onToken }) {
      const body: ChatCompletionCreateParamsStreaming = {
        model: settings.model,
        messages: scrub(messages, settings.apiKey),
        stream: true,
        stream_options: { include_usage: true }
      }
      const key = cacheKey(settings.model, body)
      const hit = deps.cache?.get(key)
      if (hit) {
        onToken?.(hit.text)
        return { text: hit.text, usage: NO_USAGE, cached: true }
      }
      beforeSend(body)
      const answer = await withinDeadline(timeout, signal, (bounded) =>
        readChatStream({ openai, body, signal: bounded, onToken, idleMs: timeout, apiKey: settings.apiKey })
      )
      deps.budget?.charge(answer.usage)
      deps.cache?.set(key, { model: settings.model, text: answer.text, ...answer.usage })
      return { ...answer, cached: false }
    }
  }
}
