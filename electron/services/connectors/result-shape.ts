import { AppError } from '../../domain/errors'
import type { FormulaResult } from './types'

type Shaped = { kind: 'single'; value: number } | { kind: 'series'; points: { periodStart: string; value: number }[] }

/** One number → single; rows of (period, number) → series (backfill); anything else is an error the user can act on. */
export function shapeResult(rows: unknown[][], rowLimit: number): Shaped {
  if (rows.length === 0) throw new AppError('QUERY_NO_ROW', 'The formula returned no row for this period.')
  if (rows.length > rowLimit) {
    throw new AppError('QUERY_TOO_MANY_ROWS', `The formula returned more than ${rowLimit} rows.`, { rowLimit })
  }
  const width = rows[0]!.length
  if (rows.length === 1 && width === 1) return { kind: 'single', value: toNumber(rows[0]![0]) }
  const isSeries = width === 2 && rows.every((r) => periodOf(r[0]) !== null)
  if (!isSeries) {
    if (rows.length > 1) {
      throw new AppError(
        'QUERY_TOO_MANY_ROWS',
        `The formula returned ${rows.length} rows of ${width} columns; return one number, or rows of (period, number) for a series.`,
        { rows: rows.length, columns: width }
      )
    }
    throw new AppError('QUERY_NOT_NUMBER', `The formula returned ${width} columns; return one number, or rows of (period, number) for a series.`, {
      columns: width
    })
  }
  const points = rows.map((r) => ({ periodStart: periodOf(r[0])!, value: toNumber(r[1]) })).sort((a, b) => a.periodStart.localeCompare(b.periodStart))
  return { kind: 'series', points }
}

export function withTiming(shaped: Shaped, boundSql: string, elapsedMs: number): FormulaResult {
  return { ...shaped, boundSql, elapsedMs }
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

export function toNumber(value: unknown): number {
  if (value === null || value === undefined) {
    throw new AppError('QUERY_NULL', 'The formula returned NULL (often: no data in the period, or a division by zero).')
  }
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value === 'bigint') n = Number(value)
  else if (typeof value === 'string' && NUMERIC.test(value.trim())) n = Number(value.trim())
  else if (typeof value === 'boolean') n = value ? 1 : 0
  else if (typeof value === 'object' && 'toDouble' in value && typeof value.toDouble === 'function') {
    n = Number(value.toDouble())
  } else {
    const shown = String(value).slice(0, 80)
    throw new AppError('QUERY_NOT_NUMBER', `The formula returned "${shown}", which is not a number.`, { value: shown })
  }
  if (!Number.isFinite(n)) {
    throw new AppError('QUERY_NOT_NUMBER', `The formula returned ${String(n)}, which is not a finite number.`)
  }
  return n
}

const DATE_PREFIX = /^(\d{4}-\d{2})(-\d{2})?([ T](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)([+-]\d{2}(:?\d{2})?|Z)?)?$/

/** A period label as ISO text: dates stay dates, midnight timestamps become dates, months get day 01. */
export function periodOf(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  }
  if (typeof value !== 'string') return null
  const m = DATE_PREFIX.exec(value.trim())
  if (!m) return null
  const date = `${m[1]}${m[2] ?? '-01'}`
  const time = m[4]
  if (!time || /^00:00(:00(\.0+)?)?$/.test(time)) return date
  return `${date}T${time}${m[7] ?? ''}`
}
