import dayjs from 'dayjs'
import type { Frequency } from '../../domain/kpi'
import { AppError } from '../../domain/errors'

export interface Period {
  start: string
  end: string
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const MONTH = /^\d{4}-\d{2}$/

function strictDate(text: string, what: string): dayjs.Dayjs {
  const day = dayjs(text)
  if (!ISO_DATE.test(text) || !day.isValid() || day.format('YYYY-MM-DD') !== text) {
    throw new AppError('MEASUREMENT_INVALID', `${what} "${text}" is not a date (YYYY-MM-DD).`, { value: text })
  }
  return day
}

/** `2025-11` is that month, `2025-11-03` that day; periods are [start, end) in ISO dates. */
export function periodOf(text: string): Period {
  const trimmed = text.trim()
  if (MONTH.test(trimmed)) {
    const start = strictDate(`${trimmed}-01`, 'Period')
    return { start: start.format('YYYY-MM-DD'), end: start.add(1, 'month').format('YYYY-MM-DD') }
  }
  const day = strictDate(trimmed, 'Period')
  return { start: day.format('YYYY-MM-DD'), end: day.add(1, 'day').format('YYYY-MM-DD') }
}

export function checkedPeriod(start: string, end: string): Period {
  const a = strictDate(start.trim(), 'Period start')
  const b = strictDate(end.trim(), 'Period end')
  if (!b.isAfter(a)) throw new AppError('MEASUREMENT_INVALID', `Period end ${end} must be after its start ${start}.`, { start, end })
  return { start: a.format('YYYY-MM-DD'), end: b.format('YYYY-MM-DD') }
}

const STEP: Record<Frequency, [number, dayjs.ManipulateType]> = {
  realtime: [1, 'day'],
  hourly: [1, 'day'],
  daily: [1, 'day'],
  weekly: [1, 'week'],
  monthly: [1, 'month'],
  quarterly: [3, 'month']
}

/** The reporting period containing `date` for a KPI's frequency (weeks start on Monday). */
export function periodContaining(date: string, frequency: Frequency | null): Period {
  const [amount, unit] = STEP[frequency ?? 'monthly']
  let start = dayjs(date).startOf('day')
  if (unit === 'week') start = start.subtract((start.day() + 6) % 7, 'day')
  if (unit === 'month') start = start.startOf('month')
  if (amount === 3) start = start.month(Math.floor(start.month() / 3) * 3)
  return { start: start.format('YYYY-MM-DD'), end: start.add(amount, unit).format('YYYY-MM-DD') }
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
