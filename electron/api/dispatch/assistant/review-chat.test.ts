import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeChatServer, type FakeChatServer } from '../../../services/assistant/testing/fake-chat-server'
import { tempWorkspace } from '../../../services/testing/temp-workspace'
import { FOLLOW_UP_RULE } from '../../../services/assistant/review-chat'
import { procedureCaller, proposal, reviewAnswer } from '../testing/dispatch'
import { seedSupportBoard, type SupportBoard } from '../../../services/assistant/testing/support-board'
import type { ChatResult, ReviewChunk, ReviewRunResult, ReviewSessionView } from '../../../domain/assistant-views'

let server: FakeChatServer
let ws: ReturnType<typeof tempWorkspace>
let board: SupportBoard
let api: ReturnType<typeof procedureCaller>
beforeEach(async () => {
  server = await startFakeChatServer()
  ws = tempWorkspace()
  board = seedSupportBoard(ws.core, ws.dir)
  api = procedureCaller(ws.core)
  await api.call('llm.settings.set', {
    provider: 'custom',
    baseURL: server.url,
    model: 'gpt-4.1-mini',
    apiKey: 'sk-chat-1a2b3c4d5e6f7a8b',
    structuredOutput: 'json_schema',
    maxRetries: 0
  })
})
afterEach(async () => {
  ws.cleanup()
  await server.close()
})

describe('review.chat', () => {
  it('continues the session with streamed text and adds every turn and its usage to it', async () => {
    server.enqueue({
      json: reviewAnswer('响应时间约 45 分钟。', [proposal('patch', 'KPI-001', '三周均值 45.3 分钟', [['target', '≤ 40 分钟']])]),
      usage: { promptTokens: 1500, completionTokens: 200 }
    })
    const reviewed = await api.call<ReviewRunResult>('review.run', { boardId: board.boardId, stage: 'trial', engine: 'llm' })

    server.enqueue({ stream: ['因为三周的', '均值是 45.3 分钟，', '40 分钟是可达的中间目标。'], usage: { promptTokens: 1900, completionTokens: 30 } })
    const chunks: ReviewChunk[] = []
    const first = await api.call<ChatResult>(
      'review.chat',
      { sessionId: reviewed.sessionId, message: '为什么不是 45 分钟？' },
      { onChunk: (c) => chunks.push(c as ReviewChunk) }
    )
    expect(chunks).toEqual([
      { type: 'token', text: '因为三周的' },
      { type: 'token', text: '均值是 45.3 分钟，' },
      { type: 'token', text: '40 分钟是可达的中间目标。' }
    ])
    expect(first).toMatchObject({ reply: '因为三周的均值是 45.3 分钟，40 分钟是可达的中间目标。', promptTokens: 1900, completionTokens: 30, cached: false })
    expect(first.session).toMatchObject({ promptTokens: 3400, completionTokens: 230, messageCount: 6 })
    const sent = server.requests[1]!.body as { messages: { role: string; content: string }[]; stream: boolean }
    expect(sent.stream).toBe(true)
    expect(sent.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'system', 'user'])
    expect(sent.messages[3]!.content).toBe(FOLLOW_UP_RULE)

    server.enqueue({ stream: ['可以，', '下个周期再看。'], usage: { promptTokens: 2000, completionTokens: 8 } })
    const second = await api.call<ChatResult>('review.chat', { sessionId: reviewed.sessionId, message: '那下个月再复查？' })
    expect((server.requests[2]!.body as { messages: unknown[] }).messages).toHaveLength(7)
    const session = await api.call<ReviewSessionView>('review.session', { id: reviewed.sessionId })
    expect(session).toMatchObject({
      status: 'done',
      promptTokens: 5400,
      completionTokens: 238,
      messageCount: 8,
      proposalIds: reviewed.proposals.map((p) => p.id)
    })
    expect(session.costUsd).toBeCloseTo((5400 * 0.4 + 238 * 1.6) / 1e6, 10)
    expect(session.messages.slice(-2).map((m) => [m.role, m.content])).toEqual([
      ['user', '那下个月再复查？'],
      ['assistant', second.reply]
    ])
  })

  it('refuses an unknown session and an empty message', async () => {
    expect(await api.failure('review.chat', { sessionId: 99, message: 'hi' })).toMatchObject({ code: 'VALIDATION' })
    expect(await api.failure('review.chat', { sessionId: 1, message: '' })).toMatchObject({ code: 'VALIDATION' })
  })
})
