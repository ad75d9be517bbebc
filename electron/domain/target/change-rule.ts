import type { ChangeRule, Severity } from '../kpi'
import { type Cursor, is, matchSeq, peek } from './parse-state'
import { CHANGE_VERBS } from './lexicon'
import { type Token, tokenize } from './tokenizer'

type RulePeriod = ChangeRule['period']

const CJK_MARKERS = new Map<string, RulePeriod>([
  ['周环比', 'week'],
  ['月环比', 'month'],
  ['日环比', 'day']
])
const ABBREVIATIONS = new Map<string, RulePeriod>([
  ['wow', 'week'],
  ['mom', 'month'],
  ['dod', 'day'],
  ['pop', 'period']
])
const PERIOD_NAMES = new Map<string, RulePeriod>([
  ['day', 'day'],
  ['week', 'week'],
  ['month', 'month'],
  ['period', 'period'],
  ['日', 'day'],
  ['天', 'day'],
  ['周', 'week'],
  ['月', 'month']
])
/** Year-over-year (同比, YoY) and quarter-over-quarter have no ChangeRule period, so such rules are not read. */
const UNSUPPORTED = new Set(['同比', 'yoy', 'qoq'])
const EXTRA_VERBS = new Map<string, 1 | -1>([
  ['fall', -1],
  ['down', -1],
  ['dip', -1],
  ['up', 1],
  ['spike', 1],
  ['jump', 1]
])
const PREVIOUS = new Set(['the', 'last', 'previous', 'prior', 'same'])

function verbSign(word: string): 1 | -1 | undefined {
  for (const w of [word, word.replace(/s$/, ''), word.replace(/es$/, ''), word.replace(/d$/, ''), word.replace(/ed$/, '')]) {
    const sign = CHANGE_VERBS.get(w) ?? EXTRA_VERBS.get(w)
    if (sign) return sign
  }
  return undefined
}

/** "week-over-week", "week over week", "vs last week", "compared with the previous month". */
function periodPhrase(c: Cursor): readonly [RulePeriod, number] | undefined {
  const first = PERIOD_NAMES.get(peek(c)?.text ?? '')
  if (first && peek(c)?.kind === 'word') {
    const dash = is(c, '-', 1) ? 1 : 0
    const second = dash + 1 + (is(c, '-', dash + 2) ? 1 : 0)
    if (is(c, 'over', dash + 1) && peek(c, second + 1)?.text === peek(c)?.text) return [first, second + 2]
  }
  const lead = matchSeq(c, ['vs']) || matchSeq(c, ['versus']) || matchSeq(c, ['compared', 'with']) || matchSeq(c, ['compared', 'to'])
  if (!lead) return undefined
  let skip = 0
  while (PREVIOUS.has(peek(c, lead + skip)?.text ?? '')) skip++
  const period = PERIOD_NAMES.get(peek(c, lead + skip)?.text ?? '')
  return period ? [period, lead + skip + 1] : undefined
}

interface RuleParts {
  severity?: Severity
  period?: RulePeriod
  unsupported?: boolean
  direction?: 'drop' | 'rise'
  percent?: number
  falling?: boolean
}

function readParts(tokens: readonly Token[]): RuleParts {
  const c: Cursor = { tokens, pos: 0 }
  const parts: RuleParts = {}
  while (c.pos < tokens.length) {
    const t = peek(c) as Token
    const phrase = periodPhrase(c)
    if (phrase) {
      parts.period = phrase[0]
      c.pos += phrase[1]
      continue
    }
    c.pos++
    if (t.kind === 'pct' && /^p[0-3]$/i.test(t.raw)) parts.severity ??= t.raw.toUpperCase() as Severity
    else if (UNSUPPORTED.has(t.text)) parts.unsupported = true
    else if (CJK_MARKERS.has(t.text) || ABBREVIATIONS.has(t.text)) parts.period = CJK_MARKERS.get(t.text) ?? ABBREVIATIONS.get(t.text)
    else if (t.text === '环比') parts.period = PERIOD_NAMES.get(tokens[c.pos - 2]?.text ?? '') ?? 'period'
    else if (t.kind !== 'num' && t.kind !== 'text' && verbSign(t.text) && !parts.direction) {
      parts.direction = verbSign(t.text) === 1 ? 'rise' : 'drop'
    } else if (t.kind === 'op' && (t.text === '<' || t.text === '<=')) parts.falling = true
    else if (t.kind === 'num' && is(c, '%') && parts.percent === undefined) parts.percent = Math.abs(t.value)
  }
  return parts
}

/**
 * A period-over-period alert rule: "P1：支付成功率环比下降 > 15%", "P2 when week-over-week drop > 20%",
 * "MoM decline > 10%", "周环比上升 > 50%". A bare 环比 means the KPI's own period; a rule with a severity
 * and a change but no comparison word ("P1: 日活下降超过20%") also compares with the previous period.
 * Without a severity the rule is P2, the middle of P0–P3. Year-over-year (同比, YoY) has no period in
 * ChangeRule, so such rules return null rather than being read as month-over-month.
 */
export function parseChangeRule(text: string): ChangeRule | null {
  return changeRuleFromTokens(tokenize(text), text.trim())
}

export function changeRuleFromTokens(tokens: readonly Token[], text: string): ChangeRule | null {
  const parts = readParts(tokens)
  if (parts.unsupported || !parts.direction || !parts.percent || parts.falling) return null
  if (!parts.period && !parts.severity) return null
  return {
    severity: parts.severity ?? 'P2',
    period: parts.period ?? 'period',
    direction: parts.direction,
    percent: parts.percent,
    text
  }
}

/** Whether a token list speaks of a period-over-period comparison at all. */
export function mentionsChangeRule(tokens: readonly Token[]): boolean {
  const parts = readParts(tokens)
  return parts.unsupported === true || parts.period !== undefined
}
