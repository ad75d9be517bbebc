import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReviewRunResult } from '../../domain/assistant-views'
import type { AuditView, BoardView } from '../../domain/views'
import type { LaunchNotice } from '../../domain/launch-plan'
import { loadDefaultTemplate } from '../../services/assistant/stage-prompts'
import { seedSupportBoard, type SupportBoard } from '../../services/assistant/testing/support-board'
import { startFakeChatServer, type FakeChatServer } from '../../services/assistant/testing/fake-chat-server'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { procedureCaller } from './testing/dispatch'
import { boardFixture } from '../../services/export/testing/board-fixture'

let ws: ReturnType<typeof tempWorkspace>
let board: SupportBoard
let api: ReturnType<typeof procedureCaller>
let server: FakeChatServer
beforeEach(async () => {
  server = await startFakeChatServer()
  ws = tempWorkspace({ now: () => Date.parse('2026-01-28T10:00:00+08:00') })
  board = seedSupportBoard(ws.core, ws.dir)
  api = procedureCaller(ws.core)
})
afterEach(async () => {
  ws.cleanup()
  await server.close()
})

const systemPrompt = async (boardId: number) =>
  (await api.call<{ requests: { messages: { content: string }[] }[] }>('llm.preview', { boardId, stage: 'trial' })).requests[0]!.messages[0]!.content

describe('a board’s language, through the contract', () => {
  it('is the creator’s language when given, and read from the KPIs of a board made without one', async () => {
    const created = await api.call<BoardView>('board.create', { name: 'Growth', language: 'zh-CN' })
    expect(created).toMatchObject({ language: 'zh-CN', languageSet: true })
    // The support board was made without a language: its Chinese KPIs say what it is written in.
    expect(await api.call<BoardView>('board.get', { boardId: board.boardId })).toMatchObject({ language: 'zh-CN', languageSet: false })
    expect((await api.failure('board.setLanguage', { boardId: board.boardId, language: 'fr' })).code).toBe('VALIDATION')
  })

  it('picks the stage prompt, and a change is audited', async () => {
    await api.call('llm.settings.set', { provider: 'custom', baseURL: server.url, model: 'gpt-4.1-mini', apiKey: 'sk-lang-0000', maxRetries: 0 })
    expect((await systemPrompt(board.boardId)).startsWith(loadDefaultTemplate('trial', undefined, 'zh-CN'))).toBe(true)

    const changed = await api.call<BoardView>('board.setLanguage', { boardId: board.boardId, language: 'en' })
    expect(changed).toMatchObject({ language: 'en', languageSet: true })
    const english = await systemPrompt(board.boardId)
    expect(english.startsWith(loadDefaultTemplate('trial'))).toBe(true)
    expect(english).toContain('write the summary, every rationale and every new text value in English')
    const [entry] = ws.core.audit.list({ boardId: board.boardId, limit: 10 }).filter((a: AuditView) => a.action === 'board.language')
    expect(entry!.summary).toBe('Set the language of board 客服助手 KPI: zh-CN, inferred → en')
  })

  it('writes the analyzer’s findings in it, whatever language the KPI is written in', async () => {
    const chinese = await api.call<ReviewRunResult>('review.run', { boardId: board.boardId, stage: 'draft', engine: 'analyzer' })
    expect(chinese.proposals.find((p) => p.code === 'KPI-003')!.rationale).toMatch(/^可量化检查（KPI-003 用户满意度）/)
    await api.call('board.setLanguage', { boardId: board.boardId, language: 'en' })
    const english = await api.call<ReviewRunResult>('review.run', { boardId: board.boardId, stage: 'draft', engine: 'analyzer' })
    expect(english.proposals.find((p) => p.code === 'KPI-003')!.rationale).toMatch(/^Quantifiability lint for KPI-003 用户满意度: /)
  })

  it('writes the launch notice in it unless another language is asked for', async () => {
    const fx = boardFixture()
    try {
      const call = procedureCaller(fx.core)
      await call.call('launch.plan.set', { boardId: fx.boardId, plan: { launchDate: '2025-12-03', owner: '王敏', cadence: 'weekly', notify: [] } })
      await call.call('version.cut', { boardId: fx.boardId, label: 'v1.0' })
      await call.call('board.setLanguage', { boardId: fx.boardId, language: 'zh-CN' })
      expect((await call.call<LaunchNotice>('launch.notify', { boardId: fx.boardId })).markdown).toContain('v1.0 已上线')
      await call.call('board.setLanguage', { boardId: fx.boardId, language: 'en' })
      expect((await call.call<LaunchNotice>('launch.notify', { boardId: fx.boardId })).markdown).toContain('v1.0 is launched')
      expect((await call.call<LaunchNotice>('launch.notify', { boardId: fx.boardId, locale: 'zh-CN' })).markdown).toContain('v1.0 已上线')
    } finally {
      fx.cleanup()
    }
  })
})
