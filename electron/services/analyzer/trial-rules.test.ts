import { describe, expect, it } from 'vitest'
import type { Target } from '../../domain/kpi'
import { parseTarget } from '../../domain/target/parse-target'
import { analyze, analyzeWithRemarks } from './analyze'
import { kpi, patchOf, RETENTION_D1, series, target, valid } from './test-fixtures'
import type { AnalyzerKpi } from './types'
import type { Measurement } from '../../domain/measurement'

const trial = (subject: AnalyzerKpi, points: Measurement[], options: { minTrialPoints?: number; trialWindow?: { start: string; end: string } } = {}) =>
  analyze({ stage: 'trial', kpis: [subject], measurements: new Map([[subject.id, points]]), now: new Date('2026-01-05T00:00:00Z'), options }).then(valid)

const ticketResponse = kpi(2, {
  code: 'KPI-001',
  name: '工单平均响应时间',
  dataSource: '工单系统日志',
  direction: 'lower',
  unit: 'min',
  status: 'adopted',
  stage: 'trial',
  target: target('30 分钟内', { comparator: '<=', value: 30, unit: 'min' })
})

describe('trial review', () => {
  it('raises a target beaten by far to the level the trial kept in 3 periods out of 4, grading the finding', async () => {
    const easy = kpi(1, { ...RETENTION_D1, stage: 'trial', target: target('≥ 40%', { comparator: '>=', value: 40, unit: '%' }) })
    const [proposal] = await trial(easy, series(1, '2025-11-03', 'week', [52, 55, 58, 57, 61, 63]))
    expect(proposal!.rule).toBe('status.adjusting,trial.overachieved')
    const raised = patchOf(proposal, 'target')!
    expect(raised.value as Target).toEqual({ text: '≥ 55.5%', parsed: { comparator: '>=', value: 55.5, unit: '%' } })
    expect(raised.rationale).toBe(
      '≥ 40% 持续超额（中位达成率高于 115%）：2025-11-03 至 2025-12-08 共 6 个周期，中位数 57.5%；中位达成率 143.8%，6 个周期中有 0 个在目标 ±10% 以内；' +
        '趋势每周期 +2.057%（R² 0.93）；波动：P25–P75 55.5%–60.25%，稳健变异系数 6.1%。建议提高到 ≥ 55.5%（方法：试运行的 P25：4 个周期中有 3 个能达到）。'
    )
    expect(patchOf(proposal, 'status')).toMatchObject({ value: 'adjusting', rationale: '目标正在根据实测数据重新设定。' })
    expect(proposal!.rationale).toBe('试运行复盘（KPI-U003 用户次日留存率）：目标持续超额、状态改为调整中。')
  })

  it('lowers the bar of a lower-is-better target missed badly every week (the board’s 30 → 45 minutes)', async () => {
    const [proposal] = await trial(ticketResponse, series(2, '2025-11-03', 'week', [45, 47, 44, 48, 46]))
    expect(proposal!.rule).toBe('status.adjusting,trial.underachieved')
    const lowered = patchOf(proposal, 'target')!
    expect((lowered.value as Target).parsed).toEqual({ comparator: '<=', value: 45, unit: 'min' })
    expect(lowered.rationale).toContain('≤ 30 min 远未达到（中位达成率低于 70%）：2025-11-03 至 2025-12-01 共 5 个周期，中位数 46 min；中位达成率 65.2%')
    expect(lowered.rationale).toContain('建议放宽到 ≤ 45 min（方法：试运行的 P25：四分之一表现最好的周期保持的水平，团队已证明能做到）。')
    expect(proposal!.rationale).toBe('试运行复盘（KPI-001 工单平均响应时间）：目标远未达到、状态改为调整中。')
  })

  it('tightens a lower-is-better target that the trial beats by far, counting zero readings as beaten', async () => {
    const incidents = kpi(3, {
      code: 'KPI-T005',
      name: 'P1 incidents per week',
      direction: 'lower',
      unit: 'count',
      target: target('≤ 5', { comparator: '<=', value: 5, unit: 'count' })
    })
    const [proposal] = await trial(incidents, series(3, '2025-11-03', 'week', [0, 1, 2, 0, 1, 3]))
    const tightened = patchOf(proposal, 'target')!
    expect((tightened.value as Target).parsed).toMatchObject({ comparator: '<=', value: 1.75 })
    expect(tightened.rationale).toMatch(
      /^≤ 5 count was beaten by far \(median attainment above 150%\): 6 periods from 2025-11-03 to 2025-12-08, median 1 count; median attainment 500%/
    )
    expect(tightened.rationale).toMatch(/Tighten to ≤ 1\.75 count \(method: the trial's P75: kept in 3 periods out of 4\)\.$/)
    expect(patchOf(proposal, 'status')!.rationale).toBe('The target is being re-set from measured data.')
    expect(proposal!.rationale).toBe('Trial review for KPI-T005 P1 incidents per week: target too easy, status adjusting, unstable values.')
    expect(patchOf(proposal, 'alertThresholds')!.value).toMatchObject({
      redRatio: 0.4,
      yellowRatio: 0.6,
      text: 'red above 250% of target, yellow above 166.7%'
    })
  })

  it('flags a series on target that worsens steadily, without moving the target', async () => {
    const retention = kpi(9, { ...RETENTION_D1, stage: 'trial' })
    const [proposal] = await trial(retention, series(9, '2025-11-03', 'week', [68, 66, 64, 62, 60, 58]))
    expect(proposal!.rule).toBe('trial.trend')
    expect(patchOf(proposal, 'target')).toBeUndefined()
    expect(patchOf(proposal, 'status')).toBeUndefined()
    expect(patchOf(proposal, 'notes')!.value).toContain('分析器：试运行期间数值持续走弱，锁定目标前请查明原因。')
    expect(patchOf(proposal, 'notes')!.rationale).toMatch(
      /^KPI-U003 目前在目标附近，但按趋势到 2025-12-15 起的周期约为 56%，将不再达标（.*趋势每周期 -2%（R² 1\.00）/
    )
    const [english] = await trial(
      kpi(9, { ...RETENTION_D1, name: 'Day-1 retention', description: '', stage: 'trial' }),
      series(9, '2025-11-03', 'week', [68, 66, 64, 62, 60, 58])
    )
    expect(english!.rationale).toBe('Trial review for KPI-U003 Day-1 retention: worsening trend.')
  })

  it('extrapolates a deadline target to the end of its window (6个月内达到 …), and leaves it alone when the trend gets there', async () => {
    const mau = kpi(10, {
      code: 'KPI-U001',
      name: '月活跃用户数',
      unit: 'users',
      frequency: 'monthly',
      target: target('6个月内达到1,000 MAU', { comparator: '>=', value: 1000, unit: 'users', window: { kind: 'within', amount: 6, unit: 'month' } })
    })
    // +80 users a month from 500: the sixth month (index 5) reaches 900, short of 1,000.
    const [slow] = await trial(mau, series(10, '2025-08-01', 'month', [500, 580, 660, 740]))
    expect((patchOf(slow, 'target')!.value as Target).parsed).toMatchObject({ value: 900, window: { kind: 'within', amount: 6, unit: 'month' } })
    expect(patchOf(slow, 'target')!.rationale).toMatch(/（方法：按趋势外推到目标期限截止时（2026-02-01，自 2025-08-01 起算））。$/)
    // +130 a month gets there by the deadline: nothing to change.
    const fast = await analyzeWithRemarks({
      stage: 'trial',
      kpis: [mau],
      measurements: new Map([[10, series(10, '2025-08-01', 'month', [500, 630, 760, 890])]]),
      now: new Date('2026-01-05')
    })
    expect(fast.proposals).toEqual([])
    expect(fast.remarks[0]!.text).toMatch(
      /^KPI-U001：无需调整——低于目标，但每周期改善 \+130 users，按趋势到目标期限截止时（2026-02-01，自 2025-08-01 起算）即可达到（/
    )
  })

  it('does not call a steady series with a few spikes volatile: the spikes are what alerts are for', async () => {
    const latency = kpi(11, {
      code: 'KPI-B002',
      name: 'API latency P95',
      direction: 'lower',
      unit: 'ms',
      frequency: 'daily',
      target: target('P95 ≤ 500ms', { comparator: '<=', value: 500, unit: 'ms', percentile: 95 })
    })
    const days = [490, 505, 480, 498, 1900, 485, 495, 502, 478, 1650, 492, 488, 500, 483]
    const result = await analyzeWithRemarks({
      stage: 'trial',
      kpis: [latency],
      measurements: new Map([[11, series(11, '2025-11-03', 'day', days)]]),
      now: new Date('2026-01-05')
    })
    expect(result.proposals).toEqual([])
    expect(result.remarks[0]!.text).toMatch(/^KPI-B002: nothing to propose — within ±10% of the target in 12 of 14 periods \(.*robust CV 2\.4%\)\.$/)
  })

  it('leaves a target alone when the trial is mixed', async () => {
    expect(await trial(ticketResponse, series(2, '2025-11-03', 'week', [28, 33, 31, 29, 35]))).toEqual([])
  })

  it('moves a range the trial sits far outside, keeping its width', async () => {
    const session = kpi(4, {
      code: 'KPI-U007',
      name: '会话平均时长',
      direction: 'range',
      unit: 'min',
      target: target('20–30分钟', { comparator: 'between', value: 20, upper: 30, unit: 'min' })
    })
    const [proposal] = await trial(session, series(4, '2025-11-03', 'week', [38, 40, 41, 39]))
    expect((patchOf(proposal, 'target')!.value as Target).parsed).toEqual({ comparator: 'between', value: 34.5, upper: 44.5, unit: 'min' })
    expect(await trial(session, series(4, '2025-11-03', 'week', [18, 25, 31, 22]))).toEqual([])
    const gpu = kpi(8, {
      code: 'KPI-B010',
      name: 'GPU utilisation',
      direction: 'range',
      unit: '%',
      target: target('75% ± 10%', { comparator: '±', value: 75, tolerance: 10, unit: '%' })
    })
    const [recentred] = await trial(gpu, series(8, '2025-11-03', 'week', [40, 42, 38, 41]))
    expect(patchOf(recentred, 'target')!.value as Target).toEqual({ text: '40.5% ± 10%', parsed: { comparator: '±', value: 40.5, tolerance: 10, unit: '%' } })
    expect(patchOf(recentred, 'target')!.rationale).toMatch(/\. Move to 40\.5% ± 10% \(method: centred on the trial's median, same width\)\.$/)
    expect(patchOf(proposal, 'target')!.rationale).toMatch(/。建议将区间移到 34\.5 min – 44\.5 min（方法：以试运行的中位数为中心，宽度不变）。$/)
  })

  it('judges a monthly growth target on the growth, not the level, and writes it as the KPI does', async () => {
    const growth = kpi(5, {
      code: 'KPI-U002',
      name: '新用户注册率',
      unit: '%',
      target: target('每月新增用户数增长20%', { comparator: '>=', value: 20, unit: '%', change: true, window: { kind: 'per', unit: 'month' } })
    })
    const [proposal] = await trial(growth, series(5, '2025-07-01', 'month', [70, 100, 150, 230, 340]))
    const raised = patchOf(proposal, 'target')!.value as Target
    expect(raised.parsed).toMatchObject({ comparator: '>=', change: true, unit: '%' })
    // Growth of 42.9%, 50%, 53.3% and 47.8%: the level kept in 3 months out of 4.
    expect(raised.parsed!.value).toBeGreaterThan(45)
    expect(raised.parsed!.value).toBeLessThan(48)
    expect(raised.text).toBe(`每月增长 ≥ ${raised.parsed!.value}%`)
    expect(parseTarget(raised.text).parsed).toEqual(raised.parsed)
    const english = kpi(5, { ...growth.fields, name: 'New sign-up growth' })
    const [proposalEn] = await trial(english, series(5, '2025-07-01', 'month', [70, 100, 150, 230, 340]))
    expect((patchOf(proposalEn, 'target')!.value as Target).text).toBe(`≥ ${raised.parsed!.value}% change per month`)
  })

  it('asks for more data instead of changing the target when there are too few points', async () => {
    const [proposal] = await trial(ticketResponse, series(2, '2025-11-03', 'week', [60, 62]))
    expect(proposal!.rule).toBe('trial.more-data')
    expect(proposal!.kind === 'patch' && proposal!.patches.map((patch) => patch.field)).toEqual(['notes'])
    expect(patchOf(proposal, 'notes')!.value).toContain('至少需要 3 个周期')
    expect(patchOf(proposal, 'notes')!.rationale).toBe('目前只有 2 个周期（需要 3 个），不足以判断目标。')
    expect(proposal!.rationale).toBe('试运行复盘（KPI-001 工单平均响应时间）：试运行数据不足。')
    const english = kpi(2, { ...ticketResponse.fields, name: 'Average ticket response time' })
    const [proposalEn] = await trial(english, series(2, '2025-11-03', 'week', [60, 62]))
    expect(patchOf(proposalEn, 'notes')!.rationale).toBe('Only 2 of 3 periods so far: too few to judge the target.')
    expect(proposalEn!.rationale).toBe('Trial review for KPI-001 Average ticket response time: not enough trial data.')
  })

  it('only uses the points inside the trial window', async () => {
    const points = series(2, '2025-10-06', 'week', [20, 22, 21, 45, 47, 44, 48])
    const [proposal] = await trial(ticketResponse, points, { trialWindow: { start: '2025-10-27', end: '2025-11-24' } })
    expect(patchOf(proposal, 'target')!.rationale).toContain('2025-10-27 至 2025-11-17 共 4 个周期')
    expect(await trial(ticketResponse, points, { trialWindow: { start: '2025-10-27', end: '2025-11-24' }, minTrialPoints: 5 })).toMatchObject([
      { rule: 'trial.more-data' }
    ])
  })

  it('suggests a target from the data when the KPI has none, saying it is a suggestion', async () => {
    const dau = kpi(6, { code: 'KPI-U014', name: 'Daily active users', unit: 'users', target: target('grow DAU', null) })
    const [proposal] = await trial(dau, series(6, '2025-11-03', 'week', [180, 210, 195, 220]))
    const suggested = patchOf(proposal, 'target')!
    expect((suggested.value as Target).parsed).toEqual({ comparator: '>=', value: 191.3, unit: 'users' })
    expect(suggested.rationale).toMatch(/^Suggestion from the trial data \(4 periods/)
    const [chinese] = await trial(kpi(6, { ...dau.fields, name: '日活跃用户数' }), series(6, '2025-11-03', 'week', [180, 210, 195, 220]))
    expect(patchOf(chinese, 'target')!.rationale).toBe(
      '根据试运行数据给出的建议（4 个周期，数据的第 25 百分位：4 个周期中有 3 个能达到），待确认：该指标没有可供比较的结构化目标。'
    )
  })

  it('warns about a series too unstable to lock a target on', async () => {
    const conversions = kpi(7, {
      code: 'KPI-C002',
      name: 'Trial-to-paid conversion',
      unit: '%',
      target: target('≥ 8%', { comparator: '>=', value: 8, unit: '%' })
    })
    const [proposal] = await trial(conversions, series(7, '2025-11-03', 'week', [2, 15, 4, 18, 3, 14]))
    expect(proposal!.rule).toBe('trial.volatile')
    expect(patchOf(proposal, 'target')).toBeUndefined()
    expect(patchOf(proposal, 'alertThresholds')!.rationale).toMatch(/^Values swing widely: .*, robust CV 9\d(\.\d)?%; range 2%–18%, so the light/)
    const [chinese] = await trial(kpi(7, { ...conversions.fields, name: '试用转付费率' }), series(7, '2025-11-03', 'week', [2, 15, 4, 18, 3, 14]))
    expect(patchOf(chinese, 'alertThresholds')!.value).toMatchObject({ text: '红：低于目标的 40%；黄：低于 60%', redRatio: 0.4, yellowRatio: 0.6 })
    expect(chinese!.rationale).toBe('试运行复盘（KPI-C002 试用转付费率）：数值波动大。')
    // Weekly values judged per month calm down: the proposal is the coarser period.
    const [weekly] = await trial(kpi(7, { ...conversions.fields, frequency: 'weekly' }), series(7, '2025-11-03', 'week', [2, 15, 4, 18, 3, 14, 5, 16]))
    expect(patchOf(weekly, 'frequency')).toMatchObject({ value: 'monthly' })
    expect(patchOf(weekly, 'frequency')!.rationale).toMatch(/Judge it monthly instead: aggregated over 4 periods the robust CV falls to \d+(\.\d)?%\.$/)
  })
})
