import { AppError } from '../../domain/errors'
import type { SeriesPoint, SeriesView } from '../../domain/series'
import type { ServiceDeps } from '../context'
import type { CurrentCount } from './current-count'

const DAY_MS = 86_400_000
/** SQLite's julianday() of 1970-01-01: period starts become days since the epoch in C, never as strings in JS. */
const UNIX_JULIAN = 2440587.5

// The current value of a period is its latest row (max id); the bare columns come from that row.
const CURRENT_IN_RANGE = `SELECT julianday(period_start) - ${UNIX_JULIAN} AS day, value, max(id)
  FROM measurement WHERE kpi_id = @kpiId AND period_start BETWEEN @from AND @to GROUP BY period_start, period_end`

/** Each bucket's lowest (or highest) current value with its day: the bare column comes from the row of min()/max(). */
const bucketEdge = (edge: 'min' | 'max') => `WITH cur AS (${CURRENT_IN_RANGE})
  SELECT CAST((day - @firstDay) * @buckets / @spanDays AS INTEGER) AS bucket, day, ${edge}(value), count(*)
  FROM cur GROUP BY bucket ORDER BY bucket`

type BucketRow = [bucket: number, day: number, value: number, count: number]

export interface SeriesQuery {
  /** First and last period start to include (YYYY-MM-DD); the whole extent when absent. */
  from?: string
  to?: string
  /** The chart's width in pixels: at most two points per pixel come back. */
  width: number
}

const point = (day: number, value: number): SeriesPoint => [Math.round(day * DAY_MS), value]

/** Each bucket's low and high in time order; one point when they are the same value on the same day. */
export function mergeBucketEdges(lows: BucketRow[], highs: BucketRow[]): SeriesPoint[] {
  const points: SeriesPoint[] = []
  const highOf = new Map(highs.map((h) => [h[0], h]))
  for (const low of lows) {
    const high = highOf.get(low[0])
    if (!high || (high[1] === low[1] && high[2] === low[2])) points.push(point(low[1], low[2]))
    else if (high[1] < low[1]) points.push(point(high[1], high[2]), point(low[1], low[2]))
    else points.push(point(low[1], low[2]), point(high[1], high[2]))
  }
  return points
}

/**
 * A KPI's current values at a chart's width, read in SQL: every value when the range holds at most two
 * per pixel, otherwise the min and max of each pixel-wide bucket of time (the line's true envelope).
 */
export function createSeriesService({ sqlite, currentCount }: Pick<ServiceDeps, 'sqlite'> & { currentCount: CurrentCount }) {
  const stmt = {
    kpiExists: sqlite.prepare('SELECT 1 FROM kpi WHERE id = ?').pluck(),
    first: sqlite.prepare('SELECT min(period_start) FROM measurement WHERE kpi_id = ?').pluck(),
    last: sqlite.prepare('SELECT max(period_start) FROM measurement WHERE kpi_id = ?').pluck(),
    // Rows, replaced ones included: an upper bound of the current values, counted from the index alone.
    rowsInRange: sqlite.prepare('SELECT count(*) FROM measurement WHERE kpi_id = ? AND period_start BETWEEN ? AND ?').pluck(),
    exact: sqlite.prepare(`${CURRENT_IN_RANGE} ORDER BY period_start, period_end`).raw(),
    lows: sqlite.prepare(bucketEdge('min')).raw(),
    highs: sqlite.prepare(bucketEdge('max')).raw(),
    day: sqlite.prepare(`SELECT julianday(?) - ${UNIX_JULIAN}`).pluck()
  }

  function series(kpiId: number, query: SeriesQuery): SeriesView {
    if (!stmt.kpiExists.get(kpiId)) throw new AppError('KPI_NOT_FOUND', `No KPI with id ${kpiId}.`, { kpiId })
    const first = (stmt.first.get(kpiId) as string | null) ?? null
    const last = (stmt.last.get(kpiId) as string | null) ?? null
    const asked = { from: query.from ?? first, to: query.to ?? last }
    const view: SeriesView = { kpiId, total: 0, first, last, ...asked, inRange: 0, exact: true, points: [] }
    if (first === null || last === null) return view
    // The buckets span the values inside the range, so none is spent on time before the first value.
    const from = asked.from! > first ? asked.from! : first
    const to = asked.to! < last ? asked.to! : last
    const whole = from === first && to === last
    // Read before counting: a value another process appends meanwhile makes the next call count again.
    const rowsBefore = whole ? currentCount.state(kpiId) : null
    const cap = 2 * query.width
    const exact = () => (stmt.exact.all({ kpiId, from, to }) as [number, number, number][]).map(([day, value]) => point(day, value))

    if (from <= to && (stmt.rowsInRange.get(kpiId, from, to) as number) <= cap) {
      view.points = exact()
      view.inRange = view.points.length
    } else if (from <= to) {
      const firstDay = stmt.day.get(from) as number
      const bounds = { kpiId, from, to, firstDay, buckets: query.width, spanDays: (stmt.day.get(to) as number) - firstDay + 1 }
      const lows = stmt.lows.all(bounds) as BucketRow[]
      view.inRange = lows.reduce((n, row) => n + row[3], 0)
      // Many replaced rows can hide a short series: then every current value fits.
      if (view.inRange <= cap) view.points = exact()
      else {
        view.points = mergeBucketEdges(lows, stmt.highs.all(bounds) as BucketRow[])
        view.exact = false
      }
    }
    if (rowsBefore) currentCount.remember(kpiId, view.inRange, rowsBefore)
    view.total = whole ? view.inRange : currentCount.of(kpiId)
    return view
  }

  return { series }
}
export type SeriesService = ReturnType<typeof createSeriesService>
