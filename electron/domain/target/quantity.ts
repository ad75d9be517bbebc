import type { TargetIssue } from './issues'
import { shorten } from '../number'
import { type Cursor, type Quantity, peek } from './parse-state'
import {
  APPROXIMATE,
  CHANGE_VERBS,
  CURRENCIES,
  ENTITY_WORDS,
  PERIOD_WORDS,
  PREFIX_COMPARATORS,
  RANGE_JOINERS,
  RATE_ADVERBS,
  UNIT_MODIFIERS,
  UNIT_WORDS
} from './lexicon'
import type { Token } from './tokenizer'

const CURRENCY_PREFIX = new Map([
  ['$', '$'],
  ['¥', '¥'],
  ['€', '€'],
  ['usd', '$'],
  ['rmb', '¥'],
  ['cny', '¥'],
  ['eur', '€']
])
const GLUE_WORDS = new Set([
  'or',
  'and',
  'of',
  'per',
  'a',
  'an',
  'the',
  'in',
  'by',
  'at',
  'to',
  'than',
  'more',
  'less',
  'no',
  'not',
  'each',
  'every',
  'on',
  'for',
  'with',
  'from',
  'th',
  'st',
  'nd',
  'rd',
  'percentile',
  'out',
  'vs',
  'after',
  'before',
  'until',
  'launch',
  'least',
  'most',
  'fewer',
  'higher',
  'greater',
  'better',
  'up',
  'between',
  'is',
  'be',
  'when'
])

/** Words that have a grammatical role and so can never be an unknown unit ("3 incidents" vs "3 or more"). */
function isKeyword(word: string): boolean {
  return (
    GLUE_WORDS.has(word) ||
    PREFIX_COMPARATORS.has(word) ||
    PERIOD_WORDS.has(word) ||
    ENTITY_WORDS.has(word) ||
    CHANGE_VERBS.has(word) ||
    RATE_ADVERBS.has(word) ||
    APPROXIMATE.has(word) ||
    RANGE_JOINERS.has(word)
  )
}

const unitOf = (t: Token | undefined): string | undefined =>
  t && t.kind !== 'num' && t.kind !== 'pct' && t.kind !== 'text' ? UNIT_WORDS.get(t.text) : undefined

export type QuantityRead = { quantity: Quantity; length: number } | { fatal: TargetIssue } | undefined

/** `[currency] [sign] number [modifiers] [unit] [/ scale]` starting `ahead` tokens past the cursor. */
export function readQuantity(c: Cursor, ahead = 0): QuantityRead {
  let k = ahead
  let unit: string | null = null
  const currency = CURRENCY_PREFIX.get(peek(c, k)?.text ?? '')
  if (currency && (peek(c, k + 1)?.kind === 'num' || peek(c, k + 2)?.kind === 'num')) {
    unit = currency
    k++
  }
  let sign: 1 | -1 = 1
  let explicitSign = false
  const s = peek(c, k)
  const afterSign = peek(c, k + 1)
  if (s?.kind === 'op' && (s.text === '-' || s.text === '+') && afterSign?.kind === 'num' && !afterSign.spaced) {
    sign = s.text === '-' ? -1 : 1
    explicitSign = true
    k++
  }
  const n = peek(c, k)
  if (n?.kind !== 'num') return undefined
  if (n.malformed) return { fatal: { code: 'malformed-number', params: { reason: n.malformed, number: shorten(n.raw, 40) } } }
  k++
  const next = peek(c, k)
  if (next?.kind === 'word' && next.raw === 'm') {
    return { fatal: { code: 'ambiguous-m', params: { number: shorten(n.raw) } } }
  }
  const suffix = readUnit(c, k)
  if (suffix) {
    if (unit && CURRENCIES.has(suffix.unit) && suffix.unit !== unit) {
      return { fatal: { code: 'two-currencies', params: { first: unit, second: suffix.unit } } }
    }
    if (!unit || !CURRENCIES.has(suffix.unit)) unit = unit ?? suffix.unit
    k += suffix.length
  }
  const quantity: Quantity = { value: sign * n.value, unit, raw: n.raw }
  if (explicitSign) quantity.explicitSign = sign
  const scale = peek(c, k + 1)
  if (is(peek(c, k), '/') && scale?.kind === 'num' && scale.value > 0 && (unit === null || unit === 'score')) {
    quantity.scale = scale.value
    quantity.unit = 'score'
    k += 2
  }
  return { quantity, length: k - ahead }
}

export function readUnit(c: Cursor, k: number): { unit: string; length: number } | undefined {
  let j = k
  while (UNIT_MODIFIERS.has(peek(c, j)?.text ?? '')) j++
  if (!unitOf(peek(c, j))) j = k
  const t = peek(c, j)
  const known = unitOf(t)
  if (known) return { unit: known, length: j - k + 1 }
  // An unknown Latin word right after the number is its unit, kept as written ("3 incidents").
  if (t?.kind === 'word' && j === k && !isKeyword(t.text) && !/^[a-z]$/.test(t.text)) {
    return { unit: t.text, length: 1 }
  }
  return undefined
}

function is(t: Token | undefined, text: string): boolean {
  return t?.text === text
}

/** A range joiner or "and" after "between", followed by the upper bound. */
export function readUpper(c: Cursor, between: boolean): QuantityRead {
  const j = peek(c)
  if (!j || !(RANGE_JOINERS.has(j.text) || (between && j.text === 'and'))) return undefined
  const upper = readQuantity(c, 1)
  return upper && 'quantity' in upper ? { quantity: upper.quantity, length: upper.length + 1 } : upper
}

/** "± 10%" after the centre, or leading a bare tolerance ("±5%"). */
export function readTolerance(c: Cursor): QuantityRead {
  if (!is(peek(c), '±')) return undefined
  const tol = readQuantity(c, 1)
  return tol && 'quantity' in tol ? { quantity: tol.quantity, length: tol.length + 1 } : tol
}
