import type { Frequency } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import {
  addDays,
  GRAIN_OF_FREQUENCY,
  isIsoDate,
  parsePeriodLabel,
  periodContaining as periodOfGrain,
  type LabelledPeriod,
  type Period
} from '../../domain/period'

export type { Period }

/** `2025-11-03`, `2025-W47`, `2025-11` or `2025-Q4`, as [start, end) dates: what the CLI and the UI both bind. */
export function periodOf(text: string): LabelledPeriod {
  return parsePeriodLabel(text)
}

function strictDate(text: string, what: string): string {
  if (!isIsoDate(text)) throw new AppError('MEASUREMENT_INVALID', `${what} "${text}" is not a date (YYYY-MM-DD).`, { value: text })
  return text
}

export function checkedPeriod(start: string, end: string): Period {
  const a = strictDate(start.trim(), 'Period start')
  const b = strictDate(end.trim(), 'Period end')
  if (b <= a) throw new AppError('MEASUREMENT_INVALID', `Period end ${end} must be after its start ${start}.`, { start, end })
  return { start: a, end: b }
}

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
