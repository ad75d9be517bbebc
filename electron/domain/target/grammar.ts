import type { Comparator, ParsedTarget } from '../kpi'
import { type Cursor, type TargetState, indexPhrases, is, matchPhrase, matchSeq, peek, spanText } from './parse-state'
import { APPROXIMATE, CHANGE_NOUNS, CHANGE_VERBS, PHRASE_COMPARATORS, PREFIX_COMPARATORS, SUFFIX_COMPARATORS, SUFFIX_PHRASES, TBD_WORDS } from './lexicon'
import { readQuantity, readTolerance, readUnit, readUpper } from './quantity'
import type { Token } from './tokenizer'
import { deadline, percentile, rateWindow, withinWindow } from './windows'

export interface GrammarResult {
  parsed: ParsedTarget | null
  issue?: string
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
    st.fatal = `Conflicting comparators ("${written}" after "${st.comparator}").`
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
  const prefix = prefixComparator(c)
  if (prefix) {
    setComparator(st, prefix[0], WEAK_VERBS.has(t.text), spanText(c.tokens, c.pos, c.pos + prefix[1]))
    c.pos += prefix[1]
    return true
  }
  if (changeWord(c, st)) return true
  if (APPROXIMATE.has(t.text)) st.approximate = true
  else if (TBD_WORDS.has(t.text) && t.kind !== 'op') st.tbd = true
  else if (t.kind === 'word' && USER_LABELS.has(t.text)) st.subjectUnit = 'users'
  else if (t.kind === 'word' && /^[a-f]$/.test(t.text) && t.raw !== t.text.toLowerCase() && isGradeContext(c)) {
    st.grade = t.raw
  } else return mainClause(c, st)
  c.pos++
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
  if (sign !== 0 && st.change && st.change !== sign) st.fatal = 'The text both raises and lowers the value.'
  if (sign !== 0 || st.change === undefined) st.change = sign
  c.pos += is(c, 'by', 1) ? 2 : 1
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
  return secondClause(c, st)
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
  const from = st.firstNoiseAfterMain ?? c.pos
  const head = spanText(c.tokens, 0, from)
  const rest = spanText(c.tokens, from)
  if (comparator && st.comparator && !st.weakComparator && !st.suffixComparator) {
    st.notes.push(`Compound condition: "${head}" was taken as the target and "${rest}" as part of the metric's definition.`)
  } else {
    st.fatal = `More than one number ("${head}" and "${rest}"); it is unclear which is the target.`
  }
  c.pos = c.tokens.length
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
  const fail = (issue: string): GrammarResult => ({ parsed: null, issue, explicitComparator })
  if (st.fatal) return fail(st.fatal)
  const main = st.main
  if (!main) {
    if (st.grade) return fail(`The target is a grade ("${st.grade}"), not a number.`)
    if (st.tbd) return fail('The target is not set yet (TBD).')
    return fail('The target has no number to measure against.')
  }
  const sign = st.change === -1 ? -1 : 1
  const unit = main.unit ?? st.upper?.unit ?? st.tolerance?.unit ?? st.subjectUnit ?? null
  for (const other of [st.upper, st.tolerance]) {
    if (other?.unit && unit && other.unit !== unit) {
      return fail(`"${main.raw}" and "${other.raw}" are in different units (${unit}, ${other.unit}).`)
    }
  }
  if (st.between && !st.upper) return fail('"between" needs two bounds.')
  if (st.upper && st.upper.value < main.value) return fail('The lower bound of the range exceeds the upper bound.')
  let comparator: Comparator = st.upper ? 'between' : st.tolerance ? '±' : (st.comparator ?? (st.change ? '>=' : '='))
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
  if (st.approximate && !explicitComparator && comparator === '=') notes.push('The target is approximate; it was read as an exact value.')
  return { parsed, explicitComparator, ...(notes.length ? { issue: notes.join(' ') } : {}) }
}
