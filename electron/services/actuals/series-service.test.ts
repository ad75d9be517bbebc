import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../domain/period'
import type { SeriesPoint } from '../../domain/series'
import { tempWorkspace } from '../testing/temp-workspace'
import { seedLongSeries } from './testing/long-series'

const DAY_MS = 86_400_000
const COUNT = 100_000
const GAP = { after: 60_000, days: 400 }
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`)

let ws: ReturnType<typeof tempWorkspace>
let long: ReturnType<typeof seedLongSeries>

beforeAll(() => {
  ws = tempWorkspace()
  long = seedLongSeries(ws.core, { count: COUNT, end: '2026-10-31', gap: GAP })
}, 120_000)
afterAll(() => ws.cleanup())

/** What a min/max per pixel must keep: each bucket's lowest and highest value with its day, oldest first. */
function expectedEnvelope(days: string[], values: number[], width: number): SeriesPoint[] {
  const firstDay = ms(days[0]!) / DAY_MS
  const spanDays = ms(days.at(-1)!) / DAY_MS - firstDay + 1
  const buckets = new Map<number, { low: number; high: number }>()
  days.forEach((day, i) => {
    const bucket = Math.trunc(((ms(day) / DAY_MS - firstDay) * width) / spanDays)
    const seen = buckets.get(bucket)
    if (!seen) buckets.set(bucket, { low: i, high: i })
    else {
      if (values[i]! < values[seen.low]!) seen.low = i
      if (values[i]! > values[seen.high]!) seen.high = i
    }
  })
  return [...buckets.values()].flatMap(({ low, high }) => [...new Set([low, high])].sort((a, b) => a - b).map((i): SeriesPoint => [ms(days[i]!), values[i]!]))
}

describe('a 100,000-value KPI as a chart series', () => {
  it('sends at most two points per pixel over the whole extent, each bucket’s min and max among them', () => {
    const view = ws.core.series.series(long.kpiId, { width: 800 })
    expect(view).toMatchObject({ total: COUNT, inRange: COUNT, exact: false, first: long.days[0], last: long.days.at(-1) })
    expect(view.points.length).toBeLessThanOrEqual(1_600)
    expect(view.points.length).toBeGreaterThan(1_000)
    expect(view.points).toEqual(expectedEnvelope(long.days, long.values, 800))
    const overall = { min: Math.min(...long.values), max: Math.max(...long.values) }
    expect(Math.min(...view.points.map((p) => p[1]))).toBe(overall.min)
    expect(Math.max(...view.points.map((p) => p[1]))).toBe(overall.max)
  })

  it('keeps a gap as a gap: no point is invented where no value was stored', () => {
    const view = ws.core.series.series(long.kpiId, { width: 800 })
    const lastBefore = ms(long.days[GAP.after - 1]!)
    const firstAfter = ms(long.days[GAP.after]!)
    expect(firstAfter - lastBefore).toBe((GAP.days + 1) * DAY_MS)
    expect(view.points.filter(([at]) => at > lastBefore && at < firstAfter)).toEqual([])
    const times = view.points.map((p) => p[0])
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })

  it('returns the exact values when the range holds fewer than two per pixel', () => {
    const [from, to] = [long.days[70_000]!, long.days[70_999]!]
    const view = ws.core.series.series(long.kpiId, { from, to, width: 800 })
    expect(view).toMatchObject({ exact: true, inRange: 1_000, total: COUNT, from, to, first: long.days[0], last: long.days.at(-1) })
    expect(view.points).toEqual(long.days.slice(70_000, 71_000).map((day, i) => [ms(day), long.values[70_000 + i]]))
  })

  it('honours the range when it downsamples, with the whole KPI’s count and extent for the zoom slider', () => {
    const [from, to] = [long.days[10_000]!, long.days[29_999]!]
    const view = ws.core.series.series(long.kpiId, { from, to, width: 500 })
    expect(view).toMatchObject({ exact: false, inRange: 20_000, total: COUNT, first: long.days[0], last: long.days.at(-1) })
    expect(view.points.length).toBeLessThanOrEqual(1_000)
    expect(view.points.every(([at]) => at >= ms(from) && at <= ms(to))).toBe(true)
    expect(view.points).toEqual(expectedEnvelope(long.days.slice(10_000, 30_000), long.values.slice(10_000, 30_000), 500))
  })

  it('answers a range with no values, or past the ends, without inventing any', () => {
    const inGap = ws.core.series.series(long.kpiId, { from: addDays(long.days[GAP.after - 1]!, 1), to: addDays(long.days[GAP.after]!, -1), width: 300 })
    expect(inGap).toMatchObject({ inRange: 0, points: [], total: COUNT, exact: true })
    const after = ws.core.series.series(long.kpiId, { from: '2030-01-01', width: 300 })
    expect(after).toMatchObject({ inRange: 0, points: [], total: COUNT, from: '2030-01-01', last: long.days.at(-1) })
    const overlapping = ws.core.series.series(long.kpiId, { from: addDays(long.days.at(-1)!, -9), to: '2030-01-01', width: 300 })
    expect(overlapping.points.map((p) => p[1])).toEqual(long.values.slice(-10))
  })
})

describe('current values only, as the chart drew them', () => {
  it('draws the latest value of a re-pulled period, counts periods not rows, and fits a series hidden by many replaced rows', () => {
    const { core } = ws
    const board = core.boards.create('Re-pulled', '', 'pm')
    const kpi = core.kpis.add(board.id, { code: 'RT-1', name: 'Online users', target: '≥ 50' }, { actor: 'pm' })
    const days = Array.from({ length: 100 }, (_, i) => addDays('2026-06-01', i))
    // Pulled every minute: 50 values per day, the last one of each day is current.
    for (let round = 0; round < 50; round++) {
      const items = days.map((start, i) => ({
        kpiId: kpi.id,
        m: { period: { start, end: addDays(start, 1) }, value: i * 1000 + round, source: 'query' as const }
      }))
      core.measurements.addMany(board.id, items, 'pm', 'pull')
    }
    const view = core.series.series(kpi.id, { width: 60 })
    expect(view).toMatchObject({ total: 100, inRange: 100, exact: true })
    expect(view.points).toEqual(days.map((day, i) => [ms(day), i * 1000 + 49]))
    // A zoomed view counts the periods of the whole KPI, remembered until a value is added.
    const zoomed = () => core.series.series(kpi.id, { from: days[10]!, to: days[19]!, width: 60 })
    expect(zoomed()).toMatchObject({ total: 100, inRange: 10 })
    core.measurements.addMany(
      board.id,
      [{ kpiId: kpi.id, m: { period: { start: '2026-12-01', end: '2026-12-02' }, value: 7, source: 'manual' } }],
      'pm',
      'one more'
    )
    expect(zoomed()).toMatchObject({ total: 101, inRange: 10 })
    const narrow = core.series.series(kpi.id, { width: 20 })
    expect(narrow).toMatchObject({ total: 101, exact: false })
    expect(narrow.points.length).toBeLessThanOrEqual(40)
    expect(narrow.points.every(([, value]) => value % 1000 === 49 || value === 7)).toBe(true)
  })

  it('answers an empty KPI with no extent, and an unknown one with KPI_NOT_FOUND', () => {
    const board = ws.core.boards.create('Empty', '', 'pm')
    const kpi = ws.core.kpis.add(board.id, { code: 'E-1', name: 'Nothing yet' }, { actor: 'pm' })
    expect(ws.core.series.series(kpi.id, { width: 400 })).toEqual({
      kpiId: kpi.id,
      total: 0,
      first: null,
      last: null,
      from: null,
      to: null,
      inRange: 0,
      exact: true,
      points: []
    })
    expect(() => ws.core.series.series(999_999, { width: 400 })).toThrow(expect.objectContaining({ code: 'KPI_NOT_FOUND' }))
  })
})
