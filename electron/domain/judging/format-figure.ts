import { groupedDecimal } from '../decimal-text'
import type { Target } from '../kpi'

const PREFIX_UNITS = new Set(['$', '¥', '€', '£'])
// Units that name what is counted add nothing to a number read in its own column.
const SILENT_UNITS = new Set(['', 'count'])
const CJK = /[\u3400-\u9fff]/

/**
 * Decimals a figure needs to be read, not to be exact: none from 1,000 up, one from 10, two from 1,
 * three significant digits below 1. A share between 99 % and 100 % keeps two (99.95 % uptime is not 100 %).
 */
export function figureDecimals(value: number, unit?: string | null): number {
  const size = Math.abs(value)
  if (unit === '%' && size > 99 && size < 100) return 2
  if (size >= 1000) return 0
  if (size >= 10) return 1
  if (size >= 1) return 2
  if (size === 0) return 0
  return Math.min(6, 2 - Math.floor(Math.log10(size)))
}

/** The figure as a plain number at the precision it is shown with: for spreadsheet cells, which keep numbers numeric and the unit in its column. */
export function roundFigure(value: number, unit?: string | null): number {
  if (!Number.isFinite(value)) return value
  const rounded = Number(value.toFixed(figureDecimals(value, unit)))
  return Object.is(rounded, -0) ? 0 : rounded
}

/** A number with thousands separators and no more decimals than it needs ("39.6", "1,200", "0.0123"). */
export function formatNumber(value: number, unit?: string | null): string {
  if (Number.isNaN(value)) return 'n/a'
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞'
  const text = groupedDecimal(value, figureDecimals(value, unit))
  return text === '-0' ? '0' : text
}

/**
 * The one way a KPI's figure is shown (board, drawer, alerts, exports): its unit, and the precision of
 * formatNumber. "%" sticks to the number, currencies lead it, a Chinese unit follows without a space.
 */
export function formatFigure(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined) return '—'
  const number = formatNumber(value, unit)
  const u = (unit ?? '').trim()
  if (SILENT_UNITS.has(u)) return number
  if (u === '%') return `${number}%`
  if (PREFIX_UNITS.has(u)) return number.startsWith('-') ? `-${u}${number.slice(1)}` : `${u}${number}`
  return CJK.test(u) ? `${number}${u}` : `${number} ${u}`
}

/** The unit a KPI's figures are shown in: its own, else its target's. */
export const unitOf = (kpi: { unit: string; target: Target | null }): string => kpi.unit || kpi.target?.parsed?.unit || ''
