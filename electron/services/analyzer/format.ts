import type { ParsedTarget, Target } from '../domain/kpi'

/** Round for proposals and rationales: integers from 1000 up, four significant digits below (99.95 stays). */
export function roundNice(value: number): number {
  if (!Number.isFinite(value)) return value
  if (Math.abs(value) >= 1000) return Math.round(value)
  return Number(value.toPrecision(4))
}

export function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a'
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞'
  return String(roundNice(value))
}

export function fmtPercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return 'n/a'
  return `${Number((ratio * 100).toFixed(1))}%`
}

export function withUnit(value: number, unit: string | null | undefined): string {
  if (!unit) return fmt(value)
  if (unit === '$' || unit === '¥' || unit === '€') return `${unit}${fmt(value)}`
  if (unit === '%') return `${fmt(value)}%`
  return `${fmt(value)} ${unit}`
}

/** Canonical text of a parsed target, used when the analyzer writes a new target. */
export function targetText(parsed: ParsedTarget): string {
  const unit = parsed.unit
  const prefix = parsed.percentile !== undefined ? `P${parsed.percentile} ` : ''
  const scale = parsed.scale !== undefined ? `/${fmt(parsed.scale)}` : ''
  const suffix = parsed.change ? ' change' : ''
  const window = parsed.window
    ? ` ${parsed.window.kind === 'per' ? 'per' : 'within'}${parsed.window.amount !== undefined ? ` ${parsed.window.amount}` : ''} ${parsed.window.unit}`
    : ''
  let body: string
  if (parsed.comparator === 'between') {
    body = `${withUnit(parsed.value, unit)} – ${withUnit(parsed.upper ?? parsed.value, unit)}`
  } else if (parsed.comparator === '±') {
    body = `${withUnit(parsed.value, unit)} ± ${withUnit(parsed.tolerance ?? 0, unit)}`
  } else {
    const symbol = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' }[parsed.comparator]
    body = `${symbol} ${withUnit(parsed.value, unit)}${scale}`
  }
  return `${prefix}${body}${suffix}${window}`
}

export function makeTarget(parsed: ParsedTarget): Target {
  return { text: targetText(parsed), parsed }
}

const CJK = /[\u3400-\u9fff]/

/** The analyzer writes notes in the KPI's own language: Chinese when its name holds CJK text. */
export function prefersChinese(...texts: string[]): boolean {
  return texts.some((text) => CJK.test(text))
}
