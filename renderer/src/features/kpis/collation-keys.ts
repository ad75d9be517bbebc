/**
 * Collation keys: for each text, a key whose plain code-unit order (`<`) is the order of
 * `Intl.Collator(locale, { numeric: true, sensitivity: 'base' })`, so sorting 100k names never calls the collator.
 *
 * The collator ranks each distinct character once (a few thousand characters, not 100k names); a key is the
 * string of its characters' ranks, and a run of ASCII digits becomes one number element, as the numeric option
 * reads it (KPI-2 < KPI-10, 007 = 7). Characters are ranked one by one, so the rare expansions of the collation
 * (æ = ae, ß = ss) sort as single letters; nothing in zh-CN or en names relies on them.
 */

const DIGIT_0 = 48
const DIGIT_9 = 57
/** Rank codes of the BMP table: 0 not ranked yet, 1 ignored by the collator (soft hyphen, joiners), then ranks. */
const UNRANKED = 0
const IGNORED = 1
const FIRST_RANK = 2
const MAX_UNIT = 0xffff

interface RankTable {
  collator: Intl.Collator
  /** Rank code of every BMP code unit seen so far. */
  bmp: Uint16Array
  /** Rank codes of characters outside the BMP (emoji, rare CJK), by code point. */
  astral: Map<number, number>
  /** Every ranked character, so that a new one can be ranked among them. */
  chars: string[]
  /** The rank of a digit: where a number element sorts among the other characters. */
  number: number
}

const tables = new Map<string, RankTable>()

function rankTable(locale: string): RankTable {
  let table = tables.get(locale)
  if (!table) {
    table = {
      collator: new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }),
      bmp: new Uint16Array(0x10000),
      astral: new Map(),
      chars: [],
      number: 0
    }
    tables.set(locale, table)
    rank(table, ['0'])
  }
  return table
}

/** Ranks the new characters among the known ones: one collator pass over the distinct characters. */
function rank(table: RankTable, fresh: string[]) {
  const { collator } = table
  const chars = [...table.chars, ...fresh].sort(collator.compare)
  let code = FIRST_RANK - 1
  let previous: string | null = null
  for (const char of chars) {
    let value: number
    if (collator.compare(char, '') === 0) value = IGNORED
    else {
      if (previous === null || collator.compare(previous, char) !== 0) code = Math.min(code + 1, MAX_UNIT)
      previous = char
      value = code
    }
    const point = char.codePointAt(0)!
    if (point > MAX_UNIT) table.astral.set(point, value)
    else table.bmp[point] = value
  }
  table.chars = chars
  table.number = table.bmp[DIGIT_0]!
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff

function rankUnseen(table: RankTable, values: readonly string[]) {
  const fresh = new Set<string>()
  for (const value of values) {
    for (let i = 0; i < value.length; i++) {
      const unit = value.charCodeAt(i)
      const point = isHighSurrogate(unit) ? value.codePointAt(i)! : unit
      if (point > MAX_UNIT) {
        if (!table.astral.has(point)) fresh.add(String.fromCodePoint(point))
        i++
      } else if (table.bmp[unit] === UNRANKED && (unit < DIGIT_0 || unit > DIGIT_9)) fresh.add(String.fromCharCode(unit))
    }
  }
  if (fresh.size) rank(table, [...fresh])
}

let buffer = new Uint16Array(256)

function toText(length: number): string {
  let text = ''
  // fromCharCode takes its units as arguments: chunked so that a very long value cannot overflow the stack.
  for (let start = 0; start < length; start += 8192) {
    text += String.fromCharCode.apply(null, buffer.subarray(start, Math.min(length, start + 8192)) as unknown as number[])
  }
  return text
}

function keyOf(table: RankTable, value: string): string {
  if (buffer.length < value.length * 3) buffer = new Uint16Array(value.length * 3)
  let n = 0
  for (let i = 0; i < value.length;) {
    const unit = value.charCodeAt(i)
    if (unit >= DIGIT_0 && unit <= DIGIT_9) {
      // A number: the digits' rank, its length without leading zeros, then its digits.
      let end = i
      while (end < value.length && value.charCodeAt(end) >= DIGIT_0 && value.charCodeAt(end) <= DIGIT_9) end++
      while (i < end - 1 && value.charCodeAt(i) === DIGIT_0) i++
      const significant = end - i === 1 && value.charCodeAt(i) === DIGIT_0 ? 0 : end - i
      buffer[n++] = table.number
      buffer[n++] = Math.min(significant, MAX_UNIT)
      for (let d = end - significant; d < end; d++) buffer[n++] = value.charCodeAt(d) - DIGIT_0
      i = end
      continue
    }
    const point = isHighSurrogate(unit) ? value.codePointAt(i)! : unit
    const code = point > MAX_UNIT ? table.astral.get(point)! : table.bmp[unit]!
    if (code !== IGNORED) buffer[n++] = code
    i += point > MAX_UNIT ? 2 : 1
  }
  return toText(n)
}

/** One key per value (same order), to compare with `<`: equal keys are texts the collator holds equal. */
export function collationKeys(values: readonly string[], locale: string): string[] {
  const table = rankTable(locale)
  rankUnseen(table, values)
  const keys = new Array<string>(values.length)
  for (let i = 0; i < values.length; i++) keys[i] = keyOf(table, values[i]!)
  return keys
}

/** The texts in collation order, empty ones last (for group headers and filter menus). */
export function sortTexts(values: readonly string[], locale: string): string[] {
  const keys = collationKeys(values, locale)
  const order = values.map((_, i) => i)
  const empty = (i: number) => (values[i]!.trim() === '' ? 1 : 0)
  order.sort((a, b) => empty(a) - empty(b) || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0))
  return order.map((i) => values[i]!)
}
