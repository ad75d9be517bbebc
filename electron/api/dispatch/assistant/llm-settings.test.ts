import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeChatServer, type FakeChatServer } from '../../../services/assistant/testing/fake-chat-server'
import { createEncryptedSecretStore } from '../../../services/secrets/encrypted-secret-store'
import { aesCipher } from '../../../services/testing/aes-cipher'
import { tempWorkspace } from '../../../services/testing/temp-workspace'
import { createAssistant } from '../../../services/assistant/assistant-service'
import { procedureCaller } from '../testing/dispatch'
import type { LlmSettingsView, LlmTestResult } from '../../../domain/assistant-views'

const KEY = 'sk-settings-8d7c6b5a4f3e2d1c'

let ws: ReturnType<typeof tempWorkspace>
let server: FakeChatServer
beforeEach(async () => {
  server = await startFakeChatServer()
})
afterEach(async () => {
  ws.cleanup()
  await server.close()
})

describe('LLM settings', () => {
  it('keeps the key encrypted and write-only, and fills a chosen provider’s defaults', async () => {
    ws = tempWorkspace({ secrets: (sqlite) => createEncryptedSecretStore(sqlite, aesCipher(), {}) })
    const api = procedureCaller(ws.core)
    const empty = await api.call<LlmSettingsView>('llm.settings.get', {})
    expect(empty).toMatchObject({ configured: false, hasKey: false, keyStorageInsecure: false, missing: 'No base URL is set for the LLM endpoint.' })

    const qwen = await api.call<LlmSettingsView>('llm.settings.set', { provider: 'qwen', apiKey: KEY })
    expect(qwen).toMatchObject({
      provider: 'qwen',
      baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
      model: 'qwen-plus',
      structuredOutput: 'json_object',
      hasKey: true,
      configured: true
    })
    const everything = JSON.stringify([qwen, await api.call('llm.settings.get', {}), ws.core.audit.list({ limit: 10 })])
    expect(everything).not.toContain(KEY)
    ws.core.deps.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    expect(readFileSync(ws.file).includes(Buffer.from(KEY))).toBe(false)

    const tuned = await api.call<LlmSettingsView>('llm.settings.set', { concurrency: 5, headers: { 'X-DashScope-WorkSpace': 'ws-team-kpi' } })
    expect(tuned).toMatchObject({ provider: 'qwen', model: 'qwen-plus', concurrency: 5, headers: { 'X-DashScope-WorkSpace': 'ws-team-kpi' }, hasKey: true })
    expect(await api.failure('llm.settings.set', { headers: { Authorization: `Bearer ${KEY}` } })).toMatchObject({ code: 'VALIDATION' })
    expect(await api.failure('llm.settings.set', { apiKey: KEY, organisation: 'x' })).toMatchObject({ code: 'VALIDATION' })

    const removed = await api.call<LlmSettingsView>('llm.settings.set', { apiKey: null })
    expect(removed).toMatchObject({ hasKey: false, configured: false, missing: 'Qwen (DashScope) needs an API key.' })
  })

  it('takes KPILOOP_LLM_* from the environment over the stored settings and warns about key storage', () => {
    ws = tempWorkspace()
    const assistant = createAssistant(ws.core, { env: { KPILOOP_LLM_BASE_URL: server.url, KPILOOP_LLM_MODEL: 'qwen2.5:7b', KPILOOP_LLM_API_KEY: KEY } })
    assistant.settings.set({ provider: 'openai' }, 'pm-li')
    const view = assistant.settings.get()
    expect(view).toMatchObject({
      provider: 'openai',
      baseURL: 'https://api.openai.com/v1',
      effective: { baseURL: server.url, model: 'qwen2.5:7b' },
      hasKey: true,
      configured: true,
      keyStorageInsecure: true
    })
    expect(view.envOverrides).toEqual(['baseURL', 'model', 'apiKey'])
    expect(JSON.stringify(view)).not.toContain(KEY)
  })

  it('tests the connection with the model and latency, or fails with a translatable code', async () => {
    ws = tempWorkspace()
    const api = procedureCaller(ws.core)
    expect(await api.failure('llm.test', {})).toMatchObject({ code: 'LLM_NOT_CONFIGURED' })
    await api.call('llm.settings.set', { provider: 'custom', baseURL: server.url, model: 'deepseek-chat', apiKey: KEY })
    server.enqueue({ json: 'OK', delayMs: 40 })
    const tested = await api.call<LlmTestResult>('llm.test', {})
    expect(tested.model).toBe('deepseek-chat')
    expect(tested.latencyMs).toBeGreaterThanOrEqual(40)

    const typed = 'sk-typed-in-the-form-000000'
    server.enqueue({ status: 401, message: `Incorrect API key provided: ${typed}` })
    const refused = await api.failure('llm.test', { draft: { apiKey: typed } })
    expect(refused).toMatchObject({ code: 'LLM_AUTH', details: { status: 401, providerMessage: 'Incorrect API key provided: [redacted]' } })
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${typed}`)
    server.enqueue({ status: 503 })
    expect(await api.failure('llm.test', {})).toMatchObject({ code: 'LLM_HTTP', details: { status: 503 } })
    expect(server.requests).toHaveLength(3)
  })
})
