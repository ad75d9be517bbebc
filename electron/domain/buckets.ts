import type { Frequency } from './kpi'
import type { Period } from './period'

/**
 * Real-time and hourly KPIs store one value per complete bucket: [start, end) UTC instants written
 * `2025-12-10T09:05:00Z`, so that the app and a cron job on another machine name the same bucket.
 * Every other frequency stores calendar periods (ISO dates, period.ts).
 */
export const DEFAULT_REALTIME_MINUTES = 5
/** A real-time interval divides an hour, so buckets line up with hours and (UTC) days. */
export const REALTIME_MINUTES = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60] as const
/** How far back a pull (or a missed schedule) fills missing buckets. */
export const BACKFILL_HOURS = 24
/** A bucketed KPI is stale once it has had no value for this many of its intervals. */
export const STALE_AFTER_BUCKETS = 2

const MINUTE = 60_000
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/

export function isBucketed(frequency: Frequency | null | undefined): frequency is 'realtime' | 'hourly' {
  return frequency === 'realtime' || frequency === 'hourly'
}

/** The bucket length of a KPI in minutes: an hour, the source's real-time interval, or null for calendar frequencies. */
export function bucketMinutes(frequency: Frequency | null | undefined, realtimeMinutes?: number | null): number | null {
  if (frequency === 'hourly') return 60
  if (frequency !== 'realtime') return null
  return realtimeMinutes && (REALTIME_MINUTES as readonly number[]).includes(realtimeMinutes) ? realtimeMinutes : DEFAULT_REALTIME_MINUTES
}

/** `2025-12-10T09:05:00Z`: how a bucket bound is stored and shown. */
export const instantText = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`

export const isInstant = (text: string): boolean => INSTANT.test(text) && !Number.isNaN(Date.parse(text))

/** The epoch ms of a period bound: an instant as written, a date at 00:00 UTC. */
export const boundMs = (text: string): number => Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text)

/** True for a [start, end) of two instants (a bucket or a run of them). */
export const isBucketPeriod = (period: Period): boolean => isInstant(period.start) && isInstant(period.end)

/** The bucket of `minutes` holding an instant. */
export function bucketAt(ms: number, minutes: number): Period {
  const size = minutes * MINUTE
  const start = Math.floor(ms / size) * size
  return { start: instantText(start), end: instantText(start + size) }
}

/** Consecutive buckets covering [fromMs, toMs), the first one holding fromMs. */
export function bucketsBetween(fromMs: number, toMs: number, minutes: number): Period[] {
  const size = minutes * MINUTE
  const buckets: Period[] = []
  for (let start = Math.floor(fromMs / size) * size; start < toMs; start += size) buckets.push({ start: instantText(start), end: instantText(start + size) })
  return buckets
}

/** The newest complete bucket at `now`. */
export function lastCompleteBucket(now: number, minutes: number): Period {
  return bucketAt(now - minutes * MINUTE, minutes)
}

/**
 * The complete buckets a pull fills at `now`: those after the newest stored one (`newestEnd`, an instant),
 * at most BACKFILL_HOURS back. Older gaps are left alone: a bucket whose formula gave NULL is not asked again.
 */
export function missingBuckets(now: number, minutes: number, newestEnd: string | null): Period[] {
  const complete = Math.floor(now / (minutes * MINUTE)) * minutes * MINUTE
  const floor = complete - BACKFILL_HOURS * 60 * MINUTE
  const from = newestEnd && isInstant(newestEnd) ? Math.max(floor, Date.parse(newestEnd)) : floor
  return bucketsBetween(from, complete, minutes)
}

/** `2025-12-10 09:05–09:10 UTC`, or with both days when a run of buckets spans midnight. */
export function describeBuckets(period: Period): string {
  const [start, end] = [period.start.slice(0, 16).replace('T', ' '), period.end.slice(0, 16).replace('T', ' ')]
  return start.slice(0, 10) === end.slice(0, 10) || end.slice(11) === '00:00' ? `${start}–${end.slice(11)} UTC` : `${start} → ${end} UTC`
}
