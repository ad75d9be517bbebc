import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../domain/errors'
import { createMemoryLlmCache } from './llm-cache'
import { createLlmClient, type LlmSettings } from './llm-client'
import { startFakeChatServer, type FakeChatServer } from './testing/fake-chat-server'

let server: FakeChatServer
beforeEach(async () => {
  server = await startFakeChatServer()
})
afterEach(async () => {
  await server.close()
})

const settings = (over: Partial<LlmSettings> = {}): LlmSettings => ({
  baseURL: server.url,
  model: 'fake-model',
  apiKey: 'sk-stream-key-123456',
  structuredOutput: 'json_object',
  timeoutMs: 2_000,
  maxRetries: 0,
  ...over
})
const messages = [{ role: 'user' as const, content: 'KPI-003 SLA 达成率 96%，目标 ≥ 95%。还需要调整吗？' }]
const pieces = ['达标，', '建议保持', '目标不变。']

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('streamChat', () => {
  it('streams tokens in order and reads the usage chunk', async () => {
    server.enqueue({ stream: pieces, usage: { promptTokens: 40, completionTokens: 9 } })
    const tokens: string[] = []
    const answer = await createLlmClient(settings()).streamChat({ messages, onToken: (token) => tokens.push(token) })
    expect(tokens).toEqual(pieces)
    expect(answer).toEqual({ text: '达标，建议保持目标不变。', usage: { promptTokens: 40, completionTokens: 9 }, cached: false })
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  it('treats a connection closed mid-answer as an error that keeps the partial text', async () => {
    server.enqueue({ stream: pieces, streamCutAfter: 2 })
    const error = await failure(createLlmClient(settings()).streamChat({ messages }))
    expect(error.code).toBe('LLM_HTTP')
    expect(error.message).toContain('ended early')
    expect(error.details?.partial).toBe('达标，建议保持')
  })

  it('cancels mid-stream with CANCELLED and closes the connection', async () => {
    server.enqueue({ stream: [...pieces, '补充：', '增加 SLA 警报。'], delayMs: 80 })
    const controller = new AbortController()
    const tokens: string[] = []
    const error = await failure(
      createLlmClient(settings()).streamChat({
        messages,
        signal: controller.signal,
        onToken: (token) => {
          tokens.push(token)
          if (tokens.length === 2) controller.abort()
        }
      })
    )
    expect(error.code).toBe('CANCELLED')
    expect(error.details?.partial).toBe('达标，建议保持')
    await expect.poll(() => server.requests[0]?.closedEarly).toBe(true)
  })

  it('times out a stream that goes silent', async () => {
    server.enqueue({ stream: [...pieces], delayMs: 1_000 })
    const error = await failure(createLlmClient(settings({ timeoutMs: 250 })).streamChat({ messages }))
    expect(error.code).toBe('LLM_TIMEOUT')
  })

  it('replays a cached answer without a request', async () => {
    server.enqueue({ stream: pieces })
    const cache = createMemoryLlmCache()
    await createLlmClient(settings(), { cache }).streamChat({ messages })
    const tokens: string[] = []
    const again = await createLlmClient(settings(), { cache }).streamChat({ messages, onToken: (token) => tokens.push(token) })
    expect(again).toMatchObject({ text: '达标，建议保持目标不变。', cached: true })
    expect(tokens.join('')).toBe('达标，建议保持目标不变。')
    expect(server.requests).toHaveLength(1)
  })
})
