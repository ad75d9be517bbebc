import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startFakeChatServer, type FakeChatServer } from '../assistant/testing/fake-chat-server'
import { counts, tempWorkspace } from '../testing/temp-workspace'
import { createPrdImportService } from './prd-import-service'

const PRD = `# 客服助手 PRD

## 成功指标

#### KPI-S001: 工单首次响应时长
**目标**: P95 ≤ 40分钟
**数据源**: 工单系统日志
**监控频率**: 每日
**负责人**: 客服经理

## 指标看板

| 指标 | 目标值 | 当前值 | 阶段 |
|------|--------|--------|------|
| AI 推荐采纳率 | ≥ 60% | 52% | 初稿 |

## 背景

我们还希望周末的工单也能在一小时内得到第一次回复，由值班主管每周统计。
`

let ws: ReturnType<typeof tempWorkspace>
let server: FakeChatServer
beforeEach(async () => {
  ws = tempWorkspace({ now: () => Date.parse('2025-12-10T09:00:00Z') })
  server = await startFakeChatServer()
})
afterEach(async () => {
  vi.unstubAllEnvs()
  ws.cleanup()
  await server.close()
})

describe('PRD import', () => {
  it('previews what it found, then creates the board, the KPIs, their current values and v0.1 at once', async () => {
    const prd = createPrdImportService(ws.core)
    const preview = await prd.preview({ fileName: 'prd.md', data: Buffer.from(PRD) })
    expect(preview.candidates.map((c) => [c.fields.code, c.action, c.origin])).toEqual([
      ['KPI-S001', 'create', 'block'],
      [expect.any(String), 'create', 'table']
    ])
    expect(counts(ws.core).boards).toBe(0)
    const items = preview.candidates.map((c) => ({ fields: c.fields, currentValue: c.currentValue, lines: c.lines }))
    const result = prd.commit({ boardName: '客服助手', fileName: 'prd.md', items }, 'po')
    expect(result).toMatchObject({ created: 2, updated: 0, version: 'v0.1', values: 1 })
    const kpis = ws.core.kpis.list(result.boardId)
    expect(ws.core.measurements.list(kpis[1]!.id).map((m) => [m.periodStart, m.value])).toEqual([['2025-12-01', 52]])
    expect(ws.core.kpis.history(kpis[0]!.id)[0]).toMatchObject({ source: 'import', reason: expect.stringMatching(/^Imported from prd\.md \(lines \d+–\d+\)$/) })

    const again = await prd.preview({ boardId: result.boardId, fileName: 'prd.md', data: Buffer.from(PRD.replace('P95 ≤ 40分钟', 'P95 ≤ 30分钟')) })
    expect(again.candidates[0]).toMatchObject({ action: 'update', match: { code: 'KPI-S001', changes: [expect.objectContaining({ field: 'target' })] } })
    expect(again.candidates[1]?.action).toBe('unchanged')
  })

  it('adds what the assistant finds in the prose to the same preview, without duplicating the structured KPIs', async () => {
    vi.stubEnv('KPILOOP_LLM_BASE_URL', server.url)
    vi.stubEnv('KPILOOP_LLM_MODEL', 'qwen-plus')
    vi.stubEnv('KPILOOP_LLM_API_KEY', 'sk-import-0a1b2c3d')
    const kpi = (name: string, target: string, quote: string) => ({
      code: '',
      name,
      description: '',
      target,
      unit: '',
      formula: '',
      dataSource: '工单系统',
      frequency: '每周',
      owner: '值班主管',
      sourceQuote: quote
    })
    server.enqueue({
      json: {
        kpis: [kpi('工单首次响应时长', 'P95 ≤ 40分钟', '工单首次响应时长'), kpi('周末工单首次回复时间', '≤ 1小时', '周末的工单也能在一小时内得到第一次回复')]
      }
    })
    const preview = await createPrdImportService(ws.core).preview({ fileName: 'prd.md', data: Buffer.from(PRD), assistant: true })
    const found = preview.candidates.filter((c) => c.origin === 'assistant')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      fields: {
        name: '周末工单首次回复时间',
        owner: '值班主管',
        frequency: 'weekly',
        target: { text: '≤ 1小时', parsed: { comparator: '<=', value: 1, unit: 'h' } }
      },
      lines: { start: 19, end: 19 },
      action: 'create'
    })
    expect(JSON.stringify(server.requests[0]!.body)).not.toContain('sk-import')
  })
})
