import { UNIT_WORDS } from './lexicon'

/** A known unit word's normalised form; unknown words are kept, lower-cased. */
export function normalizeUnit(word: string): string {
  const lower = word.toLowerCase()
  return UNIT_WORDS.get(lower) ?? UNIT_WORDS.get(word) ?? lower
}

const KNOWN_UNITS = new Set(UNIT_WORDS.values())
const PER_ENTITY = /\/[^/]+$/

// Conversion factors within one family: durations to milliseconds, shares to percent.
const FAMILIES: readonly ReadonlyMap<string, number>[] = [
  new Map([
    ['ms', 1],
    ['s', 1e3],
    ['min', 6e4],
    ['h', 3.6e6],
    ['day', 8.64e7],
    ['week', 6.048e8]
  ]),
  new Map([
    ['%', 1],
    ['‰', 0.1]
  ])
]

function base(unit: string): string {
  return unit.replace(PER_ENTITY, '')
}

/**
 * Expresses `value` (in `from`) in the unit `to`, or null when the two cannot be compared.
 * A value without a unit is read in `to`; "per user" qualifiers are not compared (the KPI's formula
 * fixes the denominator); a count matches any unknown counted noun ("sessions", "agents").
 */
export function convertValue(value: number, from: string | null, to: string | null): number | null {
  if (from === null || to === null) return from === to || from === null ? value : null
  const a = base(from)
  const b = base(to)
  if (a === b) return value
  for (const family of FAMILIES) {
    const fa = family.get(a)
    const fb = family.get(b)
    if (fa !== undefined && fb !== undefined) return Number(((value * fa) / fb).toPrecision(12))
  }
  const countLike = (u: string) => u === 'count' || !KNOWN_UNITS.has(u)
  return countLike(a) && countLike(b) ? value : null
}
