import { describe, expect, it } from 'vitest'
import type { Target } from '../domain/kpi'
import { analyze } from './analyze'
import { kpi, patchOf, RETENTION_D1, series, target, valid } from './test-fixtures'
import type { AnalyzerKpi } from './types'
import type { Measurement } from '../domain/measurement'

const trial = (subject: AnalyzerKpi, points: Measurement[], options: { minTrialPoints?: number; trialWindow?: { start: string; end: string } } = {}) =>
  analyze({ stage: 'trial', kpis: [subject], measurements: new Map([[subject.id, points]]), now: new Date('2026-01-05T00:00:00Z'), options }).then(valid)

const ticketResponse = kpi(2, {
  code: 'KPI-001', name: '工单平均响应时间', dataSource: '工单系统日志', direction: 'lower', unit: 'min', status: 'adopted', stage: 'trial',
  target: target('30 分钟内', { comparator: '<=', value: 30, unit: 'min' })
})

describe('trial review', () => {
  it('raises a target beaten by a wide margin in every period to the trial baseline', async () => {
    const easy = kpi(1, { ...RETENTION_D1, stage: 'trial', target: target('≥ 40%', { comparator: '>=', value: 40, unit: '%' }) })
    const [proposal] = await trial(easy, series(1, '2025-11-03', 'week', [52, 55, 58, 57, 61, 63]))
    expect(proposal!.rule).toBe('status.adjusting,trial.overachieved')
    const raised = patchOf(proposal, 'target')!
    expect((raised.value as Target)).toEqual({ text: '≥ 55.5%', parsed: { comparator: '>=', value: 55.5, unit: '%' } })
    expect(raised.rationale).toContain('all 6 periods')
    expect(raised.rationale).toContain('values 52–63')
    expect(raised.rationale).toContain('attainment 130%–157.5%')
    expect(patchOf(proposal, 'status')).toMatchObject({ value: 'adjusting' })
  })

  it('lowers the bar of a lower-is-better target missed badly every week (the board’s 30 → 45 minutes)', async () => {
    const [proposal] = await trial(ticketResponse, series(2, '2025-11-03', 'week', [45, 47, 44, 48, 46]))
    expect(proposal!.rule).toBe('status.adjusting,trial.underachieved')
    const lowered = patchOf(proposal, 'target')!
    expect((lowered.value as Target).parsed).toEqual({ comparator: '<=', value: 47, unit: 'min' })
    expect(lowered.rationale).toContain('all 5 periods')
    expect(lowered.rationale).toContain('≤ 30 min')
  })

  it('tightens a lower-is-better target that the trial beats by far, counting zero readings as beaten', async () => {
    const incidents = kpi(3, { code: 'KPI-T005', name: 'P1 incidents per week', direction: 'lower', unit: 'count', target: target('≤ 5', { comparator: '<=', value: 5, unit: 'count' }) })
    const [proposal] = await trial(incidents, series(3, '2025-11-03', 'week', [0, 1, 2, 0, 1, 3]))
    expect((patchOf(proposal, 'target')!.value as Target).parsed).toMatchObject({ comparator: '<=', value: 1.75 })
  })

  it('leaves a target alone when the trial is mixed', async () => {
    expect(await trial(ticketResponse, series(2, '2025-11-03', 'week', [28, 33, 31, 29, 35]))).toEqual([])
  })

  it('moves a range the trial sits far outside, keeping its width', async () => {
    const session = kpi(4, { code: 'KPI-U007', name: '会话平均时长', direction: 'range', unit: 'min', target: target('20–30分钟', { comparator: 'between', value: 20, upper: 30, unit: 'min' }) })
    const [proposal] = await trial(session, series(4, '2025-11-03', 'week', [38, 40, 41, 39]))
    expect((patchOf(proposal, 'target')!.value as Target).parsed).toEqual({ comparator: 'between', value: 34.5, upper: 44.5, unit: 'min' })
    expect(await trial(session, series(4, '2025-11-03', 'week', [18, 25, 31, 22]))).toEqual([])
  })

  it('judges a monthly growth target on the growth, not the level', async () => {
    const growth = kpi(5, { code: 'KPI-U002', name: '新用户注册率', unit: '%', target: target('每月新增用户数增长20%', { comparator: '>=', value: 20, unit: '%', change: true }) })
    const [proposal] = await trial(growth, series(5, '2025-08-01', 'month', [100, 150, 230, 340]))
    const raised = (patchOf(proposal, 'target')!.value as Target).parsed!
    expect(raised).toMatchObject({ comparator: '>=', change: true, unit: '%' })
    expect(raised.value).toBeGreaterThan(47)
    expect(raised.value).toBeLessThan(50)
  })

  it('asks for more data instead of changing the target when there are too few points', async () => {
    const [proposal] = await trial(ticketResponse, series(2, '2025-11-03', 'week', [60, 62]))
    expect(proposal!.rule).toBe('trial.more-data')
    expect(proposal!.kind === 'patch' && proposal!.patches.map((patch) => patch.field)).toEqual(['notes'])
    expect(patchOf(proposal, 'notes')!.value).toContain('至少需要 3 个周期')
    expect(patchOf(proposal, 'notes')!.rationale).toContain('Only 2 of 3')
  })

  it('only uses the points inside the trial window', async () => {
    const points = series(2, '2025-10-06', 'week', [20, 22, 21, 45, 47, 44, 48])
    const [proposal] = await trial(ticketResponse, points, { trialWindow: { start: '2025-10-27', end: '2025-11-24' } })
    expect(patchOf(proposal, 'target')!.rationale).toContain('all 4 periods')
    expect(await trial(ticketResponse, points, { trialWindow: { start: '2025-10-27', end: '2025-11-24' }, minTrialPoints: 5 })).toMatchObject([{ rule: 'trial.more-data' }])
  })

  it('suggests a target from the data when the KPI has none, saying it is a suggestion', async () => {
    const dau = kpi(6, { code: 'KPI-U014', name: 'Daily active users', unit: 'users', target: target('grow DAU', null) })
    const [proposal] = await trial(dau, series(6, '2025-11-03', 'week', [180, 210, 195, 220]))
    const suggested = patchOf(proposal, 'target')!
    expect((suggested.value as Target).parsed).toEqual({ comparator: '>=', value: 191.3, unit: 'users' })
    expect(suggested.rationale).toMatch(/^Suggestion from the trial data \(4 periods/)
  })

  it('warns about a series too unstable to lock a target on', async () => {
    const conversions = kpi(7, { code: 'KPI-C002', name: 'Trial-to-paid conversion', unit: '%', target: target('≥ 8%', { comparator: '>=', value: 8, unit: '%' }) })
    const [proposal] = await trial(conversions, series(7, '2025-11-03', 'week', [2, 15, 4, 18, 3, 14]))
    expect(proposal!.rule).toBe('trial.volatile')
    expect(patchOf(proposal, 'notes')!.rationale).toMatch(/Coefficient of variation 0\.\d+ over 6 periods/)
  })
})
