import { describe, expect, it } from 'vitest'
import { series } from './test-fixtures'
import { trialStats } from './trial-stats'

describe('trialStats', () => {
  it('summarises a six-week trial of next-day retention against ≥ 60%', () => {
    const points = series(1, '2025-11-03', 'week', [52, 55, 58, 57, 61, 63])
    const stats = trialStats(points, { comparator: '>=', value: 60, unit: '%' }, 'higher')
    expect(stats.n).toBe(6)
    expect(stats.mean).toBeCloseTo(57.667, 3)
    expect(stats.latest).toBe(63)
    expect(stats.attainment).toBeCloseTo(57.667 / 60, 4)
    expect(stats.gap).toBeCloseTo(-2.333, 3)
    expect(stats.slope).toBeCloseTo(36 / 17.5, 6)
    expect(stats.min).toBe(52)
    expect(stats.max).toBe(63)
    expect(stats.volatility).toBeGreaterThan(0.05)
    expect(stats.volatility).toBeLessThan(0.08)
    // 25th percentile (linear interpolation): the level reached in three weeks out of four
    expect(stats.suggestedBaseline).toBe(55.5)
  })

  it('takes the 75th percentile as baseline when lower is better', () => {
    const points = series(2, '2025-11-03', 'week', [9, 10, 8.5, 11, 9.5, 12])
    const stats = trialStats(points, { comparator: '<=', value: 8, unit: 'h' }, 'lower')
    expect(stats.suggestedBaseline).toBe(10.75)
    expect(stats.gap).toBeCloseTo(10 - 8, 6)
    expect(stats.attainment).toBeCloseTo(0.8, 6)
  })

  it('measures the distance outside a range as the gap and centres the baseline on the median', () => {
    const points = series(3, '2025-11-03', 'week', [84, 86, 88, 90])
    const stats = trialStats(points, { comparator: 'between', value: 60, upper: 80, unit: '%' }, 'range')
    expect(stats.gap).toBe(7)
    expect(stats.suggestedBaseline).toBe(87)
  })

  it('judges a change-rate target on the month-over-month growth', () => {
    const points = series(4, '2025-09-01', 'month', [20, 24, 29, 35])
    const stats = trialStats(points, { comparator: '>=', value: 20, unit: '%', change: true }, 'higher')
    expect(stats.n).toBe(3)
    expect(stats.latest).toBeCloseTo(((35 - 29) / 29) * 100, 6)
    expect(stats.min).toBeCloseTo(20, 6)
  })

  it('falls back to the KPI direction without a target and reports nulls without data', () => {
    const stats = trialStats(series(5, '2025-11-03', 'week', [3]), null, 'lower')
    expect(stats).toMatchObject({ n: 1, attainment: null, gap: null, slope: null, volatility: null, suggestedBaseline: 3 })
    expect(trialStats([], null, 'higher')).toMatchObject({ n: 0, mean: null, suggestedBaseline: null })
  })
})
