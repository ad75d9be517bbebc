import type { ParsedTarget, PeriodUnit, Target } from '../../domain/kpi'

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

/** "675–787.5 users", "$5–$9", "12%–18%": the unit once, where it reads naturally. */
export function spanText(low: number, high: number, unit: string | null): string {
  return unit === '%' || unit === '$' || unit === '¥' || unit === '€' ? `${withUnit(low, unit)}–${withUnit(high, unit)}` : `${fmt(low)}–${withUnit(high, unit)}`
}

/** Chinese period names, as in 每月, 6个月内, 按月. */
export const PERIOD_ZH: Record<PeriodUnit, string> = { hour: '小时', day: '天', week: '周', month: '月', quarter: '季度', year: '年' }

/**
 * Canonical text of a parsed target, used when the analyzer writes a new target. Numbers and units are
 * the same in both languages; a Chinese KPI gets Chinese change and window words, in the order the
 * target parser reads back (每月增长 ≥ 20%, ≥ 600 users/月, 6个月内 ≥ 1000 users).
 */
export function targetText(parsed: ParsedTarget, zh: boolean): string {
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
  if (zh) {
    const period = parsed.window ? PERIOD_ZH[parsed.window.unit] : ''
    const per = parsed.window?.kind === 'per' ? period : ''
    // "6个月内": without 个, "6月内" reads as "within June".
    const measure = parsed.window?.unit === 'month' || parsed.window?.unit === 'quarter' ? '个' : ''
    const within = parsed.window?.kind === 'within' ? `${parsed.window.amount ?? 1}${measure}${period}内 ` : ''
    return parsed.change ? `${within}${prefix}${per && `每${per}`}增长 ${body}` : `${within}${prefix}${body}${per && `/${per}`}`
  }
  return `${prefix}${body}${suffix}${window}`
}

export function makeTarget(parsed: ParsedTarget, zh: boolean): Target {
  return { text: targetText(parsed, zh), parsed }
}

const CJK = /[\u3400-\u9fff]/

/** The analyzer writes in the board's language; on a board without one, in the KPI's own: Chinese when its name or description holds CJK text. */
export function writesChinese(kpi: { fields: { name: string; description: string }; language?: string }): boolean {
  return kpi.language ? kpi.language === 'zh-CN' : prefersChinese(kpi.fields.name, kpi.fields.description)
}

/** Whether a KPI's own text is Chinese: it holds CJK text in its name or description. */
export function prefersChinese(...texts: string[]): boolean {
  return texts.some((text) => CJK.test(text))
}

/** "9 d 9 h", "2 h 10 min", "10 min" (zh: 9 天 9 小时): how long a real-time KPI went without a value. */
export function durationText(ms: number, zh: boolean): string {
  const minutes = Math.floor(ms / 60_000)
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60]
  const parts = zh ? [d ? `${d} 天` : '', h ? `${h} 小时` : '', !d && m ? `${m} 分钟` : ''] : [d ? `${d} d` : '', h ? `${h} h` : '', !d && m ? `${m} min` : '']
  return parts.filter(Boolean).join(' ') || (zh ? '0 分钟' : '0 min')
}
