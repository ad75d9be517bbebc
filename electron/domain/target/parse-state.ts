import type { TargetIssue } from './issues'
import type { Comparator, PeriodUnit } from '../kpi'
import type { Token } from './tokenizer'

export interface Quantity {
  value: number
  unit: string | null
  scale?: number
  raw: string
  /** "+50%" / "-20%": a sign was written before the number. */
  explicitSign?: 1 | -1
}

export interface Window {
  kind: 'per' | 'within'
  amount?: number
  unit: PeriodUnit
}

/** What the grammar has understood so far about one target expression. */
export interface TargetState {
  comparator?: Comparator
  /** Set by verbs such as 达到/支持/reach, which an explicit symbol may refine. */
  weakComparator?: boolean
  /** The comparator came after the number ("5分钟内", "1000+"). */
  suffixComparator?: boolean
  between?: boolean
  approximate?: boolean
  main?: Quantity
  upper?: Quantity
  tolerance?: Quantity
  percentile?: number
  window?: Window
  perEntity?: string
  /** +1 growth, -1 reduction, 0 a change rate without a sign of its own. */
  change?: 1 | -1 | 0
  /** "from 24%" / "从 35%": where the value starts, not part of the target. */
  baseline?: Quantity
  /** A user-count label before the number ("DAU 5000+"). */
  subjectUnit?: string
  grade?: string
  /** Where a suffix comparator ended ("5000+ users" puts the unit after it). */
  suffixEnd?: number
  /** "TBD"/"待定" was written. */
  tbd?: boolean
  /** Index of the first token after the main clause that the grammar did not use. */
  firstNoiseAfterMain?: number
  notes: TargetIssue[]
  fatal?: TargetIssue
}

/** A read position over the token list; productions peek, and advance only on success. */
export interface Cursor {
  readonly tokens: readonly Token[]
  pos: number
}

export function peek(c: Cursor, ahead = 0): Token | undefined {
  return c.tokens[c.pos + ahead]
}

/** True when the token at `ahead` has this text (words are lower-case, symbols normalised). */
export function is(c: Cursor, text: string, ahead = 0): boolean {
  return c.tokens[c.pos + ahead]?.text === text
}

/** Matches a sequence of token texts starting at the cursor; returns its length or 0. */
export function matchSeq(c: Cursor, words: readonly string[], ahead = 0): number {
  for (let k = 0; k < words.length; k++) if (c.tokens[c.pos + ahead + k]?.text !== words[k]) return 0
  return words.length
}

/** Phrases grouped by their first word, so that a token is checked only against phrases it can start. */
export type PhraseIndex<T> = ReadonlyMap<string, readonly (readonly [readonly string[], T])[]>

export function indexPhrases<T>(phrases: readonly (readonly [readonly string[], T])[]): PhraseIndex<T> {
  const index = new Map<string, (readonly [readonly string[], T])[]>()
  for (const phrase of phrases) {
    const first = phrase[0][0] as string
    index.set(first, [...(index.get(first) ?? []), phrase])
  }
  return index
}

/** The longest-listed phrase of the index starting at the cursor, as [value, token length]. */
export function matchPhrase<T>(c: Cursor, index: PhraseIndex<T>): readonly [T, number] | undefined {
  const candidates = index.get(c.tokens[c.pos]?.text ?? '')
  if (!candidates) return undefined
  for (let k = 0; k < candidates.length; k++) {
    const phrase = candidates[k] as readonly [readonly string[], T]
    const n = matchSeq(c, phrase[0])
    if (n) return [phrase[1], n]
  }
  return undefined
}

/** The tokens from `from` to `to` as the user wrote them (spacing preserved where it was). */
export function spanText(tokens: readonly Token[], from: number, to = tokens.length): string {
  let s = ''
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token
    s += (t.spaced && s ? ' ' : '') + t.raw
  }
  return s
}

/** Whether any token from the cursor onwards is a number. */
export function numberAhead(c: Cursor, ahead = 0): boolean {
  for (let k = c.pos + ahead; k < c.tokens.length; k++) if (c.tokens[k]?.kind === 'num') return true
  return false
}
