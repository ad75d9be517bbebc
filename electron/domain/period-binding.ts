import { bucketMinutes, isInstant, lastCompleteBucket, missingBuckets } from './buckets'
import type { Frequency } from './kpi'
import { addDays, GRAIN_OF_FREQUENCY, periodContaining, type LabelledPeriod, type Period } from './period'

/**
 * The one period convention of KPI Loop, for the preview, the pull and the schedule alike (app and CLI):
 * `:period_start` is the period's first day (inclusive) and `:period_end` the first day of the next
 * period (exclusive), as `WHERE day >= :period_start AND day < :period_end` reads it. November 2025 binds
 * 2025-11-01 and 2025-12-01; stored values keep these two dates. Real-time and hourly KPIs bind the
 * [start, end) UTC instants of one bucket instead (buckets.ts; how each dialect reads them: bind-period.ts).
 */
export interface PeriodBindings {
  period_start: string
  period_end: string
}

/** What `:period_start` and `:period_end` are bound to for a period. */
export function periodBindings(period: Period): PeriodBindings {
  return { period_start: period.start, period_end: period.end }
}

/** The calendar day of a moment where the app runs (its local time zone): the "today" every default period starts from. */
export function localDay(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The last complete period of a frequency before `today` (monthly when the KPI has none). */
export function lastCompletePeriod(today: string, frequency: Frequency | null): LabelledPeriod {
  const grain = GRAIN_OF_FREQUENCY[frequency ?? 'monthly']
  return periodContaining(addDays(periodContaining(today, grain).start, -1), grain)
}

/**
 * The period a pull without a range fills, the schedule checks and a preview binds when none is given:
 * the last complete period of the KPI's frequency, or for a rolling KPI the day it is read on.
 */
export function pullPeriod(kpi: { frequency: Frequency | null; mapping?: { rolling?: boolean } | null }, today: string): LabelledPeriod {
  return kpi.mapping?.rolling ? periodContaining(today, 'day') : lastCompletePeriod(today, kpi.frequency)
}

type BucketKpi = { frequency: Frequency | null; mapping?: { rolling?: boolean } | null }

/** The bucket length in minutes of a real-time or hourly KPI; null for calendar frequencies and rolling KPIs (read as of now, per day). */
export function bucketOf(kpi: BucketKpi, realtimeMinutes?: number | null): number | null {
  return kpi.mapping?.rolling ? null : bucketMinutes(kpi.frequency, realtimeMinutes)
}

/**
 * What a pull without a range fills and the schedule waits for, at `now`: a bucketed KPI's complete
 * buckets after its newest stored one (at most BACKFILL_HOURS back), else the one pullPeriod.
 */
export function duePeriods(kpi: BucketKpi, now: number, stored: readonly Period[], realtimeMinutes?: number | null): Period[] {
  const minutes = bucketOf(kpi, realtimeMinutes)
  if (minutes === null) return [pullPeriod(kpi, localDay(now))]
  const newest = stored.reduce<string | null>((max, p) => (isInstant(p.end) && (max === null || p.end > max) ? p.end : max), null)
  return missingBuckets(now, minutes, newest)
}

/** The period a preview binds when none is given: a bucketed KPI's newest complete bucket, else pullPeriod. */
export function previewPeriod(kpi: BucketKpi, now: number, realtimeMinutes?: number | null): Period {
  const minutes = bucketOf(kpi, realtimeMinutes)
  return minutes === null ? pullPeriod(kpi, localDay(now)) : lastCompleteBucket(now, minutes)
}
