import { boundMs, isBucketPeriod } from '../buckets'
import type { Aggregation } from '../kpi'
import { addDays, daysBetween, describePeriod, grainOf, periodContaining, type Grain, type Period } from '../period'
import type { Judging } from './judging'

/** A measured value as the judging needs it. */
export interface PeriodPoint {
  id: number
  periodStart: string
  periodEnd: string
  value: number
}

/** The UTC day of an instant: periods are ISO dates, and a period has ended once this day reaches its end. */
export const todayOf = (now: number): string => new Date(now).toISOString().slice(0, 10)

/** Why a period's value is not judged although it has values. */
export type PeriodProblem = 'not-aggregable' | 'incomplete'

/** The value of one target period, from the values measured within it. */
export interface PeriodValue {
  start: string
  end: string
  /** `2026-11`, `2026-W45`, or `start → end` for a period of no single grain. */
  label: string
  /** The target period's value (so far, while it is in progress); null when it cannot be told honestly. */
  value: number | null
  /** How many measured values it holds, and how many it should hold when they are of one finer grain. */
  parts: number
  expectedParts: number | null
  /** The measurement whose arrival completed (or last changed) this value. */
  lastPointId: number
  /** The period has not ended: it is not judged, and its value is the value so far. */
  inProgress: boolean
  /** While in progress: where the value is heading at the period's end (sum: pro rata; mean and last: the level so far). */
  projection: number | null
  problem: PeriodProblem | null
}

// A value belongs to the target period holding its middle day: an ISO week to the month of its Thursday,
// a bucket (real-time, hourly: never longer than an hour) to the UTC day it starts on.
const middleDay = (p: Period) => (isBucketPeriod(p) ? p.start.slice(0, 10) : addDays(p.start, Math.floor(Math.max(1, daysBetween(p.start, p.end)) / 2)))
const lengthMs = (p: Period) => boundMs(p.end) - boundMs(p.start)

function combine(values: number[], aggregation: Exclude<Aggregation, 'none'>): number {
  if (aggregation === 'sum') return values.reduce((a, b) => a + b, 0)
  if (aggregation === 'mean') return values.reduce((a, b) => a + b, 0) / values.length
  return values.at(-1)!
}

// Every KPI of a board asks the same few (period, grain) pairs.
const partsKnown = new Map<string, number>()

/** How many periods of a finer grain have their middle day in a period. */
function partsIn(period: Period, grain: Grain): number {
  const key = `${period.start}/${period.end}/${grain}`
  const known = partsKnown.get(key)
  if (known !== undefined) return known
  let n = 0
  for (let p = periodContaining(addDays(period.start, -45), grain); p.start < period.end; p = periodContaining(p.end, grain)) {
    const mid = middleDay(p)
    if (mid >= period.start && mid < period.end) n++
  }
  if (partsKnown.size > 5000) partsKnown.clear()
  partsKnown.set(key, n)
  return n
}

/**
 * The values a KPI is judged on, one per target period, oldest first. Without a target period each
 * measured value is its own. Finer values are combined by the aggregation; values a percentile KPI (or
 * any `none` KPI) would need combined, or values coarser than the target period, give `not-aggregable`;
 * a sum missing some of its parts after the period ended gives `incomplete`. `last` keeps only the newest periods.
 */
export function periodValues(points: readonly PeriodPoint[], judging: Judging, today: string, last = Number.POSITIVE_INFINITY): PeriodValue[] {
  const byStart = (a: PeriodPoint, b: PeriodPoint) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : a.id - b.id)
  const sorted = points.every((p, i) => i === 0 || byStart(points[i - 1]!, p) <= 0) ? points : [...points].sort(byStart)
  // Newest first, so that a board's status reads only the last few periods of a long series.
  const groups = new Map<string, { period: Period; label: string; points: PeriodPoint[]; coarser: boolean }>()
  for (let i = sorted.length - 1; i >= 0; i--) {
    const point = sorted[i]!
    const own = { start: point.periodStart, end: point.periodEnd }
    const target = judging.targetPeriod ? periodContaining(middleDay(own), judging.targetPeriod) : null
    const period = target ?? own
    const key = `${period.start}/${period.end}`
    let group = groups.get(key)
    if (!group) {
      if (groups.size >= last) break
      group = { period, label: target ? target.label : describePeriod(own), points: [], coarser: false }
      groups.set(key, group)
    }
    group.points.push(point)
    if (
      target &&
      !isBucketPeriod(own) &&
      (point.periodStart < target.start || point.periodEnd > target.end) &&
      daysBetween(own.start, own.end) > daysBetween(target.start, target.end)
    ) {
      group.coarser = true
    }
  }
  for (const group of groups.values()) group.points.reverse()
  return [...groups.values()].reverse().map(({ period, label, points: held, coarser }) => {
    const inProgress = today < period.end
    const whole = held.length === 1 && held[0]!.periodStart === period.start && held[0]!.periodEnd === period.end
    const grains = new Set(held.map((p) => grainOf({ start: p.periodStart, end: p.periodEnd })))
    const grain = grains.size === 1 ? ([...grains][0] ?? null) : null
    // Buckets of one length: a day holds 24 hours or 288 five-minute buckets.
    const bucketLengths = new Set(
      held.map((p) => (isBucketPeriod({ start: p.periodStart, end: p.periodEnd }) ? lengthMs({ start: p.periodStart, end: p.periodEnd }) : 0))
    )
    const bucket = bucketLengths.size === 1 && !bucketLengths.has(0) ? [...bucketLengths][0]! : null
    const expectedParts = whole ? 1 : grain ? partsIn(period, grain) : bucket ? Math.round(lengthMs(period) / bucket) : null
    const base = { start: period.start, end: period.end, label, parts: held.length, expectedParts, lastPointId: held.at(-1)!.id, inProgress }
    if (coarser || (!whole && judging.aggregation === 'none')) return { ...base, value: null, projection: null, problem: 'not-aggregable' as const }
    const value = whole
      ? held[0]!.value
      : combine(
          held.map((p) => p.value),
          judging.aggregation === 'none' ? 'last' : judging.aggregation
        )
    if (inProgress) return { ...base, value, projection: project(value, period, held, judging.aggregation, today), problem: null }
    const missing = judging.aggregation === 'sum' && expectedParts !== null && held.length < expectedParts
    return { ...base, value, projection: null, problem: missing ? ('incomplete' as const) : null }
  })
}

/** A sum runs on at the pace of the time it covers (days, or buckets within a day); a mean or a last value is its level so far. */
function project(value: number, period: Period, held: readonly PeriodPoint[], aggregation: Aggregation, today: string): number | null {
  if (aggregation === 'none') return null
  if (aggregation !== 'sum') return value
  const measuredTo = Math.max(...held.map((p) => boundMs(p.periodEnd)))
  const buckets = isBucketPeriod({ start: held[0]!.periodStart, end: held[0]!.periodEnd })
  // Buckets say how far into the day they reach; whole days count up to today.
  const coveredTo = buckets ? measuredTo : Math.min(measuredTo, boundMs(today))
  const day = 86_400_000
  const covered = Math.max(buckets ? 1 : day, coveredTo - boundMs(period.start))
  return (value * lengthMs(period)) / covered
}
