import { MAGNITUDES } from './target/lexicon'

/**
 * How a column writes its numbers. Thousands separators are read only when the column says which one
 * (a CSV value column: ","; a German export: "." with decimal ","); otherwise a separator is refused.
 */
export interface NumberStyle {
  thousands: ',' | '.' | ' ' | null
  decimal: '.' | ','
  /** Magnitude suffixes as PRDs write them: 10K, 1.2M, 3bn, 1.2万, 5千, 3亿. */
  magnitudes: boolean
}

export const PLAIN_NUMBER: NumberStyle = { thousands: null, decimal: '.', magnitudes: false }
/** What a person types in a value cell or on the command line: "58.4", "1,250", "1.2万", "-3", "2.5e3". */
export const TYPED_NUMBER: NumberStyle = { thousands: ',', decimal: '.', magnitudes: true }

export type NumberRead = { ok: true; value: number } | { ok: false; reason: string }

/** Shortest positive normal double: anything smaller but not zero has lost digits (underflow). */
const MIN_NORMAL = 2.2250738585072014e-308

/** At most `max` characters of a user's input for a message, with "…" when cut (a 100,000-character cell is not echoed whole). */
export function shorten(text: string, max = 80): string {
  const chars = [...text.slice(0, max + 1)]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text
}

const MAGNITUDE_SUFFIX = /(千万|百万|十万|万|千|亿|bn|[kKMB])$/

const refuse = (text: string, why: string): NumberRead => ({ ok: false, reason: `"${shorten(text, 40)}" ${why}` })

function groupedPattern(style: NumberStyle): RegExp {
  const d = style.decimal === '.' ? '\\.' : ','
  if (!style.thousands) return new RegExp(`^(\\d+)(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?$`)
  const t = style.thousands === '.' ? '\\.' : style.thousands === ' ' ? ' ' : ','
  return new RegExp(`^(\\d{1,3}(?:${t}\\d{3})+|\\d+)(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?$`)
}

/**
 * The one strict reading of a number in KPI Loop: the target parser's numbers, CSV value cells and
 * `actuals add --value` all go through it. Refused rather than guessed: hexadecimal ("0x1F"), separators the
 * style does not allow or that do not group by three ("1,2,3", "1,00"), NaN/Infinity, exponents whose value
 * overflows ("1e400") or underflows ("1e-400") a double.
 */
export function readStrictNumber(input: string, style: NumberStyle = TYPED_NUMBER): NumberRead {
  const text = input.normalize('NFKC').replace(/[−–]/g, '-').trim()
  if (text === '') return { ok: false, reason: 'The number is empty.' }
  if (text.length > 400) return refuse(text, `is ${text.length} characters long; a number has at most 400.`)
  let body = text
  let sign = 1
  if (body[0] === '-' || body[0] === '+') {
    sign = body[0] === '-' ? -1 : 1
    body = body.slice(1)
  }
  if (/^0[xob]/i.test(body)) return refuse(text, 'is written in hexadecimal, octal or binary; write it in decimal.')
  let magnitude = 1
  const suffix = style.magnitudes ? MAGNITUDE_SUFFIX.exec(body) : null
  if (suffix) {
    magnitude = MAGNITUDES.get(suffix[1]!) ?? 1
    body = body.slice(0, -suffix[1]!.length).trimEnd()
  }
  const match = groupedPattern(style).exec(body)
  if (!match) {
    const why = /[.,' ]/.test(body)
      ? 'is not a well-formed number: its separators do not group digits by three, or it has a second decimal mark.'
      : 'is not a number.'
    return refuse(text, why)
  }
  const [, whole, fraction, exponent] = match
  const digits = `${whole!.replace(/\D/g, '')}${fraction ? `.${fraction}` : ''}${exponent ? `e${exponent}` : ''}`
  const value = Number(digits)
  if (!Number.isFinite(value) || !Number.isFinite(value * magnitude)) return refuse(text, 'is too large for a number (at most about 1.8e308).')
  const nonZero = /[1-9]/.test(`${whole}${fraction ?? ''}`)
  if (nonZero && Math.abs(value) < MIN_NORMAL) return refuse(text, 'is too small: its exponent underflows to zero.')
  const scaled = magnitude === 1 ? value : Number((value * magnitude).toPrecision(15))
  return { ok: true, value: sign * scaled === 0 ? 0 : sign * scaled }
}
