import type { Frequency } from '../../domain/kpi'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Length of one period of a frequency; months and quarters are approximated as 30 and 91 days. */
export function frequencyMs(frequency: Frequency): number {
  switch (frequency) {
    case 'realtime':
    case 'hourly':
      return HOUR
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
