import { type Cursor, type TargetState, peek, spanText } from './parse-state'
import { IMPLIED_CHANGES, NUMBER_WORDS, SHARE_WORDS, UNIT_WORDS } from './lexicon'
import type { Token } from './tokenizer'

// Quantities written out in words, read before the main number.

/** "double", "翻倍", "减半": a change that names its own size. */
export function impliedChange(c: Cursor, st: TargetState): boolean {
  const t = peek(c) as Token
  const amount = t.kind === 'text' ? undefined : IMPLIED_CHANGES.get(t.text)
  if (amount === undefined) return false
  const sign = amount < 0 ? -1 : 1
  if (st.change && st.change !== sign) st.fatal = { code: 'raises-and-lowers' }
  st.change = sign
  st.main = { value: Math.abs(amount), unit: '%', raw: t.raw }
  c.pos++
  return true
}

/**
 * "at least four", "at least half": a number word right after a written comparator; after a change, a share
 * ("drop by half", "reduce by a third", "cut in half") is the size of the change.
 */
export function wordNumber(c: Cursor, st: TargetState): boolean {
  const t = peek(c) as Token
  const skip = st.change && t.text === 'in' && peek(c, 1)?.text === 'half' ? 1 : 0
  const a = skip || (t.text === 'a' && SHARE_WORDS.has(peek(c, 1)?.text ?? '')) ? 1 : 0
  const share = t.kind === 'word' && (st.comparator || st.change) ? SHARE_WORDS.get(peek(c, a)?.text ?? '') : undefined
  if (share !== undefined) {
    st.main = { value: share, unit: '%', raw: spanText(c.tokens, c.pos, c.pos + a + 1) }
    c.pos += a + 1
    return true
  }
  const value = t.kind === 'word' && st.comparator ? NUMBER_WORDS.get(t.text) : undefined
  if (value === undefined) return false
  const unit = UNIT_WORDS.get(peek(c, 1)?.text ?? '')
  st.main = { value, unit: unit ?? null, raw: t.raw }
  c.pos += unit ? 2 : 1
  return true
}
