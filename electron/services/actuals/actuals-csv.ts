import Papa from 'papaparse'
import { AppError } from '../../domain/errors'
import { readStrictNumber, shorten, TYPED_NUMBER } from '../../domain/number'
import { decodeText } from '../import-guard/decode-text'
import { IMPORT_LIMITS } from '../import-guard/limits'
import { checkedPeriod } from '../../domain/period'
import type { NewMeasurement } from './measurement-service'

const REQUIRED = ['code', 'period_start', 'period_end', 'value'] as const

/**
 * The rows of an actuals CSV as measurements, or one coded error naming the line: the whole file is refused when
 * any row is cut off, names an unknown KPI, has a period or a value that does not read. `resolve` maps a code
 * to its KPI id (throwing when the board has none).
 */
export function readActualsCsv(content: string | Uint8Array, fileName: string, resolve: (code: string) => number): { kpiId: number; m: NewMeasurement }[] {
  const name = shorten(fileName, 120)
  const text = (typeof content === 'string' ? content : decodeText(content, name)).replace(/^\uFEFF/, '')
  // Lines are counted before parsing, so a million-row file is refused before papaparse builds a million arrays.
  let lines = 0
  for (let at = text.indexOf('\n'); at >= 0 && lines <= IMPORT_LIMITS.actualsRows + 1; at = text.indexOf('\n', at + 1)) lines++
  if (lines > IMPORT_LIMITS.actualsRows + 1) {
    throw new AppError(
      'IMPORT_LIMIT',
      `${name} has more than ${IMPORT_LIMITS.actualsRows} rows; an actuals CSV may have at most ${IMPORT_LIMITS.actualsRows}. Split it.`,
      {
        limit: 'actualsRows',
        max: IMPORT_LIMITS.actualsRows
      }
    )
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false })
  const rows = parsed.data
  const last = rows.at(-1)
  const dataRows = rows.length - 1 - (last && last.length === 1 && last[0] === '' ? 1 : 0)
  if (dataRows > IMPORT_LIMITS.actualsRows) {
    throw new AppError('IMPORT_LIMIT', `${name} has ${dataRows} rows; an actuals CSV may have at most ${IMPORT_LIMITS.actualsRows}. Split it.`, {
      limit: 'actualsRows',
      max: IMPORT_LIMITS.actualsRows
    })
  }
  const quote = parsed.errors.find((e) => e.type === 'Quotes')
  if (quote) {
    const line = (quote.row ?? 0) + 1
    throw new AppError('IMPORT_ROW_INVALID', `${name} line ${line}: a quoted cell is never closed. Nothing was stored.`, { line })
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase())
  const seen = new Map<string, number>()
  header.forEach((h, i) => {
    if (h !== '' && seen.has(h)) {
      throw new AppError('IMPORT_DUPLICATE_COLUMN', `${name}: the column "${shorten(h, 40)}" appears twice (columns ${seen.get(h)! + 1} and ${i + 1}).`, {
        line: 1
      })
    }
    seen.set(h, i)
  })
  const missing = REQUIRED.filter((c) => !seen.has(c))
  if (missing.length) {
    throw new AppError('MEASUREMENT_INVALID', `${name}: missing column(s) ${missing.join(', ')} (expected code, period_start, period_end, value).`)
  }
  const at = (cells: string[], column: string) => cells[seen.get(column) ?? -1] ?? ''
  const items: { kpiId: number; m: NewMeasurement }[] = []
  // One lookup per code, not per row: a year of daily values names the same few KPIs 100,000 times.
  const ids = new Map<string, number>()
  const idOf = (code: string) => ids.get(code) ?? ids.set(code, resolve(code)).get(code)!
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2
    if (cells.every((c) => c.trim() === '')) return
    if (cells.length < header.length) {
      throw new AppError(
        'IMPORT_ROW_INVALID',
        `${name} line ${line} has ${cells.length} of the header's ${header.length} cells; it looks cut off. Nothing was stored.`,
        {
          line
        }
      )
    }
    const value = readStrictNumber(at(cells, 'value'), TYPED_NUMBER)
    if (!value.ok) throw new AppError('NUMBER_INVALID', `${name} line ${line}: ${value.reason}`, { line })
    try {
      const kpiId = idOf(at(cells, 'code').trim())
      items.push({
        kpiId,
        m: { period: checkedPeriod(at(cells, 'period_start'), at(cells, 'period_end')), value: value.value, source: 'csv', note: at(cells, 'note').trim() }
      })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      throw new AppError('MEASUREMENT_INVALID', `${name} line ${line}: ${shorten(error.message, 200)}`, { line })
    }
  })
  if (items.length === 0) throw new AppError('MEASUREMENT_INVALID', `${name} has no rows.`)
  return items
}
