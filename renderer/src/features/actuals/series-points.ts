import type { SeriesPoint, SeriesView } from '../../../../electron/api'

/** The chart draws days at local midnight (as it did with date strings); the core sends them at UTC midnight. */
export function localMidnight(utcMs: number): number {
  const day = new Date(utcMs)
  return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()).getTime()
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A local time on the chart's axis as the day the core filters by (YYYY-MM-DD). */
export function dayOf(localMs: number): string {
  const d = new Date(localMs)
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`)

/**
 * What the chart draws: the whole extent's envelope, with the zoomed range replaced by its own finer
 * (or exact) points, so the zoom slider's shadow stays whole and panning never shows an empty line.
 */
export function seriesPoints(overview: SeriesView | null, detail: SeriesView | null): SeriesPoint[] {
  if (!overview) return []
  let points = overview.points
  if (detail?.from && detail.to) {
    const [from, to] = [dayMs(detail.from), dayMs(detail.to)]
    points = [...overview.points.filter(([at]) => at < from), ...detail.points, ...overview.points.filter(([at]) => at > to)]
  }
  return points.map(([at, value]) => [localMidnight(at), value])
}
