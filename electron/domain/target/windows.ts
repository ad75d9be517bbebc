import type { PeriodUnit } from '../kpi'
import { type Cursor, type TargetState, type Window, is, numberAhead, peek, spanText } from './parse-state'
import { shorten } from '../number'
import { CHANGE_VERBS, ENTITY_WORDS, PERIOD_WORDS, RATE_ADVERBS } from './lexicon'

const BY_WORDS = new Set(['by', 'before', 'until'])
const ORDINALS = new Set(['th', 'st', 'nd', 'rd'])
const PERCENTILE_CJK = new Set(['分位', '分位数', '百分位'])
const RATE_LEADS = new Set(['每', '每个', 'per', 'each', 'every', '/'])
const WITHIN_SUFFIX = new Set(['内', '以内', '之内'])
const LAUNCH = new Set(['上线', '上线后', '发布后'])
const MONTHS = new Set([
  'jan',
  'january',
  'feb',
  'february',
  'mar',
  'march',
  'apr',
  'april',
  'may',
  'jun',
  'june',
  'jul',
  'july',
  'aug',
  'august',
  'sep',
  'sept',
  'september',
  'oct',
  'october',
  'nov',
  'november',
  'dec',
  'december'
])

function periodAt(c: Cursor, ahead: number): PeriodUnit | undefined {
  const t = peek(c, ahead)
  return t && (t.kind === 'cjk' || t.kind === 'word') ? PERIOD_WORDS.get(t.text) : undefined
}

/** One window per target: a rate ("per month") wins over a deadline ("within 6 months"), which is noted. */
function setWindow(st: TargetState, w: Window): void {
  const old = st.window
  if (old && old.kind === w.kind && (old.unit !== w.unit || old.amount !== w.amount)) {
    st.fatal = { code: 'two-periods' }
  } else if (old && old.kind !== w.kind) {
    const within = old.kind === 'within' ? old : w
    st.notes.push({ code: 'deadline-dropped', params: { amount: String(within.amount ?? 1), unit: within.unit } })
    st.window = old.kind === 'per' ? old : w
  } else {
    st.window = w
  }
}

/** "99% of callbacks … within 5 s": a share of cases before a later bound, not a level of its own. */
function shareOfCases(c: Cursor, st: TargetState): boolean {
  const t = peek(c)
  if (t?.kind !== 'num' || st.main || st.comparator || !(t.value >= 50 && t.value < 100)) return false
  if (peek(c, 1)?.text !== '%' || !['的', 'of'].includes(peek(c, 2)?.text ?? '')) return false
  return c.tokens.slice(c.pos + 3).some((token) => token.kind === 'num')
}

/** "P95", "95th percentile", "95分位", "percentile 95", "median". */
export function percentile(c: Cursor, st: TargetState): boolean {
  const t = peek(c)
  let length = 0
  let value = NaN
  if (t?.kind === 'pct') [length, value] = [1, t.value]
  else if (t?.kind === 'num' && ORDINALS.has(peek(c, 1)?.text ?? '') && is(c, 'percentile', 2)) [length, value] = [3, t.value]
  else if (t?.kind === 'num' && PERCENTILE_CJK.has(peek(c, 1)?.text ?? '')) [length, value] = [2, t.value]
  else if (t?.text === 'percentile' && peek(c, 1)?.kind === 'num') [length, value] = [2, peek(c, 1)?.value ?? NaN]
  // "99% 的回调在 5 秒内", "95% of requests under 300 ms": the share of cases the bound holds for is its percentile.
  else if (t && shareOfCases(c, st)) [length, value] = [3, t.value]
  // "under 1.8 s at the median", "中位数 ≤ 3 天": the median is the 50th percentile.
  else if (t?.text === 'median' || t?.text === '中位数') [length, value] = [1, 50]
  if (!length) return false
  if (st.percentile !== undefined && st.percentile !== value) st.fatal = { code: 'two-percentiles' }
  st.percentile = value
  c.pos += length
  return true
}

/** "/月", "每月", "per month", "a week" / "monthly" (after the number), "月均", "月增长", "月新增". */
export function rateWindow(c: Cursor, st: TargetState): boolean {
  const t = peek(c)
  if (!t) return false
  if (RATE_LEADS.has(t.text) || (st.main && (t.text === 'a' || t.text === 'an'))) {
    const period = periodAt(c, 1)
    const next = peek(c, 1)
    const entity = next && next.kind !== 'num' ? ENTITY_WORDS.get(next.text) : undefined
    if (period) setWindow(st, { kind: 'per', unit: period })
    else if (entity) st.perEntity = entity
    else return false
    c.pos += 2
    return true
  }
  const adverb = RATE_ADVERBS.get(t.text)
  const period = t.kind === 'cjk' ? PERIOD_WORDS.get(t.text) : undefined
  const next = peek(c, 1)?.text ?? ''
  const reference = /[上去较同]$/.test(c.tokens[c.pos - 1]?.text ?? '')
  const beforeChange = period !== undefined && !reference && (CHANGE_VERBS.has(next) || next === '新增')
  if ((adverb && (st.main || t.kind === 'cjk')) || beforeChange) {
    setWindow(st, { kind: 'per', unit: (adverb ?? period) as PeriodUnit })
    c.pos++
    return true
  }
  return false
}

/** "within -30 days", "-30天内": a duration with a minus sign, which no window can be. */
function negativeWindow(c: Cursor, k: number, led: boolean): boolean {
  if (peek(c, k)?.text !== '-' || peek(c, k + 1)?.kind !== 'num' || !periodAt(c, k + 2)) return false
  return led || WITHIN_SUFFIX.has(peek(c, k + 3)?.text ?? '')
}

/**
 * "6个月内", "within 6 months", "in 6 months", "上线半年", "上线后3个月". A duration is a window only when
 * it qualifies another number; alone ("8小时内", "within 30 minutes") it is the target itself.
 */
export function withinWindow(c: Cursor, st: TargetState): boolean {
  const lead = peek(c)?.text ?? ''
  const launch = LAUNCH.has(lead)
  const english = lead === 'within' || lead === 'in'
  let k = launch || english ? 1 : 0
  if (negativeWindow(c, k, english || launch)) {
    const end = c.pos + k + (WITHIN_SUFFIX.has(peek(c, k + 3)?.text ?? '') ? 4 : 3)
    st.fatal = { code: 'negative-window', params: { text: shorten(spanText(c.tokens, c.pos, end)) } }
    return true
  }
  const n = peek(c, k)
  let amount: number | undefined
  let unit: PeriodUnit | undefined
  if (n?.text === '半年') [amount, unit, k] = [6, 'month', k + 1]
  else if (n?.kind === 'num' && !n.malformed && periodAt(c, k + 1)) [amount, unit, k] = [n.value, periodAt(c, k + 1), k + 2]
  else if (english && (n?.text === 'a' || n?.text === 'an' || n?.text === 'one') && periodAt(c, k + 1)) {
    ;[amount, unit, k] = [1, periodAt(c, k + 1), k + 2]
  }
  if (!unit) return false
  const closed = WITHIN_SUFFIX.has(peek(c, k)?.text ?? '')
  if (closed) k++
  if (!launch && !english && !closed) return false
  if (!st.main && !numberAhead(c, k)) return false
  setWindow(st, { kind: 'within', amount, unit })
  c.pos += k
  return true
}

/** "by Q2", "Q1 2026", "by June", "by 2026": a date, not a duration; noted, never turned into a window. */
export function deadline(c: Cursor, st: TargetState): boolean {
  const by = BY_WORDS.has(peek(c)?.text ?? '') ? 1 : 0
  const d = peek(c, by)
  if (!d) return false
  const isYear = (k: number) => {
    const t = peek(c, k)
    return t?.kind === 'num' && Number.isInteger(t.value) && t.value >= 1990 && t.value <= 2100
  }
  const period = d.kind === 'word' && /^(q[1-4]|h[12]|fy\d{2,4})$/.test(d.text)
  const dated = by === 1 && ((d.kind === 'word' && (MONTHS.has(d.text) || d.text === 'end')) || isYear(by))
  if (!period && !dated) return false
  let end = by + 1
  while (is(c, 'of', end) || isYear(end) || (peek(c, end)?.kind === 'word' && /^(q[1-4]|h[12]|year|eoy)$/.test(peek(c, end)?.text ?? ''))) end++
  st.notes.push({ code: 'deadline-is-date', params: { text: shorten(spanText(c.tokens, c.pos, c.pos + end)) } })
  c.pos += end
  return true
}
