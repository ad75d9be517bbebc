import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReviewRunResult } from '../../../domain/assistant-views'
import type { ImportCommitResult, ImportPreview, KpiView } from '../../../domain/views'
import { startFakeChatServer, type FakeChatServer } from '../../../services/assistant/testing/fake-chat-server'
import { counts, tempWorkspace } from '../../../services/testing/temp-workspace'
import { procedureCaller, reviewAnswer } from '../testing/dispatch'

const PRD = `# 智能客服二期 PRD

## 二、目标与衡量指标

- 工单首次响应时长：工作日内客服首次响应不超过 30 分钟
  - 负责人：客服运营组
  - 数据来源：工单系统日志
- 机器人独立解决率：达到 55%

## 三、验收标准

- 压测 500 并发，接口错误率低于 0.1%
`

let ws: ReturnType<typeof tempWorkspace>
let server: FakeChatServer
let api: ReturnType<typeof procedureCaller>
beforeEach(async () => {
  ws = tempWorkspace()
  server = await startFakeChatServer()
  api = procedureCaller(ws.core)
})
afterEach(async () => {
  ws.cleanup()
  await server.close()
})

async function imported(): Promise<{ preview: ImportPreview; result: ImportCommitResult; kpis: KpiView[] }> {
  const preview = await api.call<ImportPreview>('import.prd.preview', { fileName: '客服二期.md', content: { text: PRD } })
  const items = preview.candidates.map((c) => ({ fields: c.fields, currentValue: c.currentValue, lines: c.lines, passage: c.passage }))
  const result = await api.call<ImportCommitResult>('import.prd.commit', { boardName: '智能客服', fileName: '客服二期.md', items })
  return { preview, result, kpis: ws.core.kpis.list(result.boardId) }
}

describe('a PRD import keeps each KPI’s passage for the draft review', () => {
  it('previews each KPI with its own lines and each skipped section with its reason, writing nothing', async () => {
    const preview = await api.call<ImportPreview>('import.prd.preview', { fileName: '客服二期.md', content: { text: PRD } })
    expect(preview.candidates.map((c) => [c.fields.name, c.fields.owner, c.fields.sourceNote, c.lines])).toEqual([
      ['工单首次响应时长', '客服运营组', '工单系统日志', { start: 5, end: 7 }],
      ['机器人独立解决率', '', '', { start: 8, end: 8 }]
    ])
    expect(preview.candidates[0]!.passage).toBe(
      '## 二、目标与衡量指标\n…\n- 工单首次响应时长：工作日内客服首次响应不超过 30 分钟\n  - 负责人：客服运营组\n  - 数据来源：工单系统日志'
    )
    expect(preview.skipped).toEqual([{ heading: '三、验收标准', lines: { start: 10, end: 12 }, reason: 'acceptance' }])
    expect(counts(ws.core)).toMatchObject({ boards: 0 })
  })

  it('stores the passages with the import, and the analyzer proposes from the PRD’s words what a KPI lost', async () => {
    const { kpis } = await imported()
    const first = kpis.find((k) => k.name === '工单首次响应时长')!
    expect(ws.core.passages.latest(first.boardId).get(first.id)).toMatchObject({ fileName: '客服二期.md', lines: { start: 5, end: 7 } })
    await api.call('kpi.edit', { kpiId: first.id, set: { owner: '' }, reason: '负责人待定' })
    const review = await api.call<ReviewRunResult>('review.run', { boardId: first.boardId, stage: 'draft', engine: 'analyzer' })
    const patches = review.proposals.find((p) => p.code === first.code)!.patches
    expect(patches.find((p) => p.field === 'owner')).toMatchObject({ value: '客服运营组', rationale: 'PRD 原文写明：“- 负责人：客服运营组”。' })
  })

  it('sends the assistant each KPI’s passage at the draft review, not the file name', async () => {
    const { result } = await imported()
    await api.call('llm.settings.set', { provider: 'custom', baseURL: server.url, model: 'fake-model', apiKey: 'sk-draft-0a1b2c3d4e5f6a7b', maxRetries: 0 })
    server.enqueue({ json: reviewAnswer('两个指标都可以度量。', []) })
    await api.call<ReviewRunResult>('review.run', { boardId: result.boardId, stage: 'draft', engine: 'llm' })
    const sent = server.requests.at(-1)!.body as { messages: { role: string; content: string }[] }
    const user = sent.messages.find((m) => m.role === 'user')!.content
    expect(user).toContain('"prdPassages"')
    expect(user).toContain('工作日内客服首次响应不超过 30 分钟')
    expect(user).toContain('负责人：客服运营组')
    expect(user).toContain('"document": "客服二期.md"')
    expect(user).not.toContain('prdExcerpt')
  })
})
