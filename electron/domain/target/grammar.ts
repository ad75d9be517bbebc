import type { Comparator, ParsedTarget } from '../kpi'
import { type Cursor, type TargetState, indexPhrases, is, matchPhrase, matchSeq, numberAhead, peek, spanText } from './parse-state'
import {
  APPROXIMATE,
  BASELINE_WORDS,
  CHANGE_NOUNS,
  CHANGE_VERBS,
  PHRASE_COMPARATORS,
  PREFIX_COMPARATORS,
  RANGE_JOINERS,
  SUFFIX_COMPARATORS,
  SUFFIX_PHRASES,
  TBD_WORDS
} from './lexicon'
import { shorten } from '../number'
import type { TargetIssue } from './issues'
import { readQuantity, readTolerance, readUnit, readUpper } from './quantity'
import type { Token } from './tokenizer'
import { deadline, percentile, rateWindow, withinWindow } from './windows'
import { impliedChange, wordNumber } from './word-numbers'

export interface GrammarResult {
  parsed: ParsedTarget | null
  /** Why nothing was read, or what was set aside; the English sentence is `issueText(issues, 'en')`. */
  issues?: TargetIssue[]
  /** Whether a comparator was written (not defaulted). */
  explicitComparator: boolean
}

const WEAK_VERBS = new Set(['达到', '达', '达成', '实现', '支持', 'reach', 'hit', 'achieve', 'support', 'supports'])
const USER_LABELS = new Set(['mau', 'dau', 'wau'])
const PREFIX_PHRASES = indexPhrases(PHRASE_COMPARATORS)
const SUFFIX_PHRASE_INDEX = indexPhrases(SUFFIX_PHRASES)
const FLIP: Record<Comparator, Comparator> = { '>=': '<=', '<=': '>=', '>': '<', '<': '>', '=': '=', between: 'between', '±': '±' }

/** A comparator written before a number, as [comparator, token length]. */
function prefixComparator(c: Cursor): readonly [Comparator, number] | undefined {
  const phrase = matchPhrase(c, PREFIX_PHRASES)
  if (phrase) return phrase
  const t = peek(c)
  const found = t && t.kind !== 'text' && t.kind !== 'num' ? PREFIX_COMPARATORS.get(t.text) : undefined
  return found ? [found, 1] : undefined
}

function setComparator(st: TargetState, comparator: Comparator, weak: boolean, written: string): void {
  if (st.comparator && st.comparator !== comparator && !st.weakComparator && !weak) {
    st.fatal = { code: 'conflicting-comparators', params: { written, previous: st.comparator } }
  } else if (!st.comparator || st.weakComparator) {
    st.comparator = comparator
    st.weakComparator = weak
  }
}

function beforeMain(c: Cursor, st: TargetState): boolean {
  const t = peek(c) as Token
  if (is(c, 'between')) {
    st.between = true
    c.pos++
    return true
  }
  if (baseline(c, st)) return true
  const prefix = prefixComparator(c)
  if (prefix) {
    setComparator(st, prefix[0], WEAK_VERBS.has(t.text), spanText(c.tokens, c.pos, c.pos + prefix[1]))
    c.pos += prefix[1]
    return true
  }
  if (changeWord(c, st) || impliedChange(c, st) || wordNumber(c, st)) return true
  if (APPROXIMATE.has(t.text)) st.approximate = true
  else if (TBD_WORDS.has(t.text) && t.kind !== 'op') st.tbd = true
  else if (t.kind === 'word' && USER_LABELS.has(t.text)) st.subjectUnit = 'users'
  else if (t.kind === 'word' && /^[a-f]$/.test(t.text) && t.raw !== t.text.toLowerCase() && isGradeContext(c)) {
    st.grade = t.raw
  } else return mainClause(c, st)
  c.pos++
  return true
}

/** "from 24% to 30%", "从 35% 提升到 45%": the first number is where the value starts, not the target. */
function baseline(c: Cursor, st: TargetState): boolean {
  if (st.baseline || !BASELINE_WORDS.has(peek(c)?.text ?? '')) return false
  const read = readQuantity(c, 1)
  if (!read || 'fatal' in read) return false
  const joiner = peek(c, 1 + read.length)?.text ?? ''
  st.baseline = { ...read.quantity, raw: spanText(c.tokens, c.pos + 1, c.pos + 1 + read.length) }
  c.pos += 1 + read.length + (RANGE_JOINERS.has(joiner) && joiner !== '-' && joiner !== '~' ? 1 : 0)
  return true
}

function isGradeContext(c: Cursor): boolean {
  const next = peek(c, 1)?.text
  const prev = c.tokens[c.pos - 1]
  return next === '级' || next === 'grade' || next === 'level' || prev?.kind === 'op'
}

function changeWord(c: Cursor, st: TargetState): boolean {
  const t = peek(c) as Token
  const sign = CHANGE_VERBS.get(t.text) ?? (CHANGE_NOUNS.has(t.text) ? 0 : undefined)
  if (sign === undefined || t.kind === 'text') return false
  if (sign !== 0 && st.change && st.change !== sign) st.fatal = { code: 'raises-and-lowers' }
  if (sign !== 0 || st.change === undefined) st.change = sign
  c.pos += is(c, 'by', 1) ? 2 : 1
  // "should not grow by more than 10%": the negation caps the change.
  const capped =
    c.tokens[c.pos - (is(c, 'by', -1) ? 3 : 2)]?.text === 'not' ? matchSeq(c, ['more', 'than']) || matchSeq(c, ['over']) || matchSeq(c, ['above']) : 0
  if (capped) {
    setComparator(st, '<=', false, spanText(c.tokens, c.pos, c.pos + capped))
    c.pos += capped
  }
  return true
}

/** The main number with its range or tolerance: "70-80%", "between 70 and 80%", "75% ± 10%", "±5%". */
function mainClause(c: Cursor, st: TargetState): boolean {
  const tolerance = readTolerance(c)
  const main = tolerance ?? readQuantity(c)
  if (!main) return false
  if ('fatal' in main) {
    st.fatal = main.fatal
    return true
  }
  c.pos += main.length
  if (tolerance) {
    st.main = { value: 0, unit: main.quantity.unit, raw: '0' }
    st.tolerance = main.quantity
    return true
  }
  st.main = main.quantity
  const second = readUpper(c, st.between === true) ?? readTolerance(c)
  if (second && 'fatal' in second) st.fatal = second.fatal
  else if (second) {
    if (is(c, '±')) st.tolerance = second.quantity
    else st.upper = second.quantity
    c.pos += second.length
  }
  return true
}

function afterMain(c: Cursor, st: TargetState): boolean {
  const t = peek(c) as Token
  const phrase = matchPhrase(c, SUFFIX_PHRASE_INDEX)
  const suffix = phrase?.[0] ?? (t.kind === 'cjk' ? SUFFIX_COMPARATORS.get(t.text) : undefined)
  const plus = t.text === '+' && peek(c, 1)?.kind !== 'num'
  if (suffix || plus) {
    const length = phrase ? phrase[1] : 1
    setComparator(st, suffix ?? '>=', false, spanText(c.tokens, c.pos, c.pos + length))
    c.pos += length
    st.suffixEnd = c.pos
    st.suffixComparator = true
    return true
  }
  const unit = st.suffixEnd === c.pos && st.main?.unit === null ? readUnit(c, 0) : undefined
  if (unit && st.main) {
    st.main.unit = unit.unit
    c.pos += unit.length
    return true
  }
  if (t.text === '左右' || t.text === 'approximately') {
    st.approximate = true
    c.pos++
    return true
  }
  // A change word counts only right after the number ("20% growth"), not in a later note ("(Growth阶段)").
  if (scaleSuffix(c, st) || (st.firstNoiseAfterMain === undefined && changeWord(c, st))) return true
  if (t.text === '(' && aside(c, st)) return true
  if (aboveReference(c, st)) return true
  return secondClause(c, st)
}

const REFERENCES = new Set(['control', 'baseline', 'today', 'current', 'holdout', 'before'])

/** "at least 2 pp above control", "3% below the baseline": a distance from a reference is a change, not a level. */
function aboveReference(c: Cursor, st: TargetState): boolean {
  const direction = ({ above: 1, over: 1, below: -1, under: -1 } as const)[(peek(c) as Token).text as 'above']
  if (!direction || st.change) return false
  const skip = peek(c, 1)?.text === 'the' || peek(c, 1)?.text === 'its' ? 1 : 0
  if (!REFERENCES.has(peek(c, 1 + skip)?.text ?? '')) return false
  st.change = direction
  c.pos += 2 + skip
  return true
}

/**
 * A parenthesised aside after the target ("1000+ (第一年)", "(H1 2026)") holds a number that is not a second
 * target: it is noted and skipped. A window in brackets ("(6个月内)") still qualifies the target.
 */
function aside(c: Cursor, st: TargetState): boolean {
  let end = c.pos + 1
  let numbers = 0
  for (; end < c.tokens.length && c.tokens[end]?.text !== ')'; end++) {
    const t = c.tokens[end] as Token
    if (t.kind === 'num') numbers++
    if ((t.kind === 'op' && PREFIX_COMPARATORS.has(t.text)) || (t.kind === 'cjk' && PREFIX_COMPARATORS.has(t.text))) return false
  }
  if (end >= c.tokens.length || numbers === 0) return false
  const inner: Cursor = { tokens: c.tokens, pos: c.pos + 1 }
  if (is(inner, '满分') || matchSeq(inner, ['out', 'of']) || deadline({ tokens: c.tokens, pos: c.pos + 1 }, { notes: [] })) return false
  if (withinWindow(inner, st)) {
    c.pos = inner.pos
    return true
  }
  st.notes.push({ code: 'aside', params: { text: shorten(spanText(c.tokens, c.pos, end + 1)) } })
  c.pos = end + 1
  return true
}

/** "(满分5分)", "out of 5": the denominator of a score. */
function scaleSuffix(c: Cursor, st: TargetState): boolean {
  const lead = is(c, '满分') ? 1 : matchSeq(c, ['out', 'of'])
  const n = peek(c, lead)
  if (!lead || n?.kind !== 'num' || !st.main) return false
  st.main.scale = n.value
  st.main.unit = 'score'
  c.pos += lead + (is(c, '分', lead + 1) ? 2 : 1)
  return true
}

/**
 * A second number after the main clause. When both clauses open with comparators the first is the target and
 * the rest is read as the metric's definition ("≥ 60%用户使用≥3个核心功能"); any other second number
 * ("5分钟内响应率≥95%", "Top 10 … ≤ 30%") is ambiguous.
 */
function secondClause(c: Cursor, st: TargetState): boolean {
  const comparator = prefixComparator(c)
  if (!comparator && peek(c)?.kind !== 'num') return false
  if (comparator && !numberAhead(c, comparator[1])) return false
  if (comparator && st.firstNoiseAfterMain === undefined && boundPair(c, st, comparator)) return true
  const from = st.firstNoiseAfterMain ?? c.pos
  const head = shorten(spanText(c.tokens, 0, from))
  const rest = shorten(spanText(c.tokens, from))
  if (comparator && st.comparator && !st.weakComparator && !st.suffixComparator) {
    st.notes.push({ code: 'compound', params: { head, rest } })
  } else {
    st.fatal = { code: 'ambiguous-numbers', params: { head, rest } }
  }
  c.pos = c.tokens.length
  return true
}

const LOWER_BOUNDS = new Set<Comparator>(['>=', '>'])
const UPPER_BOUNDS = new Set<Comparator>(['<=', '<'])

/**
 * A second comparator right after the first bound with nothing else after it: "≥ 3% ≤ 5%" is the range
 * 3–5%; "≥ 5% ≤ 3%" cannot hold and "≥ 5% ≥ 3%" says one thing twice, so both are refused, never half-read.
 */
function boundPair(c: Cursor, st: TargetState, comparator: readonly [Comparator, number]): boolean {
  const first = st.comparator
  const read = readQuantity(c, comparator[1])
  if (!first || !st.main || st.upper || st.tolerance || !read || 'fatal' in read || c.pos + comparator[1] + read.length !== c.tokens.length) return false
  const second = read.quantity
  const written = shorten(spanText(c.tokens, 0))
  c.pos = c.tokens.length
  const opposite = (LOWER_BOUNDS.has(first) && UPPER_BOUNDS.has(comparator[0])) || (UPPER_BOUNDS.has(first) && LOWER_BOUNDS.has(comparator[0]))
  if (!opposite) {
    st.fatal = { code: 'same-direction-bounds', params: { written } }
    return true
  }
  const [low, high] = LOWER_BOUNDS.has(first) ? [st.main, second] : [second, st.main]
  if (low.value > high.value) {
    st.fatal = { code: 'contradicting-bounds', params: { written } }
    return true
  }
  st.main = low
  st.upper = high
  return true
}

export function parseTokens(tokens: readonly Token[]): GrammarResult {
  const c: Cursor = { tokens, pos: 0 }
  const st: TargetState = { notes: [] }
  while (c.pos < tokens.length && !st.fatal) {
    if (percentile(c, st) || deadline(c, st) || withinWindow(c, st) || rateWindow(c, st)) continue
    if (st.main ? afterMain(c, st) : beforeMain(c, st)) continue
    if (st.main && st.firstNoiseAfterMain === undefined) st.firstNoiseAfterMain = c.pos
    c.pos++
  }
  return assemble(st)
}

function assemble(st: TargetState): GrammarResult {
  const explicitComparator = st.comparator !== undefined && !st.weakComparator
  const fail = (issue: TargetIssue): GrammarResult => ({ parsed: null, issues: [issue], explicitComparator })
  if (st.fatal) return fail(st.fatal)
  const main = st.main
  if (!main) {
    if (st.grade) return fail({ code: 'grade', params: { grade: st.grade } })
    if (st.tbd) return fail({ code: 'tbd' })
    return fail({ code: 'no-number' })
  }
  // "+50%" alone is a change from the baseline, never the level 50%.
  if (main.explicitSign && st.comparator === undefined && st.change === undefined && !st.upper && !st.tolerance && !st.baseline) {
    st.change = main.explicitSign
    main.value = Math.abs(main.value)
  }
  const sign = st.change === -1 ? -1 : 1
  const unit = main.unit ?? st.upper?.unit ?? st.tolerance?.unit ?? st.subjectUnit ?? st.baseline?.unit ?? null
  for (const other of [st.upper, st.tolerance]) {
    if (other?.unit && unit && other.unit !== unit) {
      return fail({ code: 'different-units', params: { main: main.raw, other: other.raw, unit, otherUnit: other.unit } })
    }
  }
  if (st.between && !st.upper) return fail({ code: 'between-needs-two' })
  if (st.upper && st.upper.value < main.value) return fail({ code: 'range-inverted' })
  const fromBaseline = st.baseline && st.comparator === undefined && st.change === undefined ? (main.value >= st.baseline.value ? '>=' : '<=') : undefined
  let comparator: Comparator = st.upper ? 'between' : st.tolerance ? '±' : (st.comparator ?? fromBaseline ?? (st.change ? '>=' : '='))
  if (sign < 0) comparator = FLIP[comparator]
  const parsed: ParsedTarget = { comparator, value: sign * main.value, unit }
  if (st.upper) [parsed.value, parsed.upper] = sign < 0 ? [-st.upper.value, -main.value] : [main.value, st.upper.value]
  if (st.tolerance) parsed.tolerance = Math.abs(st.tolerance.value)
  if (main.scale !== undefined) parsed.scale = main.scale
  if (st.percentile !== undefined) parsed.percentile = st.percentile
  if (st.window) parsed.window = st.window
  if (st.change !== undefined) parsed.change = true
  if (st.perEntity) parsed.unit = `${unit ?? 'count'}/${st.perEntity}`
  const notes = [...st.notes]
  if (st.baseline) notes.push({ code: 'baseline', params: { baseline: st.baseline.raw } })
  if (st.approximate && !explicitComparator && comparator === '=') notes.push({ code: 'approximate' })
  return { parsed, explicitComparator: explicitComparator || fromBaseline !== undefined, ...(notes.length ? { issues: notes } : {}) }
}
