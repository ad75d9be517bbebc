import type { Frequency } from '../../domain/kpi'
import { addDays, GRAIN_OF_FREQUENCY, periodContaining as periodOfGrain, type Period } from '../../domain/period'

export type { Period }

/** The reporting period containing `date` for a KPI's frequency (weeks start on Monday; monthly when unset). */
export function periodContaining(date: string, frequency: Frequency | null): Period {
  const { start, end } = periodOfGrain(date, GRAIN_OF_FREQUENCY[frequency ?? 'monthly'])
  return { start, end }
}

/** The last complete period of the KPI's frequency before `today`. */
export function lastCompletePeriod(today: string, frequency: Frequency | null): Period {
  return periodContaining(addDays(periodContaining(today, frequency).start, -1), frequency)
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
