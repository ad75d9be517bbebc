import dayjs from 'dayjs'
import type { KpiStatus } from '../../../../electron/api'
import { isStale } from '../../../../electron/domain/freshness'

type T = (key: string, options?: Record<string, unknown>) => string

/** "5 min", "3 h", "9 d": an age or an interval, in the unit that reads naturally. */
export function spanText(ms: number, t: T): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 60) return t('review.freshness.units.min', { n: minutes })
  if (minutes < 48 * 60) return t('review.freshness.units.hour', { n: Math.floor(minutes / 60) })
  return t('review.freshness.units.day', { n: Math.floor(minutes / 1440) })
}

/** Stale at `now` by the one rule (domain/freshness.ts): no newer value for 2 buckets, or 3 calendar periods. */
export const staleNow = (status: KpiStatus | undefined, now: number): boolean => status !== undefined && isStale(status.freshness, now)

/** "Last value 3 min ago", or "Stale since 09:20 · last value 25 min ago"; null without a value. */
export function freshnessLabel(status: KpiStatus | undefined, now: number, t: T): string | null {
  const { lastDataAt, staleAt } = status?.freshness ?? { lastDataAt: null, staleAt: null }
  if (!status || lastDataAt === null) return null
  const ago = t('review.freshness.ago', { ago: spanText(now - lastDataAt, t) })
  if (!staleNow(status, now) || staleAt === null) return ago
  const since = dayjs(staleAt).format(dayjs(staleAt).isSame(now, 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm')
  return `${t('review.freshness.staleSince', { time: since })} · ${ago}`
}

/** The interval the freshness is read against, and when the newest value was stored. */
export function freshnessDetail(status: KpiStatus | undefined, t: T): string | null {
  if (!status || status.lastValueAt === null) return null
  const { intervalMs, staleAfter } = status.freshness
  return [
    t('review.freshness.interval', { interval: spanText(intervalMs, t), k: staleAfter }),
    t('review.freshness.storedAt', { time: dayjs(status.lastValueAt).format('YYYY-MM-DD HH:mm') })
  ].join(' · ')
}
