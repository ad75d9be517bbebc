import type { ParsedTarget, PeriodUnit } from '../../../electron/domain/kpi'

export interface TargetWords {
  per: (unit: PeriodUnit) => string
  within: (amount: number, unit: PeriodUnit) => string
  change: string
}

const SYMBOL: Record<ParsedTarget['comparator'], string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', between: '', '±': '±' }
const PREFIX_UNITS = new Set(['$', '¥', '€', '£'])
const TIGHT_UNITS = new Set(['%', ...PREFIX_UNITS])

const number = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 })

/** A value with its unit the way people write it: $50, 60%, 500 ms, 4.2/5. */
export function withUnit(value: number, unit: string | null, scale?: number): string {
  if (scale !== undefined) return `${number(value)}/${number(scale)}`
  if (!unit || unit === 'count') return number(value)
  if (PREFIX_UNITS.has(unit)) return `${unit}${number(value)}`
  return TIGHT_UNITS.has(unit) ? `${number(value)}${unit}` : `${number(value)} ${unit}`
}

/** The compact badge shown beside a target's text: what the parser understood, e.g. "P95 ≤ 500 ms". */
export function formatParsedTarget(parsed: ParsedTarget, words: TargetWords): string {
  const { comparator, value, unit, scale } = parsed
  let core: string
  if (comparator === 'between') core = `${withUnit(value, unit, scale)} – ${withUnit(parsed.upper ?? value, unit, scale)}`
  else if (comparator === '±') core = `${withUnit(value, unit, scale)} ± ${withUnit(parsed.tolerance ?? 0, unit)}`
  else core = `${SYMBOL[comparator]} ${withUnit(value, unit, scale)}`
  const parts = [parsed.percentile !== undefined ? `P${parsed.percentile}` : '', parsed.change ? words.change : '', core]
  const { window } = parsed
  if (window) {
    parts.push(window.kind === 'per' ? words.per(window.unit) : words.within(window.amount ?? 1, window.unit))
  }
  return parts.filter(Boolean).join(' ')
}
