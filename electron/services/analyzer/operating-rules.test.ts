import { describe, expect, it } from 'vitest'
import { instantText } from '../../domain/buckets'
import type { Target } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import { analyze, analyzeWithRemarks } from './analyze'
import { kpi, patchOf, series, target, valid } from './test-fixtures'
import type { AnalyzerKpi } from './types'

const NOW = new Date('2026-01-05T09:00:00Z')
const review = (kpis: AnalyzerKpi[], data: [number, Measurement[]][], stage: 'operating' | 'launched' = 'operating') =>
  analyze({ stage, kpis, measurements: new Map(data), now: NOW }).then(valid)
/** Consecutive buckets of `minutes`, the last one ending at `endMs`. */
const buckets = (kpiId: number, endMs: number, minutes: number, values: number[]): Measurement[] =>
  values.map((value, i) => {
    const start = endMs - (values.length - i) * minutes * 60_000
    return {
      id: kpiId * 10_000 + i,
      kpiId,
      periodStart: instantText(start),
      periodEnd: instantText(start + minutes * 60_000),
      value,
      source: 'query',
      note: '',
      recordedAt: start
    }
  })
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
  it('reports a KPI without data for three periods as stale, naming the cause, and never proposes retiring it for that', async () => {
    const proposals = await review([sla], [[1, series(1, '2025-10-20', 'week', [96, 97, 93, 92, 95])]])
    expect(rulesOf(proposals)).toEqual(['patch:operating.stale'])
    expect(patchOf(proposals[0], 'notes')!.value).toBe('分析器：该指标需手工录入，已长期没有录入，请指定录入人或连接数据源。')
    expect(patchOf(proposals[0], 'notes')!.rationale).toBe(
      'KPI-003 自 2025-11-24 起没有数值，已错过 6 个统计周期（每周）；该指标需手工录入，但没有人录入数值。'
    )
    expect(proposals[0]!.rationale).toBe('运营复盘（KPI-003 SLA 达成率）：数据中断。')
    const pulled = { ...slaEn.fields, formula: 'SELECT avg(met) * 100 FROM sla', dataSource: 'warehouse' }
    const [patch] = await review([kpi(1, pulled)], [[1, series(1, '2025-10-20', 'week', [96, 97, 93, 92, 95])]])
    expect(patchOf(patch, 'notes')!.rationale).toBe(
      'KPI-003 has no value since 2025-11-24: 6 weekly periods missed; the schedule pulls it weekly from warehouse,' +
        ' yet no scheduled pull stored a value: check that the app runs or that cron runs kpiloop actuals pull --due.'
    )
    expect(patch!.rationale).toBe('Operating review for KPI-003 SLA attainment: stale.')
    const failing = { ...kpi(1, pulled), pullFailure: { failures: 4, errorCode: 'SOURCE_TIMEOUT', message: 'statement timeout', lastAttemptAt: NOW.getTime() } }
    const [failed] = await review([failing], [[1, series(1, '2025-10-20', 'week', [96, 97, 93, 92, 95])]])
    expect(patchOf(failed, 'notes')!.rationale).toContain('but its last 4 scheduled pull(s) failed (SOURCE_TIMEOUT: statement timeout)')
    const unset = await review([kpi(1, { ...sla.fields, frequency: null })], [[1, series(1, '2025-10-20', 'week', [96, 97, 93, 92, 95])]])
    expect(patchOf(unset[0], 'notes')!.rationale).toContain('已错过 6 个统计周期（每周；未设置统计频率，按每周估算）')
  })

  it('counts the intervals a real-time KPI went without a value (stale after two), and does not retire it', async () => {
    const latency = kpi(5, {
      code: 'KPI-T001',
      name: 'API P95 latency',
      stage: 'operating',
      frequency: 'realtime',
      unit: 'ms',
      formula: 'SELECT p95 FROM latency',
      dataSource: 'metrics',
      target: target('P95 ≤ 500ms', { comparator: '<=', value: 500, unit: 'ms', percentile: 95 })
    })
    const proposals = await review([latency], [[5, buckets(5, Date.parse('2026-01-05T08:50:00Z'), 5, [420, 430, 410, 440])]])
    expect(rulesOf(proposals)).toEqual(['patch:operating.stale'])
    expect(patchOf(proposals[0], 'notes')!.rationale).toMatch(
      /^KPI-T001 has no value since 2026-01-05T08:50:00Z: 10 min without a value \(a real-time KPI has one value every 5 min and is stale after 2 missing\); the schedule pulls it real-time from metrics/
    )
    // One interval behind is not stale; nor is 25 minutes behind when the source's interval is 15 minutes.
    expect(await review([latency], [[5, buckets(5, Date.parse('2026-01-05T08:55:00Z'), 5, [420, 530, 410, 600])]])).toEqual([])
    const quarterly = { ...latency, realtimeMinutes: 15 }
    expect(await review([quarterly], [[5, buckets(5, Date.parse('2026-01-05T08:35:00Z'), 15, [420, 530, 410, 600])]])).toEqual([])
  })

  it('measures staleness from the launch date when no value ever came in', async () => {
    const launched = kpi(2, { ...mau.fields }, Date.parse('2025-09-01T00:00:00Z'))
    const [stale] = await review([launched], [])
    expect(patchOf(stale, 'notes')!.rationale).toContain('自 2025-09-01 上线以来没有数值，已错过 4 个统计周期（每月）')
    const [staleEn] = await review([kpi(2, { ...mau.fields, name: 'Monthly active users' }, Date.parse('2025-09-01T00:00:00Z'))], [])
    expect(patchOf(staleEn, 'notes')!.rationale).toContain('no value since launch on 2025-09-01: 4 monthly periods missed')
    const recent = kpi(2, { ...mau.fields }, Date.parse('2025-12-01T00:00:00Z'))
    expect(await review([recent], [])).toEqual([])
    const never = await review([kpi(2, mau.fields)], [])
    expect(rulesOf(never)).toEqual(['patch:operating.stale'])
    expect(patchOf(never[0], 'notes')!.rationale).toBe('KPI-U001 从未记录过数值；该指标需手工录入，但没有人录入数值。')
  })

  it('proposes re-baselining a KPI green in each of the last six periods, without retiring it', async () => {
    const greens = series(1, '2025-11-24', 'week', [97.5, 98, 97.8, 98.2, 97.9, 98.1])
    const proposals = await review([sla], [[1, greens]])
    expect(rulesOf(proposals)).toEqual(['patch:operating.always-green,status.adjusting'])
    const raised = (patchOf(proposals[0], 'target')!.value as Target).parsed!
    expect(raised.value).toBeGreaterThan(97.5)
    expect(raised.value).toBeLessThan(98)
    expect(patchOf(proposals[0], 'target')!.rationale).toBe(
      'KPI-003 最近 6 个周期全部为绿（数值 97.5%–98.2%，目标 ≥ 95%），已经说明不了什么。建议把基线调到 ≥ 97.83%（4 个周期中有 3 个能保持的水平）。'
    )
    expect(proposals[0]!.rationale).toBe('运营复盘（KPI-003 SLA 达成率）：长期全绿、状态改为调整中。')
    const [patch] = await review([slaEn], [[1, greens]])
    expect(patchOf(patch, 'target')!.rationale).toBe(
      'KPI-003 was green in each of the last 6 periods (values 97.5%–98.2% against ≥ 95%): it no longer tells anything.' +
        ' Re-baseline to ≥ 97.83% (the level kept in 3 periods out of 4).'
    )
  })

  it('proposes retiring a KPI green in every period of a whole year', async () => {
    const monthly = kpi(1, { ...sla.fields, frequency: 'monthly' })
    const year = series(1, '2025-01-01', 'month', [97.5, 98, 97.8, 98.2, 97.9, 98.1, 96.9, 97.7, 98.4, 97.2, 98, 97.6])
    const proposals = await review([monthly], [[1, year]])
    expect(rulesOf(proposals)).toEqual(['patch:operating.always-green,status.adjusting', 'retire:operating.always-green-retire'])
    expect(proposals[1]!.rationale).toBe(
      'KPI-003 SLA 达成率 自 2025-01-01 起一整年的 12 个周期全部为绿（数值 96.9%–98.4%，目标 ≥ 95%）；如果没有决策依赖它，建议退役。'
    )
    const [, retire] = await review([kpi(1, { ...slaEn.fields, frequency: 'monthly' })], [[1, year]])
    expect(retire!.rationale).toBe(
      'KPI-003 SLA attainment was green in all 12 periods of a whole year since 2025-01-01 (values 96.9%–98.4% against ≥ 95%); retire it if no decision depends on it.'
    )
    // One yellow month in the year: re-baseline the recent run, but no retirement.
    const dipped = series(1, '2025-01-01', 'month', [97.5, 98, 86, 98.2, 97.9, 98.1, 96.9, 97.7, 98.4, 97.2, 98, 97.6])
    expect(rulesOf(await review([monthly], [[1, dipped]]))).toEqual(['patch:operating.always-green,status.adjusting'])
  })

  it('proposes retiring or replacing a KPI whose value has not moved for a year', async () => {
    const seats = kpi(4, { code: 'KPI-B002', name: 'Licensed seats', stage: 'operating', frequency: 'monthly', unit: 'count', target: null })
    const flat = [120, 120, 120, 121, 120, 120, 120, 120, 121, 120, 120, 120]
    const proposals = await review([seats], [[4, series(4, '2025-01-01', 'month', flat)]])
    expect(rulesOf(proposals)).toEqual(['retire:operating.flat'])
    expect(proposals[0]!.rationale).toBe(
      'KPI-B002 Licensed seats has not moved in the 12 periods of a whole year since 2025-01-01 (120–121 count, within 1%): it tells nothing new.' +
        ' Retire it, or replace it with a measure that moves.'
    )
    // Half a year of the same value is not yet evidence.
    expect(await review([seats], [[4, series(4, '2025-07-01', 'month', flat.slice(6))]])).toEqual([])
    expect(await review([seats], [[4, series(4, '2025-01-01', 'month', [...flat.slice(0, 11), 126])]])).toEqual([])
  })

  it('does not call a KPI always green after one yellow period', async () => {
    expect(await review([sla], [[1, series(1, '2025-11-24', 'week', [97.5, 98, 85, 98.2, 97.9, 98.1])]])).toEqual([])
  })

  const conversion = kpi(3, {
    code: 'KPI-C002',
    name: 'Trial-to-paid conversion',
    stage: 'launched',
    frequency: 'monthly',
    unit: '%',
    target: target('≥ 10%', { comparator: '>=', value: 10, unit: '%' })
  })
  // Eight months at 62–90% of the target: no single month below 70% of it, yet the target is never met.
  const missed = [6.8, 8.2, 6.2, 9, 7.1, 8.6, 6.5, 7.8]

  it('re-targets a KPI missed at 62–90% of its target from the graded evidence of the review window, also at launch', async () => {
    const { proposals, remarks } = await analyzeWithRemarks({
      stage: 'launched',
      kpis: [conversion],
      measurements: new Map([[3, series(3, '2025-05-01', 'month', missed)]]),
      now: NOW
    })
    expect(remarks).toEqual([])
    const [proposal] = valid(proposals)
    expect(proposal!.rule).toBe('operating.underachieved,status.adjusting')
    expect((patchOf(proposal, 'target')!.value as Target).parsed!.value).toBe(8.4)
    expect(patchOf(proposal, 'target')!.rationale).toBe(
      '≥ 10% was consistently missed (median attainment below 90%): 6 periods from 2025-07-01 to 2025-12-01, median 7.45%; ' +
        'median attainment 74.5%, within ±10% of the target in 1 of 6 periods; no clear trend (R² 0.01); spread: P25–P75 6.65%–8.4%, robust CV 17.4%. ' +
        "Lower the bar to ≥ 8.4% (method: the review window's P75: the level its best quarter of periods reached)."
    )
    expect(proposal!.rationale).toBe('Operating review for KPI-C002 Trial-to-paid conversion: target consistently missed, status adjusting.')
    const chinese = kpi(3, { ...conversion.fields, name: '试用转付费率' })
    const [proposalZh] = await review([chinese], [[3, series(3, '2025-05-01', 'month', missed)]], 'launched')
    expect(patchOf(proposalZh, 'target')!.rationale).toContain('方法：复盘窗口的 P75')
    expect(proposalZh!.rationale).toBe('运营复盘（KPI-C002 试用转付费率）：目标持续未达成、状态改为调整中。')
  })

  it('proposes no new target for a series within ±10% of it, and says why', async () => {
    const near = [9.4, 10.3, 9.8, 10.6, 9.2, 10.1, 9.6, 10.4]
    const { proposals, remarks } = await analyzeWithRemarks({
      stage: 'operating',
      kpis: [{ ...conversion, fields: { ...conversion.fields, stage: 'operating' } }],
      measurements: new Map([[3, series(3, '2025-05-01', 'month', near)]]),
      now: NOW
    })
    expect(proposals).toEqual([])
    expect(remarks).toEqual([
      {
        code: 'KPI-C002',
        text:
          'KPI-C002: nothing to propose — within ±10% of the target in 6 of 6 periods (6 periods from 2025-07-01 to 2025-12-01, median 9.95%; ' +
          'median attainment 99.5%, within ±10% of the target in 6 of 6 periods; no clear trend (R² 0.01); spread: P25–P75 9.65%–10.32%, robust CV 5%).'
      }
    ])
  })

  it('asks for more periods before grading a target on fewer than 4', async () => {
    const { proposals, remarks } = await analyzeWithRemarks({
      stage: 'operating',
      kpis: [{ ...conversion, fields: { ...conversion.fields, stage: 'operating' } }],
      measurements: new Map([[3, series(3, '2025-10-01', 'month', [6.2, 6.5, 6.4])]]),
      now: NOW
    })
    expect(proposals).toEqual([])
    expect(remarks[0]!.text).toContain('only 3 periods; a calibration needs at least 4')
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
