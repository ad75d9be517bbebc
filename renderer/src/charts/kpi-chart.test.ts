import type { LineSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import type { RevisionView } from '../../../electron/api'
import { buildKpiChartOption, type KpiChartInput } from './kpi-chart'
import { targetChanges } from './kpi-target-changes'

const labels: KpiChartInput['labels'] = {
  actual: 'Actual',
  target: 'Target',
  bands: { red: 'Red', yellow: 'Yellow', green: 'Green' },
  targetChange: (c) => `Target ${c.from} → ${c.to}`
}

const day = (iso: string) => new Date(`${iso}T00:00:00`).getTime()
const monthly: [number, number][] = [
  [day('2026-05-01'), 41.5],
  [day('2026-06-01'), 52],
  [day('2026-07-01'), 63.2]
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
    expect(series.data).toEqual(monthly)
    expect(series.sampling).toBeUndefined()
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
        [day('2026-05-01'), 2],
        [day('2026-06-01'), 3]
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

  it('draws a 100,000-value KPI from the points the core sent, with a zoom bar over the whole extent that keeps its window', () => {
    const start = day('1753-01-01')
    // The core's envelope at 800 px: 1,600 points, not 100,000.
    const points = Array.from({ length: 1_600 }, (_, i): [number, number] => [start + i * 62 * 86_400_000, 50 + 10 * Math.sin(i / 50)])
    const extent = { min: start, max: day('2026-10-31') }
    const zoom = { start: day('1900-01-01'), end: day('1950-01-01') }
    const option = buildKpiChartOption({ ...base, points, total: 100_000, extent, zoom })
    const series = (option.series as LineSeriesOption[])[0]!
    expect(series.data).toBe(points)
    expect(series.showSymbol).toBe(false)
    expect(series.sampling).toBeUndefined()
    expect(option.xAxis).toMatchObject({ type: 'time', min: extent.min, max: extent.max })
    expect(option.dataZoom).toEqual([
      expect.objectContaining({ type: 'inside', startValue: zoom.start, endValue: zoom.end }),
      expect.objectContaining({ type: 'slider', startValue: zoom.start, endValue: zoom.end })
    ])
  })

  it('shows the symbols of a zoomed-in range of a long series, and no zoom bar for a short one', () => {
    const few = buildKpiChartOption({ ...base, total: 100_000 })
    expect((few.series as LineSeriesOption[])[0]!.showSymbol).toBe(true)
    expect((few.dataZoom as unknown[]).length).toBe(2)
    expect(buildKpiChartOption(base).dataZoom).toEqual([])
  })
})
