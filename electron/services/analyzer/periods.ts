import type { Frequency } from '../../domain/kpi'

const DAY = 86_400_000

/**
 * Length of one stored period of a frequency; months and quarters are approximated as 30 and 91 days.
 * Real-time and hourly KPIs are stored per day (domain/period.ts), so a day without a value is what they miss.
 */
export function frequencyMs(frequency: Frequency): number {
  switch (frequency) {
    case 'realtime':
    case 'hourly':
    case 'daily':
      return DAY
    case 'weekly':
      return 7 * DAY
    case 'monthly':
      return 30 * DAY
    case 'quarterly':
      return 91 * DAY
  }
}

/** Stored periods without a value after which a measured KPI counts as stale (the analyzer's default, the board's mark). */
export const STALE_AFTER_PERIODS = 3

/** Whole stored periods of a frequency (weekly when unset) between `since` and `now`. */
export function periodsSince(frequency: Frequency | null, since: number, now: number): number {
  return Math.floor((now - since) / frequencyMs(frequency ?? 'weekly'))
}

export function isoTime(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
}

/** The instant one calendar step before `time` (UTC). */
export function stepBack(time: number, step: 'day' | 'week' | 'month'): number {
  if (step === 'day') return time - DAY
  if (step === 'week') return time - 7 * DAY
  const date = new Date(time)
  date.setUTCMonth(date.getUTCMonth() - 1)
  return date.getTime()
}

export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}
