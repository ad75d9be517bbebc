import { CJK_MAX_WORD, CJK_NUMERALS, CJK_WORDS, MAGNITUDES, PERIOD_WORDS, UNIT_WORDS } from './lexicon'

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
  /** A number whose digit grouping is broken ("1,00"). */
  malformed?: boolean
}

const OPS: readonly (readonly [string, string])[] = [
  ['+/-', '±'], ['>=', '>='], ['<=', '<='], ['=>', '>='], ['=<', '<='], ['==', '='],
  ['≥', '>='], ['≧', '>='], ['⩾', '>='], ['≤', '<='], ['≦', '<='], ['⩽', '<=']
]
const REPLACEMENTS = new Map([
  ['−', '-'], ['–', '-'], ['—', '-'], ['〜', '~'], ['、', ','], ['。', ';'], ['：', ':'], ['﹪', '%']
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
  const push = (t: Omit<Token, 'spaced'>) => {
    out.push({ ...t, spaced })
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
      const op = OPS.find(([k]) => s.startsWith(k, i))
      const raw = op ? op[0] : (s[i] as string)
      push({ kind: 'op', text: op ? op[1] : raw, raw, value: NaN })
      i += raw.length
    }
  }
  return out
}

function readDigits(s: string, i: number): number {
  while (isDigit(s.charCodeAt(i))) i++
  return i
}

function readNumber(s: string, start: number, push: (t: Omit<Token, 'spaced'>) => void): number {
  let j = readDigits(s, start)
  let malformed = false
  // Thousands groups must have exactly three digits; "1,00" is flagged rather than read as 1 or 100.
  while (s[j] === ',' && isDigit(s.charCodeAt(j + 1))) {
    const end = readDigits(s, j + 1)
    if (end - j - 1 !== 3) malformed = true
    j = end
  }
  if (s[j] === '.' && isDigit(s.charCodeAt(j + 1))) j = readDigits(s, j + 1)
  const raw = s.slice(start, j)
  let value = Number(raw.replaceAll(',', ''))
  const magnitude = readMagnitude(s, j)
  if (magnitude) {
    value = Number((value * magnitude[1]).toPrecision(15))
    j += magnitude[0].length
  }
  push({ kind: 'num', text: s.slice(start, j), raw: s.slice(start, j), value, ...(malformed ? { malformed } : {}) })
  return j
}

function readMagnitude(s: string, j: number): readonly [string, number] | undefined {
  for (const key of ['千万', '百万', '十万', '万', '千', '亿', 'bn', 'k', 'K', 'M', 'B']) {
    if (!s.startsWith(key, j)) continue
    if (isLatin(key.charCodeAt(0)) && isLatin(s.charCodeAt(j + key.length))) continue
    return [key, MAGNITUDES.get(key) as number]
  }
  return undefined
}

function readWord(s: string, start: number, push: (t: Omit<Token, 'spaced'>) => void): number {
  let j = start
  while (isLatin(s.charCodeAt(j))) j++
  const letters = s.slice(start, j).toLowerCase()
  if ((letters === 'p' || letters === 'tp') && isDigit(s.charCodeAt(j))) {
    let end = readDigits(s, j)
    if (s[end] === '.' && isDigit(s.charCodeAt(end + 1))) end = readDigits(s, end + 1)
    push({ kind: 'pct', text: s.slice(start, end), raw: s.slice(start, end), value: Number(s.slice(j, end)) })
    return end
  }
  while (isLatin(s.charCodeAt(j)) || isDigit(s.charCodeAt(j))) j++
  const raw = s.slice(start, j)
  push({ kind: 'word', text: raw.toLowerCase(), raw, value: NaN })
  return j
}

/** Longest-match segmentation against the lexicon; unknown characters gather into `text` tokens. */
function readCjk(s: string, start: number, push: (t: Omit<Token, 'spaced'>) => void): number {
  let j = start
  let pending = ''
  const flush = () => {
    if (pending) push({ kind: 'text', text: pending, raw: pending, value: NaN })
    pending = ''
  }
  while (j < s.length && isCjk(s.charCodeAt(j))) {
    const numeral = CJK_NUMERALS.get(s[j] as string)
    const next = numeral === undefined ? undefined : matchWord(s, j + 1)
    if (numeral !== undefined && next && (PERIOD_WORDS.has(next) || UNIT_WORDS.has(next))) {
      flush()
      push({ kind: 'num', text: s[j] as string, raw: s[j] as string, value: numeral })
      j++
      continue
    }
    const word = matchWord(s, j)
    if (word) {
      flush()
      push({ kind: 'cjk', text: word, raw: word, value: NaN })
      j += word.length
    } else {
      pending += s[j]
      j++
    }
  }
  flush()
  return j
}

function matchWord(s: string, j: number): string | undefined {
  for (let len = Math.min(CJK_MAX_WORD, s.length - j); len > 0; len--) {
    const w = s.slice(j, j + len)
    if (CJK_WORDS.has(w)) return w
  }
  return undefined
}
