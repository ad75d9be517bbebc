import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReviewRunResult } from '../../../domain/assistant-views'
import type { BoardView, ProposalView } from '../../../domain/views'
import { startFakeChatServer } from '../../../services/assistant/testing/fake-chat-server'
import { tempWorkspace } from '../../../services/testing/temp-workspace'
import { procedureCaller, reviewAnswer } from '../testing/dispatch'

let ws: ReturnType<typeof tempWorkspace>
let api: ReturnType<typeof procedureCaller>
let boardId: number
beforeEach(async () => {
  ws = tempWorkspace()
  api = procedureCaller(ws.core)
  boardId = (await api.call<BoardView>('board.create', { name: 'PRD draft' })).id
})
afterEach(() => ws.cleanup())

const add = (code: string, name: string, target: string) => api.call('kpi.add', { boardId, fields: { code, name, target }, allowUnparsedTarget: true })
const review = async () => {
  const result = await api.call<ReviewRunResult>('review.run', { boardId, stage: 'draft', engine: 'analyzer' })
  return new Map(result.proposals.map((p) => [p.code, p]))
}
const field = (proposal: ProposalView | undefined, name: string) => proposal?.patches.find((p) => p.field === name)

describe('draft analysis proposes standard definitions for vague goals, through the contract', () => {
  it('gives vague DAU, retention, P95 latency and NPS goals a formula, a unit and a direction, in Chinese', async () => {
    await add('U1', '提升日活', '显著提升')
    await add('U2', '优化次日留存', '明显改善')
    await add('T1', '降低接口 P95 延迟', '尽量降低')
    await add('S1', '提升 NPS', '大幅提升')
    const proposals = await review()

    expect(field(proposals.get('U1'), 'formula')).toEqual({
      field: 'formula',
      current: '',
      value: '当日至少完成一次核心行为（需写明是哪种行为）的去重用户数；周期值取日值的平均',
      rationale: '日活跃用户数（DAU）的标准定义。请按产品自己的事件调整，可行性评审时再写成 SQL。'
    })
    expect(field(proposals.get('U1'), 'unit')!.value).toBe('users')

    expect(field(proposals.get('U2'), 'formula')!.value).toBe('第 0 天首次活跃的用户（同期群）中，第 1 天仍活跃的用户数 ÷ 同期群用户数 × 100%')
    expect(field(proposals.get('U2'), 'unit')).toMatchObject({ value: '%', rationale: '第 1 日留存率的标准定义以 % 计量。' })

    const latency = proposals.get('T1')
    expect(field(latency, 'formula')!.value).toBe('本周期内全部请求耗时的第 95 百分位（用原始耗时计算，百分位不能跨周期平均）')
    expect(field(latency, 'unit')!.value).toBe('ms')
    expect(field(latency, 'direction')).toMatchObject({ value: 'lower', rationale: '响应延迟（P95）越低越好，当前方向为“越高越好”。' })
    expect(field(latency, 'alertThresholds')!.rationale).toBe('产品默认阈值（红：高于目标的125%；黄：高于111%）；PRD 另有规定时请调整。')

    const nps = proposals.get('S1')
    expect(field(nps, 'formula')!.value).toBe('“你有多大可能向朋友推荐我们？”（0–10 分）：推荐者（9–10 分）占比 − 贬损者（0–6 分）占比，取值 −100 到 100')
    expect(field(nps, 'formula')!.rationale).toContain('定义来源：Reichheld, "The One Number You Need to Grow", Harvard Business Review, 2003')
    expect(field(nps, 'unit')!.value).toBe('score')
    // No public reference fixes an NPS benchmark for every industry: none is invented.
    expect(field(nps, 'benchmarks')).toBeUndefined()
    expect(field(nps, 'notes')!.value).toContain('缺少行业基准')
  })

  it('does the same in English, and brings a sourced benchmark where a public reference states one', async () => {
    await add('U1', 'Improve DAU', 'grow it significantly')
    await add('U2', 'Better 30-day retention', 'improve')
    await add('T1', 'API p99 latency', 'better')
    await add('S1', 'Net Promoter Score', 'improve')
    await add('O1', 'Mean time to restore', 'faster')
    const proposals = await review()
    expect(field(proposals.get('U1'), 'formula')!.value).toBe(
      'distinct users who performed at least one core action (name it) on the day; a period takes the mean of its days'
    )
    expect(field(proposals.get('U2'), 'formula')!.value).toBe(
      'users of the cohort first active on day 0 who are active again on day 30 ÷ users in the cohort × 100%'
    )
    expect(field(proposals.get('T1'), 'formula')!.value).toBe(
      '99th percentile of the request durations in the period, computed from raw durations (percentiles are never averaged across periods)'
    )
    expect(field(proposals.get('T1'), 'direction')!.rationale).toBe(
      'By its standard definition, P99 latency is lower-is-better; the KPI says higher-is-better.'
    )
    expect(field(proposals.get('S1'), 'formula')!.value).toBe(
      '"How likely are you to recommend us to a friend?" (0–10): % promoters (9–10) − % detractors (0–6), from −100 to 100'
    )
    const mttr = proposals.get('O1')
    expect(field(mttr, 'benchmarks')).toEqual({
      field: 'benchmarks',
      current: [],
      value: [{ label: 'time to restore service, DORA elite performers', value: '< 1 h', source: 'DORA, Accelerate State of DevOps Report (Google Cloud)' }],
      rationale:
        'time to restore service, DORA elite performers: < 1 h (source: DORA, Accelerate State of DevOps Report (Google Cloud)). A reference, not a target: confirm it applies to this product.'
    })
    expect(mttr!.rule!.split(',')).toEqual(expect.arrayContaining(['draft.benchmark', 'draft.definition']))
  })

  it('sends the assistant the standard definition the analyzer found, and its findings', async () => {
    await add('U1', '提升日活', '显著提升')
    const server = await startFakeChatServer()
    try {
      await api.call('llm.settings.set', { provider: 'custom', baseURL: server.url, model: 'fake-model', apiKey: 'sk-draft-0a1b2c3d4e5f6a7b', maxRetries: 0 })
      server.enqueue({ json: reviewAnswer('日活需要定义核心行为。', []) })
      await api.call<ReviewRunResult>('review.run', { boardId, stage: 'draft', engine: 'llm' })
      const sent = server.requests.at(-1)!.body as { messages: { role: string; content: string }[] }
      const user = sent.messages.find((m) => m.role === 'user')!.content
      const data = JSON.parse(/<(DATA-[0-9a-f]{12})>\n([\s\S]*)\n<\/\1>/.exec(user)![2]!) as {
        analyzerEvidence: { code: string; facts: Record<string, unknown>; findings: string[] }[]
      }
      expect(data.analyzerEvidence).toEqual([
        {
          code: 'U1',
          facts: {
            standardDefinition: {
              metric: 'daily active users (DAU)',
              formula: 'distinct users who performed at least one core action (name it) on the day; a period takes the mean of its days',
              unit: 'users',
              direction: 'higher'
            }
          },
          findings: [expect.stringMatching(/^可量化检查（U1 提升日活）：按标准定义补全、/)]
        }
      ])
    } finally {
      await server.close()
    }
  })
})
