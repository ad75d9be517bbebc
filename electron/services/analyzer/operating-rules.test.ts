import { describe, expect, it } from 'vitest'
import type { Target } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import { analyze } from './analyze'
import { kpi, patchOf, series, target, valid } from './test-fixtures'
import type { AnalyzerKpi } from './types'

const NOW = new Date('2026-01-05T09:00:00Z')
const review = (kpis: AnalyzerKpi[], data: [number, Measurement[]][], stage: 'operating' | 'launched' = 'operating') =>
  analyze({ stage, kpis, measurements: new Map(data), now: NOW }).then(valid)
const rulesOf = (proposals: { rule?: string; kind: string; code?: string }[]) => proposals.map((proposal) => `${proposal.kind}:${proposal.rule}`)

const sla = kpi(1, {
  code: 'KPI-003',
  name: 'SLA 达成率',
  stage: 'operating',
  frequency: 'weekly',
  unit: '%',
  target: target('≥ 95%', { comparator: '>=', value: 95, unit: '%' })
})
const mau = kpi(2, {
  code: 'KPI-U001',
  name: '月活跃用户数 (MAU)',
  stage: 'operating',
  frequency: 'monthly',
  unit: 'users',
  target: target('≥ 1000', { comparator: '>=', value: 1000, unit: 'users' })
})
const slaEn = kpi(1, { ...sla.fields, name: 'SLA attainment' })

describe('operating review — stale and always-green KPIs', () => {
  it('proposes fixing the source or retiring a KPI without data for three periods', async () => {
    const proposals = await review([sla], [[1, series(1, '2025-10-20', 'week', [96, 97, 93, 92, 95])]])
    expect(rulesOf(proposals)).toEqual(['patch:operating.stale', 'retire:operating.stale-retire'])
    expect(proposals[1]!.rationale).toBe('KPI-003 SLA 达成率 自 2025-11-24 起没有数值，已错过 6 个统计周期（每周）；无人度量的指标无法支撑任何决策。')
    expect(patchOf(proposals[0], 'notes')!.value).toContain('请修复数据源或公式')
    expect(patchOf(proposals[0], 'notes')!.rationale).toBe('KPI-003 自 2025-11-24 起没有数值，已错过 6 个统计周期（每周）。')
    expect(proposals[0]!.rationale).toBe('运营复盘（KPI-003 SLA 达成率）：数据中断。')
    const [patch, retire] = await review([slaEn], [[1, series(1, '2025-10-20', 'week', [96, 97, 93, 92, 95])]])
    expect(retire!.rationale).toBe('KPI-003 SLA attainment has no value since 2025-11-24: 6 weekly periods missed; a KPI nobody measures informs no decision.')
    expect(patch!.rationale).toBe('Operating review for KPI-003 SLA attainment: stale.')
    const [, unset] = await review([kpi(1, { ...sla.fields, frequency: null })], [[1, series(1, '2025-10-20', 'week', [96, 97, 93, 92, 95])]])
    expect(unset!.rationale).toContain('已错过 6 个统计周期（每周；未设置统计频率，按每周估算）')
  })

  it('measures staleness from the launch date when no value ever came in', async () => {
    const launched = kpi(2, { ...mau.fields }, Date.parse('2025-09-01T00:00:00Z'))
    const [, retire] = await review([launched], [])
    expect(retire!.rationale).toContain('自 2025-09-01 上线以来没有数值，已错过 4 个统计周期（每月）')
    const [, retireEn] = await review([kpi(2, { ...mau.fields, name: 'Monthly active users' }, Date.parse('2025-09-01T00:00:00Z'))], [])
    expect(retireEn!.rationale).toContain('no value since launch on 2025-09-01: 4 monthly periods missed')
    const recent = kpi(2, { ...mau.fields }, Date.parse('2025-12-01T00:00:00Z'))
    expect(await review([recent], [])).toEqual([])
    const [, never] = await review([kpi(2, mau.fields)], [])
    expect(never!.rationale).toBe('KPI-U001 月活跃用户数 (MAU) 从未记录过数值；无人度量的指标无法支撑任何决策。')
    const [, neverEn] = await review([kpi(2, { ...mau.fields, name: 'Monthly active users' })], [])
    expect(neverEn!.rationale).toContain('no value has ever been recorded')
  })

  it('proposes re-baselining or retiring a KPI green in each of the last six periods', async () => {
    const greens = series(1, '2025-11-24', 'week', [97.5, 98, 97.8, 98.2, 97.9, 98.1])
    const proposals = await review([sla], [[1, greens]])
    expect(rulesOf(proposals)).toEqual(['patch:operating.always-green,status.adjusting', 'retire:operating.always-green-retire'])
    const raised = (patchOf(proposals[0], 'target')!.value as Target).parsed!
    expect(raised.value).toBeGreaterThan(97.5)
    expect(raised.value).toBeLessThan(98)
    expect(patchOf(proposals[0], 'target')!.rationale).toBe(
      'KPI-003 最近 6 个周期全部为绿（数值 97.5–98.2，目标 ≥ 95%），已经说明不了什么。建议把基线调到 ≥ 97.83%（4 个周期中有 3 个能保持的水平），或将其退役。'
    )
    expect(proposals[0]!.rationale).toBe('运营复盘（KPI-003 SLA 达成率）：长期全绿、状态改为调整中。')
    expect(proposals[1]!.rationale).toBe('KPI-003 SLA 达成率 最近 6 个周期全部为绿（数值 97.5–98.2，目标 ≥ 95%）；如果没有决策依赖它，建议退役。')
    const [patch, retire] = await review([slaEn], [[1, greens]])
    expect(patchOf(patch, 'target')!.rationale).toBe(
      'KPI-003 was green in each of the last 6 periods (values 97.5–98.2 against ≥ 95%): it no longer tells anything.' +
        ' Re-baseline to ≥ 97.83% (the level kept in 3 periods out of 4), or retire it.'
    )
    expect(retire!.rationale).toBe(
      'KPI-003 SLA attainment was green in each of the last 6 periods (values 97.5–98.2 against ≥ 95%); retire it if no decision depends on it.'
    )
  })

  it('does not call a KPI always green after one yellow period', async () => {
    expect(await review([sla], [[1, series(1, '2025-11-24', 'week', [97.5, 98, 85, 98.2, 97.9, 98.1])]])).toEqual([])
  })

  it('re-targets a KPI missed badly in every recent period, also at the launched stage', async () => {
    const conversion = kpi(3, {
      code: 'KPI-C002',
      name: 'Trial-to-paid conversion',
      stage: 'launched',
      frequency: 'weekly',
      unit: '%',
      target: target('≥ 8%', { comparator: '>=', value: 8, unit: '%' })
    })
    const [proposal] = await review([conversion], [[3, series(3, '2025-11-24', 'week', [4, 4.5, 5, 4.2, 4.8, 5.1])]], 'launched')
    expect(proposal!.rule).toBe('operating.underachieved,status.adjusting')
    expect((patchOf(proposal, 'target')!.value as Target).parsed!.value).toBe(4.275)
    expect(proposal!.rationale).toBe('Operating review for KPI-C002 Trial-to-paid conversion: target out of reach, status adjusting.')
    const chinese = kpi(3, { ...conversion.fields, name: '试用转付费率' })
    const [proposalZh] = await review([chinese], [[3, series(3, '2025-11-24', 'week', [4, 4.5, 5, 4.2, 4.8, 5.1])]], 'launched')
    expect(patchOf(proposalZh, 'target')!.rationale).toBe(
      '≥ 8% 在全部 6 个周期中达成率都低于 70%（数值 4–5.1，达成率 50%–63.7%，均值 4.6）。建议放宽到 ≥ 4.275%（数据的第 25 百分位：4 个周期中有 3 个能达到）。'
    )
    expect(proposalZh!.rationale).toBe('运营复盘（KPI-C002 试用转付费率）：目标难以达到、状态改为调整中。')
  })
})

describe('operating review — near-duplicates and lagging KPIs', () => {
  const weekly = (id: number, code: string, name: string) => kpi(id, { code, name, stage: 'operating', frequency: 'weekly', target: null })
  const dau = weekly(10, 'KPI-U014', '日活跃用户数 (DAU)')
  const sessions = weekly(11, 'KPI-U015', 'Daily sessions')
  const nps = weekly(12, 'KPI-U011', '净推荐值 (NPS)')
  const churn = weekly(13, 'KPI-U013', '用户流失预警率')
  const dauValues = [200, 220, 215, 240, 260, 255, 280, 300]

  it('proposes retiring one of two KPIs that move together, naming both and r, in the language of the one retired', async () => {
    const proposals = await review(
      [dau, sessions, nps],
      [
        [10, series(10, '2025-11-10', 'week', dauValues)],
        [11, series(11, '2025-11-10', 'week', [615, 690, 668, 742, 810, 790, 870, 925])],
        [12, series(12, '2025-11-10', 'week', [38, 41, 37, 42, 39, 40, 38, 41])]
      ]
    )
    expect(rulesOf(proposals)).toEqual(['retire:operating.duplicate'])
    const retire = proposals[0]!
    expect(retire.kind === 'retire' && retire.code).toBe('KPI-U015')
    expect(retire.rationale).toMatch(/KPI-U014 日活跃用户数 \(DAU\) and KPI-U015 Daily sessions move together \(r = 0\.99\d* over 8 common periods\)/)
  })

  it('counts a mirror-image series as a duplicate and retires the one with fewer values', async () => {
    const proposals = await review(
      [churn, dau],
      [
        [
          13,
          series(
            13,
            '2025-11-10',
            'week',
            dauValues.map((value) => 40 - value / 10)
          )
        ],
        [10, series(10, '2025-10-27', 'week', [190, 195, ...dauValues])]
      ]
    )
    const retire = proposals[0]!
    expect(retire.kind === 'retire' && retire.code).toBe('KPI-U013')
    expect(retire.rationale).toBe(
      'KPI-U014 日活跃用户数 (DAU) 与 KPI-U013 用户流失预警率 同步变化（8 个共同周期内 r = -1），其中一个没有提供额外信息。建议退役 KPI-U013，或保留它、改为退役 KPI-U014。'
    )
  })

  it('needs six common periods before judging', async () => {
    expect(
      await review(
        [dau, sessions],
        [
          [10, series(10, '2025-11-10', 'week', dauValues)],
          [11, series(11, '2025-12-08', 'week', [742, 810, 790, 870, 925])]
        ]
      )
    ).toEqual([])
  })

  it('flags KPIs left in draft or feasibility on a board that is operating', async () => {
    const recent = (id: number) => [id, series(id, '2025-12-08', 'week', [220, 215, 240, 260])] as [number, Measurement[]]
    const draft = kpi(20, { code: 'KPI-B009', name: 'Agent marketplace listings', stage: 'draft' })
    const board = [weekly(10, 'A', 'a'), weekly(11, 'B', 'b'), weekly(12, 'C', 'c'), draft]
    const proposals = await review(board, [recent(10), recent(11), recent(12)])
    expect(rulesOf(proposals)).toEqual(['patch:operating.lagging-stage'])
    expect(patchOf(proposals[0], 'notes')!.rationale).toBe('3 of 4 KPIs on the board are launched or operating; KPI-B009 is still in draft.')
    expect(proposals[0]!.rationale).toBe('Operating review for KPI-B009 Agent marketplace listings: behind the board.')
    const chinese = kpi(20, { code: 'KPI-B009', name: '智能体市场上架数', stage: 'feasibility' })
    const [lagging] = await review([...board.slice(0, 3), chinese], [recent(10), recent(11), recent(12)])
    expect(patchOf(lagging, 'notes')!.rationale).toBe('看板上 4 个指标中已有 3 个上线或运营，KPI-B009 仍处于可行性阶段。')
    expect(lagging!.rationale).toBe('运营复盘（KPI-B009 智能体市场上架数）：落后于看板进度。')
    const young = [weekly(10, 'A', 'a'), draft, kpi(21, { code: 'X', name: 'x', stage: 'feasibility' }), kpi(22, { code: 'Y', name: 'y', stage: 'draft' })]
    expect(await review(young, [recent(10)])).toEqual([])
  })
})
