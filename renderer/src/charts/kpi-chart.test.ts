import type { LineSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import type { RevisionView } from '../../../electron/api'
import { buildKpiChartOption, SYMBOL_LIMIT, type KpiChartInput } from './kpi-chart'
import { targetChanges } from './kpi-target-changes'

const labels: KpiChartInput['labels'] = {
  actual: 'Actual',
  target: 'Target',
  bands: { red: 'Red', yellow: 'Yellow', green: 'Green' },
  targetChange: (c) => `Target ${c.from} → ${c.to}`
}

const monthly = [
  { periodStart: '2026-05-01', value: 41.5 },
  { periodStart: '2026-06-01', value: 52 },
  { periodStart: '2026-07-01', value: 63.2 }
]

function seriesOf(input: KpiChartInput): LineSeriesOption {
  const option = buildKpiChartOption(input)
  return (option.series as LineSeriesOption[])[0]!
}

describe('buildKpiChartOption', () => {
  const base: KpiChartInput = {
    points: monthly,
    target: { comparator: '>=', value: 60, unit: '%' },
    direction: 'higher',
    thresholds: { redRatio: 0.8, yellowRatio: 0.9, redValue: 50 },
    milestones: [],
    targetChanges: [],
    labels
  }

  it('plots each period at its start with the target as a line and three coloured bands', () => {
    const series = seriesOf(base)
    expect(series.data).toEqual([
      ['2026-05-01', 41.5],
      ['2026-06-01', 52],
      ['2026-07-01', 63.2]
    ])
    expect(series.sampling).toBe('lttb')
    expect(series.showSymbol).toBe(true)
    expect(series.markLine?.data).toContainEqual(expect.objectContaining({ yAxis: 60, name: 'Target' }))
    const areas = series.markArea?.data as { yAxis: number; name?: string }[][]
    expect(areas.map(([from, to]) => [from?.name, to?.yAxis])).toEqual([
      ['Red', 50],
      ['Yellow', 54],
      ['Green', expect.any(Number)]
    ])
  })

  it('keeps the axis around the data and the bands, never below zero for positive data', () => {
    const y = buildKpiChartOption(base).yAxis as { min: number; max: number }
    expect(y.min).toBeGreaterThanOrEqual(0)
    expect(y.min).toBeLessThan(41.5)
    expect(y.max).toBeGreaterThanOrEqual(63.2)
    expect(y.max).toBeLessThan(100)
    const low = buildKpiChartOption({
      ...base,
      points: [
        { periodStart: '2026-05-01', value: 2 },
        { periodStart: '2026-06-01', value: 3 }
      ]
    }).yAxis as { min: number }
    expect(low.min).toBe(0)
  })

  it('marks milestones: a pin when due and valued, a level line when only valued', () => {
    const series = seriesOf({
      ...base,
      milestones: [
        { label: 'Month 3', target: '300 MAU', value: 300 },
        { label: 'Q3', target: '800 MAU', value: 800, due: '2026-09-30' }
      ]
    })
    expect(series.markPoint?.data).toEqual([expect.objectContaining({ coord: ['2026-09-30', 800], name: 'Q3: 800 MAU' })])
    expect(series.markLine?.data).toContainEqual(expect.objectContaining({ yAxis: 300, name: 'Month 3' }))
  })

  it('marks the day a revision changed the target', () => {
    const revision = (number: number, text: string, createdAt: number) =>
      ({ number, target: { text, parsed: null }, createdAt, reason: number === 3 ? 'Re-baseline after trial' : '' }) as RevisionView
    const changes = targetChanges([revision(1, '≥ 50%', 1), revision(2, '≥ 50%', 2), revision(3, '≥ 60%', Date.UTC(2026, 5, 15))])
    expect(changes).toEqual([{ at: Date.UTC(2026, 5, 15), revision: 3, from: '≥ 50%', to: '≥ 60%', reason: 'Re-baseline after trial' }])
    const series = seriesOf({ ...base, targetChanges: changes })
    expect(series.markLine?.data).toContainEqual(expect.objectContaining({ xAxis: Date.UTC(2026, 5, 15), name: 'Target ≥ 50% → ≥ 60%' }))
  })

  it('draws both range edges and five bands for a ± target', () => {
    const series = seriesOf({ ...base, target: { comparator: '±', value: 75, tolerance: 10, unit: '%' }, direction: 'range', thresholds: null })
    const ys = (series.markLine?.data as { yAxis?: number }[]).map((d) => d.yAxis)
    expect(ys).toEqual([65, 85])
    expect((series.markArea?.data as unknown[]).length).toBe(5)
  })

  it('shows only the line when the target was not understood', () => {
    const series = seriesOf({ ...base, target: null })
    expect(series.markArea?.data).toEqual([])
    expect(series.markLine?.data).toEqual([])
  })

  it('builds a 100,000-point series sampled, without symbols and with a zoom bar', () => {
    const start = Date.UTC(2015, 0, 1)
    const points = Array.from({ length: 100_000 }, (_, i) => ({
      periodStart: new Date(start + i * 3_600_000).toISOString().slice(0, 10),
      value: 50 + 10 * Math.sin(i / 500)
    }))
    const option = buildKpiChartOption({ ...base, points })
    const series = (option.series as LineSeriesOption[])[0]!
    expect((series.data as unknown[]).length).toBe(100_000)
    expect(points.length).toBeGreaterThan(SYMBOL_LIMIT)
    expect(series.showSymbol).toBe(false)
    expect(series.sampling).toBe('lttb')
    expect((option.dataZoom as unknown[]).length).toBe(2)
  })
})
