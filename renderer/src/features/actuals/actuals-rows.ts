import { addDays, periodContaining } from '../../../../electron/domain/period'

export type PeriodKind = 'month' | 'day' | 'range'

/** The period a form describes as the core stores it, end exclusive: a month and a day as the CLI's --period binds them, a range through its last day. */
export function periodOf(kind: PeriodKind, start: string, end?: string): { periodStart: string; periodEnd: string } {
  if (kind === 'range') return { periodStart: start, periodEnd: addDays(end ?? start, 1) }
  const period = periodContaining(start, kind)
  return { periodStart: period.start, periodEnd: period.end }
}
