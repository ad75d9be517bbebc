import { readStrictNumber, shorten, type NumberStyle } from '../number'
import { CJK_NUMERALS, CJK_WORDS, MAGNITUDES, PERIOD_WORDS, UNIT_WORDS } from './lexicon'

const GROUPED: NumberStyle = { thousands: ',', decimal: '.', magnitudes: false }

const DENOMINATORS: Record<string, number> = { 百: 100, 千: 1000, 万: 10000 }

/**
 * num: a number with its magnitude applied ("1.2万" → 12000); pct: a percentile marker ("P95" → 95);
 * op: a symbol, comparators normalised to ASCII; word: a Latin word, lower-cased;
 * cjk: a known Chinese word; text: an unknown run of Chinese (or other) characters.
 */
export type TokenKind = 'num' | 'pct' | 'op' | 'word' | 'cjk' | 'text'

export interface Token {
  kind: TokenKind
  /** Lower-cased for words; the normalised symbol for ops; as written otherwise. */
  text: string
  /** As written (after width normalisation). */
  raw: string
  value: number
  /** Whitespace precedes this token. */
  spaced: boolean
  /** Why a number cannot be read ("1,00", "0x1F", "1e400"); '' when it can. */
  malformed: string
}

type Push = (kind: TokenKind, text: string, raw: string, value: number, malformed?: string) => void

const OPS: readonly (readonly [string, string])[] = [
  ['+/-', '±'],
  ['>=', '>='],
  ['<=', '<='],
  ['=>', '>='],
  ['=<', '<='],
  ['==', '='],
  ['≥', '>='],
  ['≧', '>='],
  ['⩾', '>='],
  ['≤', '<='],
  ['≦', '<='],
  ['⩽', '<=']
]
const OP_LEADS = '+<>=≥≧⩾≤≦⩽'

function matchOp(s: string, i: number): readonly [string, string] | undefined {
  for (let k = 0; k < OPS.length; k++) {
    const op = OPS[k] as readonly [string, string]
    if (s.startsWith(op[0], i)) return op
  }
  return undefined
}

const REPLACEMENTS = new Map([
  ['−', '-'],
  ['–', '-'],
  ['—', '-'],
  ['〜', '~'],
  ['、', ','],
  ['。', ';'],
  ['：', ':'],
  ['﹪', '%']
])

/** Full-width forms to ASCII (NFKC), typographic dashes and tildes to their ASCII kin. */
export function normalize(text: string): string {
  let s = text.normalize('NFKC')
  if (/[−–—〜、。：﹪]/.test(s)) s = [...s].map((c) => REPLACEMENTS.get(c) ?? c).join('')
  return s.trim()
}

const isDigit = (c: number) => c >= 48 && c <= 57
const isLatin = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000

export function tokenize(input: string): Token[] {
  const s = normalize(input)
  const out: Token[] = []
  let i = 0
  let spaced = false
  // Every token gets the same shape, which keeps property access monomorphic on the hot path.
  const push: Push = (kind, text, raw, value, malformed = '') => {
    out.push({ kind, text, raw, value, spaced, malformed })
    spaced = false
  }
  while (i < s.length) {
    const code = s.charCodeAt(i)
    if (isSpace(code)) {
      spaced = true
      i++
    } else if (isDigit(code) || (code === 46 && isDigit(s.charCodeAt(i + 1)))) {
      i = readNumber(s, i, push)
    } else if (isLatin(code)) {
      i = readWord(s, i, push)
    } else if (isCjk(code)) {
      i = readCjk(s, i, push)
    } else {
      const op = OP_LEADS.includes(s[i] as string) ? matchOp(s, i) : undefined
      const raw = op ? op[0] : (s[i] as string)
      push('op', op ? op[1] : raw, raw, NaN)
      i += raw.length
    }
  }
  return out
}

function readDigits(s: string, i: number): number {
  while (isDigit(s.charCodeAt(i))) i++
  return i
}

function readNumber(s: string, start: number, push: Push): number {
  let j = readDigits(s, start)
  if (s[start] === '0' && j === start + 1 && /^[xXbBoO][0-9a-fA-F]/.test(s.slice(j, j + 2))) {
    // "0x1F" (or 0b101, 0o17) is refused as a whole rather than read as 0 with the unit "x1f".
    j++
    while (/[0-9a-zA-Z]/.test(s[j] ?? '')) j++
    const hex = s.slice(start, j)
    push('num', hex, hex, NaN, `"${shorten(hex)}" is written in hexadecimal, octal or binary; write it in decimal.`)
    return j
  }
  while (s[j] === ',' && isDigit(s.charCodeAt(j + 1))) j = readDigits(s, j + 1)
  if (s[j] === '.' && isDigit(s.charCodeAt(j + 1))) j = readDigits(s, j + 1)
  // An exponent ("1e5", "1e-400") belongs to the number, so "≥ 1e308" is never 1 with the unit "e308".
  const exponent = /^[eE][+-]?\d/.exec(s.slice(j, j + 3))
  if (exponent) j = readDigits(s, j + exponent[0].length - 1)
  const raw = s.slice(start, j)
  const read = readStrictNumber(raw, GROUPED)
  let value = read.ok ? read.value : NaN
  const magnitude = readMagnitude(s, j)
  if (magnitude && read.ok) {
    value = Number((value * magnitude[1]).toPrecision(15))
    j += magnitude[0].length
  }
  const text = s.slice(start, j)
  push('num', text, text, value, read.ok ? '' : read.reason)
  return j
}

const MAGNITUDE_KEYS = ['千万', '百万', '十万', '万', '千', '亿', 'bn', 'k', 'K', 'M', 'B']

function readMagnitude(s: string, j: number): readonly [string, number] | undefined {
  for (const key of MAGNITUDE_KEYS) {
    const latin = isLatin(key.charCodeAt(0))
    // Chinese text often spaces digits from characters ("3 万单"); a Latin magnitude must be glued ("3M").
    const at = !latin && s[j] === ' ' && s.startsWith(key, j + 1) ? j + 1 : j
    if (!s.startsWith(key, at)) continue
    if (latin && isLatin(s.charCodeAt(at + key.length))) continue
    return [s.slice(j, at + key.length), MAGNITUDES.get(key) as number]
  }
  return undefined
}

function readWord(s: string, start: number, push: Push): number {
  let j = start
  while (isLatin(s.charCodeAt(j))) j++
  const letters = s.slice(start, j).toLowerCase()
  if ((letters === 'p' || letters === 'tp') && isDigit(s.charCodeAt(j))) {
    let end = readDigits(s, j)
    if (s[end] === '.' && isDigit(s.charCodeAt(end + 1))) end = readDigits(s, end + 1)
    const text = s.slice(start, end)
    push('pct', text, text, Number(s.slice(j, end)))
    return end
  }
  while (isLatin(s.charCodeAt(j)) || isDigit(s.charCodeAt(j))) j++
  const raw = s.slice(start, j)
  // "Data loss: none" is a level of zero, as "zero" is.
  if (raw.toLowerCase() === 'zero' || raw.toLowerCase() === 'none') push('num', raw, raw, 0)
  else push('word', raw.toLowerCase(), raw, NaN)
  return j
}

/** Longest-match segmentation against the lexicon; unknown characters gather into `text` tokens. */
function readCjk(s: string, start: number, push: Push): number {
  let j = start
  let pending = ''
  const flush = () => {
    if (pending) push('text', pending, pending, NaN)
    pending = ''
  }
  while (j < s.length && isCjk(s.charCodeAt(j))) {
    const share = readShare(s, j)
    if (share) {
      flush()
      push('num', share.raw, share.raw, share.percent)
      push('op', '%', '%', NaN)
      j += share.raw.length
      continue
    }
    if (s[j] === '零' && !isCjk(s.charCodeAt(j + 1))) {
      flush()
      push('num', '零', '零', 0)
      j++
      continue
    }
    const numeral = CJK_NUMERALS.get(s[j] as string)
    const next = numeral === undefined ? undefined : matchWord(s, j + 1)
    if (numeral !== undefined && next && (PERIOD_WORDS.has(next) || UNIT_WORDS.has(next))) {
      flush()
      push('num', s[j] as string, s[j] as string, numeral)
      j++
      continue
    }
    const word = matchWord(s, j)
    if (word) {
      flush()
      push('cjk', word, word, NaN)
      j += word.length
    } else {
      pending += s[j]
      j++
    }
  }
  flush()
  return j
}

/** A Chinese numeral up to 万 ("三", "十五", "二十", "一百"), or null. */
function cjkInteger(text: string): number | null {
  let total = 0
  let digit = 0
  for (const c of text) {
    const n = CJK_NUMERALS.get(c)
    if (n !== undefined && c !== '十') digit = n
    else if (c === '十' || c === '百' || c === '千') {
      total += (digit || 1) * (c === '十' ? 10 : c === '百' ? 100 : 1000)
      digit = 0
    } else return null
  }
  return total + digit || null
}

/** "三分之一" → 33.33 (percent), "万分之三" → 0.03, "一半" → 50, "三成" → 30 (tenths, as a share is said in Chinese). */
// "完成", "成本" are words of their own; "三成" before them is not a share ("三成本" does not occur as one).
const TENTHS = /^([一二两三四五六七八九])成(?![本员功立交为果熟长绩])/

function readShare(s: string, j: number): { raw: string; percent: number } | null {
  if (s.startsWith('一半', j)) return { raw: '一半', percent: 50 }
  const tenths = TENTHS.exec(s.slice(j, j + 3))
  if (tenths) return { raw: tenths[0], percent: (cjkInteger(tenths[1] as string) ?? 0) * 10 }
  const match = /^([一二两三四五六七八九十百千万]+)分之([一二两三四五六七八九十]+)/.exec(s.slice(j, j + 12))
  if (!match) return null
  const whole = DENOMINATORS[match[1] as string] ?? cjkInteger(match[1] as string)
  const part = cjkInteger(match[2] as string)
  if (!whole || !part || part > whole) return null
  return { raw: match[0], percent: Math.round((part / whole) * 10000) / 100 }
}

const BY_FIRST_CHAR = new Map<string, string[]>()
for (const w of [...CJK_WORDS].sort((a, b) => b.length - a.length)) {
  const list = BY_FIRST_CHAR.get(w[0] as string) ?? []
  list.push(w)
  BY_FIRST_CHAR.set(w[0] as string, list)
}

function matchWord(s: string, j: number): string | undefined {
  const candidates = BY_FIRST_CHAR.get(s[j] as string)
  if (candidates) for (const w of candidates) if (s.startsWith(w, j)) return w
  return undefined
}
