import { describe, expect, it } from 'vitest'
import { instantText } from '../buckets'
import { kpiFieldsSchema, type KpiFieldsInput } from '../kpi'
import { parseTarget } from '../target/parse-target'
import { formatFigure, roundFigure } from './format-figure'
import { inferAggregation, judgingOf } from './judging'
import { periodValues } from './period-values'
import { thresholdProblem } from './threshold-check'

const fields = (input: Omit<Partial<KpiFieldsInput>, 'target'> & { target?: string }) =>
  kpiFieldsSchema.parse({ code: 'K', name: 'K', ...input, target: input.target ? parseTarget(input.target, { name: input.name }) : null })

describe('formatFigure', () => {
  it.each([
    [39.62264151, '%', '39.6%'],
    [99.953, '%', '99.95%'],
    [1200, 'users', '1,200 users'],
    [1234.5, '$', '$1,235'],
    [-12.25, '¥', '-¥12.3'],
    [4.256, 'score', '4.26 score'],
    [0.01234, '', '0.0123'],
    [430, 'ms', '430 ms'],
    [3, '个', '3个'],
    [12, 'count', '12']
  ] as const)('%s %s → %s', (value, unit, shown) => {
    expect(formatFigure(value, unit)).toBe(shown)
  })

  it('rounds spreadsheet cells to the same precision', () => {
    expect(roundFigure(39.62264151, '%')).toBe(39.6)
    expect(roundFigure(1234.5, 'users')).toBe(1235)
  })
})

describe('inferAggregation', () => {
  it.each([
    ['New sign-ups', '≥ 1000', 'users', 'sum'],
    ['Revenue', '≥ $50000', '$', 'sum'],
    ['Next-day retention', '≥ 60%', '', 'mean'],
    ['API latency', 'P95 ≤ 500ms', '', 'none'],
    ['Median response time', '≤ 30 min', '', 'none'],
    ['MAU', '≥ 1000', 'users', 'last'],
    ['累计注册用户', '≥ 5000', '', 'last'],
    ['用户满意度', '≥ 4.5/5', '', 'mean']
  ] as const)('%s (%s) → %s', (name, target, unit, aggregation) => {
    expect(inferAggregation(fields({ name, target, unit }))).toBe(aggregation)
  })

  it('reads the target period from a target per period, else judges each value over its own period', () => {
    expect(judgingOf(fields({ target: '每月 ≥ 1000', frequency: 'daily' }))).toMatchObject({ valueGrain: 'day', targetPeriod: 'month' })
    expect(judgingOf(fields({ target: '≥ 1000', frequency: 'weekly' }))).toMatchObject({
      valueGrain: 'week',
      targetPeriod: null,
      inferred: { targetPeriod: true }
    })
    expect(judgingOf(fields({ target: '≥ 1000', frequency: 'weekly', targetPeriod: 'quarter' }))).toMatchObject({
      targetPeriod: 'quarter',
      inferred: { targetPeriod: false }
    })
  })
})

describe('periodValues', () => {
  const judging = judgingOf(fields({ name: 'Orders', target: '≥ 100 per month', frequency: 'daily' }))
  const day = (d: string, value: number, id = Number(d.replaceAll('-', ''))) => ({ id, periodStart: d, periodEnd: nextDay(d), value })
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

  it('sums the days of a month and projects the running one pro rata', () => {
    const points = [day('2026-10-31', 10), day('2026-11-01', 4), day('2026-11-02', 6)]
    const [october, november] = periodValues(points, judging, '2026-11-03')
    expect(october).toMatchObject({ label: '2026-10', value: 10, parts: 1, expectedParts: 31, inProgress: false, problem: 'incomplete' })
    expect(november).toMatchObject({ label: '2026-11', value: 10, inProgress: true, problem: null })
    expect(november!.projection).toBeCloseTo(150, 6)
  })

  it('puts a week that straddles two months in the month of its Thursday', () => {
    const weekly = judgingOf(fields({ name: 'Orders', target: '≥ 100 per month', frequency: 'weekly' }))
    const [month] = periodValues([{ id: 1, periodStart: '2026-11-30', periodEnd: '2026-12-07', value: 50 }], weekly, '2027-01-10')
    expect(month).toMatchObject({ label: '2026-12', expectedParts: 5 })
  })

  it('adds the hours of an hourly KPI up to its day: a day missing an hour is incomplete, today runs on at the pace of its hours', () => {
    const hourly = judgingOf(fields({ name: 'Orders', target: '≥ 2400 per day', frequency: 'hourly' }))
    const hour = (day: string, h: number, value = 100) => {
      const start = Date.parse(`${day}T00:00:00Z`) + h * 3_600_000
      return { id: start / 1000, periodStart: instantText(start), periodEnd: instantText(start + 3_600_000), value }
    }
    const full = Array.from({ length: 24 }, (_, h) => hour('2026-11-01', h))
    const gap = Array.from({ length: 24 }, (_, h) => hour('2026-11-02', h)).filter((_, h) => h !== 5)
    const today = [hour('2026-11-03', 0), hour('2026-11-03', 1), hour('2026-11-03', 2)]
    const [first, second, third] = periodValues([...full, ...gap, ...today], hourly, '2026-11-03')
    expect(hourly).toMatchObject({ targetPeriod: 'day', aggregation: 'sum' })
    expect(first).toMatchObject({ label: '2026-11-01', value: 2400, parts: 24, expectedParts: 24, inProgress: false, problem: null })
    expect(second).toMatchObject({ value: 2300, parts: 23, expectedParts: 24, problem: 'incomplete' })
    expect(third).toMatchObject({ value: 300, inProgress: true, problem: null })
    expect(third!.projection).toBeCloseTo(2400, 6)
    // Without a target period each bucket is its own value, labelled by its time.
    const own = periodValues([hour('2026-11-01', 9)], { ...hourly, targetPeriod: null }, '2026-11-03')
    expect(own[0]).toMatchObject({ label: '2026-11-01 09:00–10:00 UTC', value: 100, inProgress: false })
  })

  it('refuses values coarser than the target period', () => {
    const weeklyTarget = judgingOf(fields({ name: 'Orders', target: '≥ 100 per week', frequency: 'monthly' }))
    const [only] = periodValues([{ id: 1, periodStart: '2026-10-01', periodEnd: '2026-11-01', value: 400 }], weeklyTarget, '2026-12-01')
    expect(only).toMatchObject({ value: null, problem: 'not-aggregable' })
  })
})

describe('thresholdProblem', () => {
  const target = (text: string) => parseTarget(text).parsed
  it('accepts thresholds that agree with the target and names the ones that do not', () => {
    expect(thresholdProblem({ redRatio: 0.8, yellowRatio: 0.9, rules: [], redValue: 50 }, target('≥ 60%'), 'higher')).toBeNull()
    expect(thresholdProblem({ redRatio: 0.8, yellowRatio: 0.9, rules: [], redValue: 60 }, target('≥ 60%'), 'higher')).toBe('red-value-beyond-target')
    expect(thresholdProblem({ redRatio: 0.8, yellowRatio: 0.9, rules: [], redValue: 12 }, target('≤ 8 h'), 'lower')).toBeNull()
    expect(thresholdProblem({ redRatio: 0.8, yellowRatio: 0.9, rules: [], redValue: 75 }, target('between 70 and 80%'), 'range')).toBe(
      'red-value-beyond-target'
    )
    expect(thresholdProblem({ redRatio: 0.9, yellowRatio: 0.8, rules: [] }, target('≥ 60%'), 'higher')).toBe('yellow-below-red')
    expect(thresholdProblem({ redRatio: 0.8, yellowRatio: 1.1, rules: [] }, target('≥ 60%'), 'higher')).toBe('ratio-above-target')
  })
})
