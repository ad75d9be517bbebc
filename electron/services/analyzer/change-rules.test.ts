import { describe, expect, it } from 'vitest'
import { ruleBreaches } from './change-rules'
import { kpi, series, target } from './test-fixtures'

const dau = (rules: { severity: 'P0' | 'P1' | 'P2' | 'P3'; period: 'day' | 'week' | 'month' | 'period'; direction: 'drop' | 'rise'; percent: number }[]) =>
  kpi(1, { code: 'KPI-U014', name: '日活跃用户数 (DAU)', target: target('≥ 200', { comparator: '>=', value: 200, unit: 'users' }), alertThresholds: { rules } })
    .fields

describe('ruleBreaches', () => {
  it('reports a week-over-week drop above 20% with the computed change', () => {
    const fields = dau([{ severity: 'P2', period: 'week', direction: 'drop', percent: 20 }])
    const breaches = ruleBreaches(fields, series(1, '2025-11-03', 'week', [410, 420, 315]))
    expect(breaches).toHaveLength(1)
    expect(breaches[0]!.rule.severity).toBe('P2')
    expect(breaches[0]!.change).toBeCloseTo(-25, 6)
    expect(breaches[0]!.previous.value).toBe(420)
  })

  it('stays quiet for a drop within the rule', () => {
    const fields = dau([{ severity: 'P2', period: 'week', direction: 'drop', percent: 20 }])
    expect(ruleBreaches(fields, series(1, '2025-11-03', 'week', [420, 357]))).toEqual([])
  })

  it('compares a daily series with the same weekday one week earlier', () => {
    const fields = dau([{ severity: 'P1', period: 'week', direction: 'drop', percent: 30 }])
    const values = [300, 310, 305, 298, 320, 150, 140, 290, 305, 300, 295, 315, 160, 90]
    const breaches = ruleBreaches(fields, series(1, '2025-11-03', 'day', values))
    expect(breaches).toHaveLength(1)
    expect(breaches[0]!.previous.periodStart).toBe('2025-11-09')
    expect(breaches[0]!.change).toBeCloseTo(((90 - 140) / 140) * 100, 6)
  })

  it('checks rises and month-over-month rules, several at once', () => {
    const fields = dau([
      { severity: 'P3', period: 'month', direction: 'rise', percent: 50 },
      { severity: 'P2', period: 'period', direction: 'drop', percent: 10 }
    ])
    const breaches = ruleBreaches(fields, series(1, '2025-09-01', 'month', [100, 120, 190]))
    expect(breaches.map((breach) => breach.rule.severity)).toEqual(['P3'])
    expect(breaches[0]!.change).toBeCloseTo(58.33, 2)
  })

  it('cannot compute a change without the comparison period or from zero', () => {
    const weekly = dau([{ severity: 'P2', period: 'day', direction: 'drop', percent: 20 }])
    expect(ruleBreaches(weekly, series(1, '2025-11-03', 'week', [400, 100]))).toEqual([])
    const fromZero = dau([{ severity: 'P2', period: 'period', direction: 'rise', percent: 20 }])
    expect(ruleBreaches(fromZero, series(1, '2025-11-03', 'week', [0, 100]))).toEqual([])
    expect(ruleBreaches(fromZero, series(1, '2025-11-03', 'week', [100]))).toEqual([])
  })
})
