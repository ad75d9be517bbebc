import { addDays, periodContaining } from '../../../../electron/domain/period'
import type { MeasurementView } from '../../../../electron/api'

export type PeriodKind = 'month' | 'day' | 'range'

/** The period a form describes as the core stores it, end exclusive: a month and a day as the CLI's --period binds them, a range through its last day. */
export function periodOf(kind: PeriodKind, start: string, end?: string): { periodStart: string; periodEnd: string } {
  if (kind === 'range') return { periodStart: start, periodEnd: addDays(end ?? start, 1) }
  const period = periodContaining(start, kind)
  return { periodStart: period.start, periodEnd: period.end }
}

export interface ValueRow extends MeasurementView {
  /** A later value for the same period replaced this one (a re-pull or a correction). */
  superseded: boolean
}

/**
 * Newest period first; within a period the current value first, then what it replaced.
 * The latest recorded value of a period is current, the others are superseded.
 */
export function valueRows(values: MeasurementView[]): ValueRow[] {
  const latest = new Map<string, MeasurementView>()
  for (const v of values) {
    const key = `${v.periodStart}/${v.periodEnd}`
    const seen = latest.get(key)
    if (!seen || v.recordedAt > seen.recordedAt || (v.recordedAt === seen.recordedAt && v.id > seen.id)) latest.set(key, v)
  }
  return values
    .map((v) => ({ ...v, superseded: latest.get(`${v.periodStart}/${v.periodEnd}`) !== v }))
    .sort(
      (a, b) =>
        b.periodStart.localeCompare(a.periodStart) ||
        a.periodEnd.localeCompare(b.periodEnd) ||
        Number(a.superseded) - Number(b.superseded) ||
        b.recordedAt - a.recordedAt
    )
}

/** The chart's points: current values only, oldest first. */
export function chartPoints(rows: ValueRow[]): { periodStart: string; value: number }[] {
  return rows
    .filter((r) => !r.superseded)
    .map((r) => ({ periodStart: r.periodStart, value: r.value }))
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart))
}
