import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../domain/errors'
import { createLlmClient } from '../llm-client'
import { startFakeChatServer, type FakeChatServer } from './fake-chat-server'

let server: FakeChatServer
beforeEach(async () => {
  server = await startFakeChatServer([], { models: ['qwen-plus', 'deepseek-chat'] })
})
afterEach(async () => {
  await server.close()
})

const post = (body: unknown) =>
  fetch(`${server.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
const user = [{ role: 'user', content: 'hi' }]

describe('fake chat server', () => {
  it('refuses malformed requests the way the real API does', async () => {
    const cases: [unknown, string][] = [
      [{ messages: user }, "Missing required parameter: 'model'."],
      [{ model: 'm', messages: [] }, "'messages' must be a non-empty array."],
      [{ model: 'm', messages: [{ role: 'robot', content: 'x' }] }, "Invalid value for 'messages.0.role'."],
      [{ model: 'm', messages: user, stream_options: { include_usage: true } }, "The 'stream_options' parameter is only allowed when 'stream' is enabled."],
      [
        { model: 'm', messages: user, response_format: { type: 'json_schema', json_schema: { name: 'kpi review', schema: {} } } },
        "Invalid 'response_format.json_schema.name': letters, digits, '_' and '-' only, at most 64."
      ],
      [
        { model: 'm', messages: user, response_format: { type: 'json_schema', json_schema: { name: 'r', strict: true, schema: { type: 'object' } } } },
        "Invalid schema for response_format: 'additionalProperties' is required to be false in strict mode."
      ]
    ]
    for (const [body, message] of cases) {
      const response = await post(body)
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ error: { message, type: 'invalid_request_error', param: null, code: null } })
    }
    expect(server.requests).toHaveLength(cases.length)
  })

  it('lists its models and reports a refused request to the client as LLM_HTTP 400', async () => {
    const models = (await (await fetch(`${server.url}/models`)).json()) as { data: { id: string }[] }
    expect(models.data.map((model) => model.id)).toEqual(['qwen-plus', 'deepseek-chat'])
    expect(() => createLlmClient({ baseURL: server.url, model: ' ', structuredOutput: 'json_object' })).toThrow(
      expect.objectContaining({ code: 'LLM_NOT_CONFIGURED' })
    )
    server.enqueue({ status: 400, message: "Unsupported parameter: 'response_format'" })
    const error = await createLlmClient({ baseURL: server.url, model: 'qwen-plus', structuredOutput: 'json_object', maxRetries: 0 })
      .test()
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'LLM_HTTP', details: { status: 400, providerMessage: "Unsupported parameter: 'response_format'" } })
  })
})
