import { boundMs, bucketMinutes, STALE_AFTER_BUCKETS } from './buckets'
import type { Frequency } from './kpi'

const DAY = 86_400_000
/** Calendar periods without a value after which a measured KPI counts as stale (the analyzer's default, the board's mark). */
export const STALE_AFTER_PERIODS = 3

/** One stored period of a KPI: its bucket, else its calendar period (months and quarters as 30 and 91 days; weekly when unset). */
export function intervalMs(frequency: Frequency | null, realtimeMinutes?: number | null): number {
  const minutes = bucketMinutes(frequency, realtimeMinutes)
  if (minutes !== null) return minutes * 60_000
  switch (frequency ?? 'weekly') {
    case 'weekly':
      return 7 * DAY
    case 'monthly':
      return 30 * DAY
    case 'quarterly':
      return 91 * DAY
    default:
      return DAY
  }
}

/** How fresh a KPI's values are: the board, the drawer and the operating analyzer read this one rule. */
export interface Freshness {
  intervalMs: number
  /** Intervals without a newer value after which it reads stale: 2 buckets (real-time, hourly), else 3 periods. */
  staleAfter: number
  /** When the newest value's period ended (epoch ms); null without a value. */
  lastDataAt: number | null
  /** From this moment on it reads stale; null without a value. */
  staleAt: number | null
}

export function freshnessOf(
  frequency: Frequency | null,
  newestEnd: string | null,
  realtimeMinutes?: number | null,
  staleAfterPeriods = STALE_AFTER_PERIODS
): Freshness {
  const interval = intervalMs(frequency, realtimeMinutes)
  const staleAfter = bucketMinutes(frequency, realtimeMinutes) === null ? staleAfterPeriods : STALE_AFTER_BUCKETS
  const lastDataAt = newestEnd === null ? null : boundMs(newestEnd)
  return { intervalMs: interval, staleAfter, lastDataAt, staleAt: lastDataAt === null ? null : lastDataAt + staleAfter * interval }
}

/** Whole intervals between `since` and `now`. */
export const intervalsSince = (freshness: Freshness, since: number, now: number): number => Math.floor((now - since) / freshness.intervalMs)

export const isStale = (freshness: Freshness, now: number): boolean => freshness.staleAt !== null && now >= freshness.staleAt
