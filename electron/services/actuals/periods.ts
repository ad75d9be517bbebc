import type { Frequency } from '../../domain/kpi'
import { GRAIN_OF_FREQUENCY, periodContaining as periodOfGrain, type Period } from '../../domain/period'
import { lastCompletePeriod } from '../../domain/period-binding'

export type { Period }
export { lastCompletePeriod }

/** The reporting period containing `date` for a KPI's frequency (weeks start on Monday; monthly when unset). */
export function periodContaining(date: string, frequency: Frequency | null): Period {
  const { start, end } = periodOfGrain(date, GRAIN_OF_FREQUENCY[frequency ?? 'monthly'])
  return { start, end }
}

/** Consecutive periods of a frequency covering [from, to). */
export function periodsBetween(from: string, to: string, frequency: Frequency | null): Period[] {
  const periods: Period[] = []
  let period = periodContaining(from, frequency)
  while (period.start < to) {
    periods.push(period)
    period = periodContaining(period.end, frequency)
  }
  return periods
}
