import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as z from '../../domain/zod'
import { openWorkspace } from '../../../db/open'
import { AppError } from '../../domain/errors'
import { createMemoryLlmCache, createSqliteLlmCache } from './llm-cache'
import { createLlmClient, type LlmSettings } from './llm-client'
import { startFakeChatServer, type FakeChatServer } from './testing/fake-chat-server'
import { createBudget } from './token-budget'

const KEY = 'sk-test-4f9a2c1d8e7b6a5f'
const verdict = z.object({ verdict: z.enum(['keep', 'retarget']), reason: z.string() })
const ask = {
  system: 'You review one KPI and answer in JSON.',
  user: 'KPI-T001 首次响应时间 ≤ 30 分钟, actual 45 分钟',
  schema: verdict,
  schemaName: 'kpi_verdict'
}

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
  apiKey: KEY,
  structuredOutput: 'json_schema',
  timeoutMs: 2_000,
  maxRetries: 2,
  ...over
})
const bodyOf = (index: number) =>
  server.requests[index]?.body as {
    messages: { role: string; content: string }[]
    response_format?: { type: string; json_schema?: { name: string; strict: boolean; schema: object } }
  }

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('completeJson', () => {
  it('sends a strict json_schema response format and returns the validated answer', async () => {
    server.enqueue({ json: { verdict: 'retarget', reason: '实际 45 分钟，目标过紧' }, usage: { promptTokens: 120, completionTokens: 30 } })
    const answer = await createLlmClient(settings()).completeJson(ask)
    expect(answer).toMatchObject({
      data: { verdict: 'retarget', reason: '实际 45 分钟，目标过紧' },
      usage: { promptTokens: 120, completionTokens: 30 },
      cached: false,
      repaired: false
    })
    const format = bodyOf(0).response_format
    expect(format?.type).toBe('json_schema')
    expect(format?.json_schema).toMatchObject({
      name: 'kpi_verdict',
      strict: true,
      schema: { type: 'object', required: ['verdict', 'reason'], additionalProperties: false }
    })
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('uses JSON mode with the schema in the system prompt and strips a Markdown fence', async () => {
    server.enqueue({ json: '```json\n{"verdict": "keep", "reason": "on target"}\n```' })
    const answer = await createLlmClient(settings({ structuredOutput: 'json_object' })).completeJson(ask)
    expect(answer.data).toEqual({ verdict: 'keep', reason: 'on target' })
    expect(bodyOf(0).response_format).toEqual({ type: 'json_object' })
    expect(bodyOf(0).messages[0]?.content).toContain('"enum":["keep","retarget"]')
  })

  it('repairs a schema-violating answer once, sending the validation errors back', async () => {
    server.enqueue({ json: { verdict: 'lower the target', reason: 12 } }, { json: { verdict: 'retarget', reason: 'lower to 40 min' } })
    const answer = await createLlmClient(settings({ structuredOutput: 'json_object' })).completeJson(ask)
    expect(answer).toMatchObject({ data: { verdict: 'retarget' }, repaired: true })
    const repair = bodyOf(1).messages
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: '{"verdict":"lower the target","reason":12}' })
    expect(repair.at(-1)?.content).toContain('verdict: Invalid option: expected one of "keep"|"retarget"')
    expect(repair.at(-1)?.content).toContain('reason: Invalid input: expected string, received number')
  })

  it('gives up with LLM_INVALID_OUTPUT and the raw text after a failed repair', async () => {
    server.enqueue({ json: 'The KPIs look fine to me.' }, { json: 'Sorry, as I said, they are fine.' })
    const error = await failure(createLlmClient(settings()).completeJson(ask))
    expect(error.code).toBe('LLM_INVALID_OUTPUT')
    expect(error.details?.raw).toBe('Sorry, as I said, they are fine.')
    expect(server.requests).toHaveLength(2)
  })

  it('waits for Retry-After on 429 and then succeeds', async () => {
    server.enqueue({ status: 429, retryAfter: 0.4 }, { json: { verdict: 'keep', reason: 'ok' } })
    const started = performance.now()
    const answer = await createLlmClient(settings()).completeJson(ask)
    expect(performance.now() - started).toBeGreaterThanOrEqual(390)
    expect(answer.data.verdict).toBe('keep')
    expect(server.requests).toHaveLength(2)
  })

  it('retries a 500 and reports LLM_RATE_LIMIT when 429 persists past the retries', async () => {
    server.enqueue({ status: 500 }, { json: { verdict: 'keep', reason: 'ok' } })
    expect((await createLlmClient(settings()).completeJson(ask)).data.reason).toBe('ok')
    server.enqueue({ status: 429, retryAfter: 0.05 }, { status: 429, retryAfter: 0.05 })
    expect((await failure(createLlmClient(settings({ maxRetries: 1 })).completeJson(ask))).code).toBe('LLM_RATE_LIMIT')
    expect(server.requests).toHaveLength(4)
  })

  it('maps 401 to LLM_AUTH without repeating the key the provider echoed', async () => {
    server.enqueue({ status: 401, message: `Incorrect API key provided: ${KEY}` })
    const error = await failure(createLlmClient(settings()).completeJson(ask))
    expect(error.code).toBe('LLM_AUTH')
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(KEY)
    expect(server.requests).toHaveLength(1)
  })

  it('times out a hanging endpoint with LLM_TIMEOUT and closes the connection', async () => {
    server.enqueue({ hangMs: 5_000 })
    const error = await failure(createLlmClient(settings({ timeoutMs: 300, maxRetries: 0 })).completeJson(ask))
    expect(error.code).toBe('LLM_TIMEOUT')
    await expect.poll(() => server.requests[0]?.closedEarly).toBe(true)
  })

  it('gives a request one deadline across all its retries: an endpoint that never answers ends it there', async () => {
    const never = await startFakeChatServer([], { fallback: { hangMs: 600_000 } })
    try {
      // Five retries allowed, yet the one deadline ends the request during its first try.
      const client = createLlmClient(settings({ baseURL: never.url, timeoutMs: 1_000, maxRetries: 5 }))
      const error = await failure(client.completeJson(ask))
      expect(error).toMatchObject({ code: 'LLM_TIMEOUT', details: { timeoutMs: 1_000 } })
      expect(error.message).toContain('retries included')
      expect(never.requests).toHaveLength(1)
      await expect.poll(() => never.requests[0]?.closedEarly).toBe(true)
      // The streamed chat shares the deadline, and the user's own cancel stays a cancel.
      expect(await failure(client.streamChat({ messages: [{ role: 'user', content: '?' }] }))).toMatchObject({ code: 'LLM_TIMEOUT' })
      expect(never.requests).toHaveLength(2)
      const cancel = new AbortController()
      setTimeout(() => cancel.abort(), 100)
      expect((await failure(client.completeJson({ ...ask, signal: cancel.signal }))).code).toBe('CANCELLED')
    } finally {
      await never.close()
    }
  })

  it('reports LLM_UNREACHABLE when nothing listens and LLM_HTTP for a body that is not JSON', async () => {
    const gone = await startFakeChatServer()
    await gone.close()
    const unreachable = await failure(createLlmClient(settings({ baseURL: gone.url, maxRetries: 0 })).completeJson(ask))
    expect(unreachable.code).toBe('LLM_UNREACHABLE')
    server.enqueue({ raw: '<html>502 Bad Gateway</html>' })
    expect((await failure(createLlmClient(settings()).completeJson(ask))).code).toBe('LLM_HTTP')
  })

  it('answers an identical request from the cache without reaching the server', async () => {
    server.enqueue({ json: { verdict: 'keep', reason: 'ok' } })
    const cache = createMemoryLlmCache()
    const first = await createLlmClient(settings(), { cache }).completeJson(ask)
    const second = await createLlmClient(settings(), { cache }).completeJson(ask)
    expect(second).toMatchObject({ data: first.data, cached: true, usage: { promptTokens: 0, completionTokens: 0 } })
    expect(server.requests).toHaveLength(1)
  })

  it('keeps cached answers in the workspace file across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpiloop-llm-cache-'))
    try {
      server.enqueue({ json: { verdict: 'retarget', reason: 'trial data' } })
      const first = openWorkspace(join(dir, 'board.kpiloop'), { access: 'write', create: true })
      await createLlmClient(settings(), { cache: createSqliteLlmCache(first.db) }).completeJson(ask)
      first.close()
      const reopened = openWorkspace(join(dir, 'board.kpiloop'), { access: 'read' })
      const again = await createLlmClient(settings(), { cache: createSqliteLlmCache(reopened.db) }).completeJson(ask)
      reopened.close()
      expect(again).toMatchObject({ cached: true, data: { verdict: 'retarget', reason: 'trial data' } })
      const other = createLlmClient(settings({ model: 'other-model' }), { cache: createMemoryLlmCache() })
      server.enqueue({ json: { verdict: 'keep', reason: 'other model' } })
      expect((await other.completeJson(ask)).cached).toBe(false)
      expect(server.requests).toHaveLength(2)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses to send past the session token budget', async () => {
    server.enqueue({ json: { verdict: 'keep', reason: 'ok' }, usage: { promptTokens: 900, completionTokens: 80 } })
    const client = createLlmClient(settings(), { budget: createBudget(1_030) })
    await client.completeJson(ask)
    const error = await failure(client.completeJson({ ...ask, user: 'KPI-T002 SLA 达成率 ≥ 95%' }))
    expect(error.code).toBe('LLM_BUDGET')
    expect(server.requests).toHaveLength(1)
  })
})

describe('test and credentials', () => {
  it('returns the model and latency of a tiny request', async () => {
    server.enqueue({ json: 'OK' })
    const result = await createLlmClient(settings()).test()
    expect(result.model).toBe('fake-model')
    expect(result.latencyMs).toBeGreaterThanOrEqual(0)
    expect(JSON.stringify(bodyOf(0))).not.toContain(KEY)
  })

  it('never sends OPENAI_API_KEY from the environment to a keyless endpoint', async () => {
    process.env.OPENAI_API_KEY = 'sk-from-environment-0000'
    try {
      server.enqueue({ json: 'OK' })
      await createLlmClient(settings({ apiKey: undefined })).test()
      expect(JSON.stringify(server.requests[0]?.headers)).not.toContain('sk-from-environment')
    } finally {
      delete process.env.OPENAI_API_KEY
    }
  })

  it('removes the key from a prompt that happens to contain it', async () => {
    server.enqueue({ json: { verdict: 'keep', reason: 'ok' } })
    await createLlmClient(settings()).completeJson({ ...ask, user: `notes: our key is ${KEY}` })
    expect(JSON.stringify(bodyOf(0))).not.toContain(KEY)
    expect(bodyOf(0).messages[1]?.content).toBe('notes: our key is [redacted]')
  })
})
