import { describeBuckets, isBucketPeriod } from './buckets'
import { AppError } from './errors'
import type { Frequency } from './kpi'

/** The period lengths a KPI value or a report row can describe. */
export const GRAINS = ['day', 'week', 'month', 'quarter'] as const
export type Grain = (typeof GRAINS)[number]

/** The calendar period a KPI's values describe; real-time and hourly KPIs store buckets (buckets.ts) judged per day. */
export const GRAIN_OF_FREQUENCY: Record<Frequency, Grain> = {
  realtime: 'day',
  hourly: 'day',
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter'
}

/** ISO dates, end exclusive: what `:period_start` / `:period_end` are bound to. */
export interface Period {
  start: string
  end: string
}

export interface LabelledPeriod extends Period {
  grain: Grain
  /** `2025-11-03`, `2025-W47`, `2025-11`, `2025-Q4`. */
  label: string
}

const DAY_MS = 86_400_000
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

function toDate(text: string): Date | null {
  const m = ISO_DAY.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1 || d > MONTH_DAYS[mo - 1]! + (mo === 2 && leap(y) ? 1 : 0)) return null
  return new Date(Date.UTC(y, mo - 1, d))
}

const iso = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`

export function isIsoDate(text: string): boolean {
  return toDate(text) !== null
}

export function addDays(day: string, days: number): string {
  return iso(new Date(toDate(day)!.getTime() + days * DAY_MS))
}

export function addMonths(day: string, months: number): string {
  const d = toDate(day)!
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)))
}

/** Monday = 0 … Sunday = 6. */
export function weekday(day: string): number {
  return (toDate(day)!.getUTCDay() + 6) % 7
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to)!.getTime() - toDate(from)!.getTime()) / DAY_MS)
}

/** The ISO week (Monday start) of a day: its year and number. */
function isoWeek(day: string): { year: number; week: number } {
  const thursday = addDays(day, 3 - weekday(day))
  const year = Number(thursday.slice(0, 4))
  const firstThursday = addDays(`${year}-01-04`, 3 - weekday(`${year}-01-04`))
  return { year, week: daysBetween(firstThursday, thursday) / 7 + 1 }
}

// A backfill asks for the same few hundred periods again and again (one per result row).
const known = new Map<string, LabelledPeriod>()

/** The period of a grain that contains a day. */
export function periodContaining(day: string, grain: Grain): LabelledPeriod {
  const key = grain + day
  let period = known.get(key)
  if (!period) {
    if (known.size > 20_000) known.clear()
    period = computePeriod(day, grain)
    known.set(key, period)
  }
  return { ...period }
}

function computePeriod(day: string, grain: Grain): LabelledPeriod {
  if (!isIsoDate(day)) throw new AppError('PERIOD_INVALID', `"${day}" is not a date (YYYY-MM-DD).`, { value: day })
  switch (grain) {
    case 'day':
      return { start: day, end: addDays(day, 1), grain, label: day }
    case 'week': {
      const start = addDays(day, -weekday(day))
      const { year, week } = isoWeek(start)
      return { start, end: addDays(start, 7), grain, label: `${year}-W${pad(week)}` }
    }
    case 'month': {
      const start = `${day.slice(0, 7)}-01`
      return { start, end: addMonths(start, 1), grain, label: day.slice(0, 7) }
    }
    case 'quarter': {
      const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3)
      const start = `${day.slice(0, 4)}-${pad(quarter * 3 + 1)}-01`
      return { start, end: addMonths(start, 3), grain, label: `${day.slice(0, 4)}-Q${quarter + 1}` }
    }
  }
}

const LABELS: [RegExp, (m: RegExpExecArray) => LabelledPeriod | null][] = [
  [/^(\d{4}-\d{2}-\d{2})$/, (m) => (isIsoDate(m[1]!) ? periodContaining(m[1]!, 'day') : null)],
  [
    /^(\d{4})-?W(\d{1,2})$/i,
    (m) => {
      const year = Number(m[1])
      const week = Number(m[2])
      const monday = addDays(`${year}-01-04`, -weekday(`${year}-01-04`) + (week - 1) * 7)
      return week >= 1 && isoWeek(monday).year === year ? periodContaining(monday, 'week') : null
    }
  ],
  [/^(\d{4})-(\d{2})$/, (m) => (Number(m[2]) >= 1 && Number(m[2]) <= 12 ? periodContaining(`${m[1]}-${m[2]}-01`, 'month') : null)],
  [/^(\d{4})-?Q([1-4])$/i, (m) => periodContaining(`${m[1]}-${pad((Number(m[2]) - 1) * 3 + 1)}-01`, 'quarter')]
]

/** A period written as a day, an ISO week, a month or a quarter; null when the text is none of them. */
export function readPeriodLabel(text: string): LabelledPeriod | null {
  const trimmed = text.trim()
  for (const [pattern, build] of LABELS) {
    const m = pattern.exec(trimmed)
    if (m) return build(m)
  }
  return null
}

/** Like readPeriodLabel, but a text that is no period is a coded error naming the accepted forms. */
export function parsePeriodLabel(text: string): LabelledPeriod {
  const period = readPeriodLabel(text)
  if (!period) {
    throw new AppError(
      'PERIOD_INVALID',
      `"${text}" is not a period: write a day (2025-11-03), an ISO week (2025-W47), a month (2025-11) or a quarter (2025-Q4).`,
      {
        value: text
      }
    )
  }
  return period
}

/** The grain of a [start, end) period when it is exactly one day, ISO week, month or quarter. */
export function grainOf(period: Period): Grain | null {
  if (!isIsoDate(period.start)) return null
  for (const grain of GRAINS) {
    const candidate = periodContaining(period.start, grain)
    if (candidate.start === period.start && candidate.end === period.end) return grain
  }
  return null
}

/** `2025-W47` for an exact week, `2025-11-01 → 2025-12-01` for a range that is no single grain. */
export function describePeriod(period: Period): string {
  if (isBucketPeriod(period)) return describeBuckets(period)
  const grain = grainOf(period)
  return grain ? periodContaining(period.start, grain).label : `${period.start} → ${period.end}`
}

function strictDate(text: string, what: string): string {
  if (!isIsoDate(text)) throw new AppError('MEASUREMENT_INVALID', `${what} "${text}" is not a date (YYYY-MM-DD).`, { value: text })
  return text
}

/** A period given by its two dates (a CSV row, `--start/--end`): both ISO dates, the end after the start. */
export function checkedPeriod(start: string, end: string): Period {
  const a = strictDate(start.trim(), 'Period start')
  const b = strictDate(end.trim(), 'Period end')
  if (b <= a) throw new AppError('MEASUREMENT_INVALID', `Period end ${end} must be after its start ${start}.`, { start, end })
  return { start: a, end: b }
}
