import { groupedDecimal } from '../decimal-text'
import type { Comparator, ParsedTarget, PeriodUnit } from '../kpi'

export type TargetLocale = 'en' | 'zh-CN'

const SYMBOL: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '', between: '', '±': '±' }
const FLIP: Partial<Record<Comparator, Comparator>> = { '>=': '<=', '<=': '>=', '>': '<', '<': '>' }

const EN_UNITS: Record<string, readonly [string, string]> = {
  ms: [' ms', ' ms'],
  s: [' s', ' s'],
  min: [' min', ' min'],
  h: [' h', ' h'],
  day: [' day', ' days'],
  week: [' week', ' weeks'],
  month: [' month', ' months'],
  quarter: [' quarter', ' quarters'],
  year: [' year', ' years'],
  users: [' user', ' users'],
  score: [' point', ' points'],
  tasks: [' task', ' tasks'],
  calls: [' call', ' calls'],
  requests: [' request', ' requests'],
  count: ['', '']
}
const ZH_UNITS: Record<string, string> = {
  ms: 'ms',
  s: '秒',
  min: '分钟',
  h: '小时',
  day: '天',
  week: '周',
  month: '个月',
  quarter: '个季度',
  year: '年',
  users: '用户',
  score: '分',
  tasks: '任务',
  calls: '调用',
  requests: '请求',
  count: ''
}
const ZH_PERIODS: Record<PeriodUnit, string> = { hour: '小时', day: '天', week: '周', month: '月', quarter: '季度', year: '年' }
const ZH_WITHIN: Record<PeriodUnit, string> = { hour: '小时', day: '天', week: '周', month: '个月', quarter: '个季度', year: '年' }
const ZH_ENTITIES: Record<string, string> = { user: '用户' }

const num = (v: number) => groupedDecimal(v === 0 ? 0 : v, 6)

/** A value with its unit: "$50", "60%", "500 ms", "4.2/5", "3 / user". */
function quantity(value: number, unit: string | null, scale: number | undefined, locale: TargetLocale): string {
  const [base, entity] = unit?.split('/') ?? [null, undefined]
  const perEntity = entity ? (locale === 'en' ? ` / ${entity}` : `/${ZH_ENTITIES[entity] ?? entity}`) : ''
  return amount(value, base ?? null, scale, locale) + perEntity
}

function amount(value: number, unit: string | null, scale: number | undefined, locale: TargetLocale): string {
  if (unit === '$' || unit === '¥' || unit === '€') return (value < 0 ? '-' : '') + unit + num(Math.abs(value))
  if (unit === '%' || unit === '‰') return num(value) + unit
  if (unit === 'score' && scale !== undefined) return `${num(value)}/${num(scale)}`
  if (unit === null) return num(value)
  if (locale === 'zh-CN') return num(value) + (ZH_UNITS[unit] ?? ` ${unit}`)
  const names = EN_UNITS[unit]
  return num(value) + (names ? names[Math.abs(value) === 1 ? 0 : 1] : ` ${unit}`)
}

/** Canonical display of a parsed target; parsing the result gives the same structure back (counts aside). */
export function formatTarget(p: ParsedTarget, locale: TargetLocale): string {
  const q = (v: number) => quantity(v, p.unit, p.scale, locale)
  const en = locale === 'en'
  let comparator = p.comparator
  let value = p.value
  let upper = p.upper
  let verb = ''
  if (p.change) {
    const reduction = (FLIP[comparator] && value < 0) || (comparator === 'between' && (upper ?? 0) <= 0)
    verb = reduction ? (en ? 'decrease ' : '降低 ') : en ? 'growth ' : '增长 '
    if (reduction) {
      comparator = FLIP[comparator] ?? comparator
      ;[value, upper] = comparator === 'between' ? [-(upper ?? 0), -value] : [-value, upper]
    }
    if (comparator === '=') verb += '= '
  }
  let body: string
  if (comparator === 'between') body = en ? `between ${q(value)} and ${q(upper ?? value)}` : `${q(value)}~${q(upper ?? value)}`
  else if (comparator === '±') body = `${q(value)} ± ${q(p.tolerance ?? 0)}`
  else body = (SYMBOL[comparator] ? `${SYMBOL[comparator]} ` : '') + q(value)
  const pct = p.percentile !== undefined ? `P${num(p.percentile)} ` : ''
  const w = p.window
  if (en) {
    const span = w?.kind === 'per' ? ` / ${w.unit}` : w ? ` within ${w.amount ?? 1} ${w.unit}${(w.amount ?? 1) === 1 ? '' : 's'}` : ''
    return `${pct}${verb}${body}${span}`
  }
  const per = w?.kind === 'per' ? (p.change ? `每${ZH_PERIODS[w.unit]}` : `/${ZH_PERIODS[w.unit]}`) : ''
  const within = w?.kind === 'within' ? `${num(w.amount ?? 1)}${ZH_WITHIN[w.unit]}内 ` : ''
  return p.change ? `${within}${pct}${per}${verb}${body}` : `${within}${pct}${body}${per}`
}
