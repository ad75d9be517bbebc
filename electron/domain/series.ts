import type { MeasurementView } from './views'

/** One point of a chart: the period's start as epoch ms (UTC midnight) and its current value. */
export type SeriesPoint = [at: number, value: number]

/**
 * A KPI's current values ready to draw at a chart's width: every value of the range when it holds at
 * most two per pixel, otherwise the lowest and the highest value of each pixel-wide bucket.
 */
export interface SeriesView {
  kpiId: number
  /** Current values of the KPI (one per period), whatever the range. */
  total: number
  /** Start of the first and of the last period with a value (YYYY-MM-DD): the zoom slider's whole width. */
  first: string | null
  last: string | null
  /** The range the points cover, as asked (or the whole extent). */
  from: string | null
  to: string | null
  /** Current values in the range. */
  inRange: number
  /** True when `points` holds every value of the range; false when it holds each bucket's min and max. */
  exact: boolean
  /** Oldest first; a bucket without values has no point, so a gap stays a gap. */
  points: SeriesPoint[]
}

export interface ValueRowView extends MeasurementView {
  /** A later value for the same period replaced this one (a re-pull or a correction). */
  superseded: boolean
}

/** One page of a KPI's values, newest period first, current value before what it replaced. */
export interface ValuePage {
  kpiId: number
  /** Rows the whole table holds (with or without the replaced values, as asked). */
  total: number
  offset: number
  rows: ValueRowView[]
}
