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

  describe('with the assistant', () => {
    const SQL_PRD = `${PRD}
## 质量指标

#### KPI-S002: 工单解决率
**目标**: ≥ 90%
**计算公式**:
\`\`\`sql
SELECT COUNT(*) FILTER (WHERE resolved) * 100.0 / COUNT(*) FROM tickets
\`\`\`
`
    const blank = { code: '', name: '', description: '', target: '', unit: '', formula: '', dataSource: '', frequency: '', owner: '', sourceQuote: '' }
    const configure = () => {
      vi.stubEnv('KPILOOP_LLM_BASE_URL', server.url)
      vi.stubEnv('KPILOOP_LLM_MODEL', 'qwen-plus')
      vi.stubEnv('KPILOOP_LLM_API_KEY', 'sk-import-0a1b2c3d')
    }
    const preview = (assistant = true, signal?: AbortSignal) =>
      createPrdImportService(ws.core).preview({ fileName: 'prd.md', data: Buffer.from(SQL_PRD), assistant, signal })

    it('fills what the document left empty, keeps the document’s SQL and target, and says who found what, writing nothing', async () => {
      configure()
      server.enqueue({
        json: {
          kpis: [
            { ...blank, code: 'KPI-S002', name: '工单解决率', formula: 'resolved / total', owner: '客服主管', frequency: 'weekly', target: '≥ 95%' },
            { ...blank, name: '周末工单首次回复时间', target: '≤ 1小时', sourceQuote: '周末的工单也能在一小时内得到第一次回复' }
          ]
        }
      })
      const before = counts(ws.core)
      const result = await preview()
      expect(result.assistant).toEqual({ status: 'done', added: 1, enriched: 1 })
      const solved = result.candidates.find((c) => c.fields.code === 'KPI-S002')!
      expect(solved).toMatchObject({ found: 'both', assisted: ['owner', 'frequency'], origin: 'block' })
      expect(solved.fields.formula).toBe('SELECT COUNT(*) FILTER (WHERE resolved) * 100.0 / COUNT(*) FROM tickets')
      expect(solved.fields.target?.text).toBe('≥ 90%')
      expect(solved.fields).toMatchObject({ owner: '客服主管', frequency: 'weekly' })
      expect(solved.warnings).not.toContain('no-owner')
      const weekend = result.candidates.find((c) => c.found === 'assistant')!
      expect(weekend).toMatchObject({
        origin: 'assistant',
        fields: { name: '周末工单首次回复时间' },
        passage: '我们还希望周末的工单也能在一小时内得到第一次回复，由值班主管每周统计。'
      })
      expect(result.candidates.filter((c) => c.found === 'document').map((c) => c.fields.code)).toEqual(['KPI-S001', expect.any(String)])
      expect(counts(ws.core)).toEqual(before)
    })

    it('keeps the document’s finds and says why when the model answers garbage twice', async () => {
      configure()
      server.enqueue({ json: 'Sure! Here are the KPIs: 工单解决率 and more.' }, { json: '{"kpis": [{"name": 42}]}' })
      const result = await preview()
      expect(result.assistant).toMatchObject({ status: 'failed', code: 'LLM_INVALID_OUTPUT' })
      expect(result.candidates.map((c) => c.found)).toEqual(['document', 'document', 'document'])
      expect(counts(ws.core)).toMatchObject({ boards: 0, kpis: 0, revisions: 0 })
    })

    it('takes nothing from an answer whose stream is cut off', async () => {
      configure()
      server.enqueue({ stream: ['{"kpis": [{"code": "KPI-S9", "name": "工单', '解决率", "target": "≥ 9'], streamCutAfter: 2 })
      const result = await preview()
      expect(result.assistant).toMatchObject({ status: 'failed', code: 'LLM_HTTP', message: 'The answer stream ended early.' })
      expect(result.candidates.every((c) => c.found === 'document')).toBe(true)
    })

    it('says the assistant is not configured instead of failing the preview, and stops when cancelled', async () => {
      vi.stubEnv('KPILOOP_LLM_BASE_URL', '')
      expect((await preview()).assistant).toMatchObject({ status: 'failed', code: 'LLM_NOT_CONFIGURED' })
      configure()
      server.enqueue({ json: { kpis: [] }, delayMs: 2_000 })
      const controller = new AbortController()
      const pending = preview(true, controller.signal)
      setTimeout(() => controller.abort(), 50)
      await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' })
    })
  })
})
