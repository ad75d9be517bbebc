import type { SourceKind } from '../../../db/schema/integrations'
import type { DateFinding, DateRewrite, PeriodDependence } from '../../domain/formula-preview'
import type { Frequency } from '../../domain/kpi'
import { addDays, addMonths, daysBetween, isIsoDate, type Grain } from '../../domain/period'
import { tokenize, type Token } from './sql-lexer'

/** Words that read the clock; the function-only ones count when called. */
const CLOCK_WORDS = new Set(['current_date', 'current_timestamp', 'localtimestamp'])
const CLOCK_FUNCTIONS = new Set([
  'now',
  'curdate',
  'sysdate',
  'today',
  'utc_date',
  'utc_timestamp',
  'getdate',
  'get_current_timestamp',
  'transaction_timestamp',
  'statement_timestamp',
  'clock_timestamp'
])
/** SQLite reads the clock through a 'now' argument of its date functions. */
const SQLITE_DATE_FUNCTIONS = new Set(['date', 'datetime', 'julianday', 'strftime', 'unixepoch'])

const DATE_LITERAL = /^'(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?'$/

const FREQUENCY_OF: Record<Grain, Frequency> = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly' }

interface Span {
  start: number
  end: number
  kind: DateFinding['kind']
  /** The literal's date; null for the clock. */
  date: string | null
  /** A time of day other than midnight: left as written. */
  timed: boolean
  /** DATE_TRUNC(…, CURRENT_DATE): the start of the current period. */
  truncated: boolean
  /** The comparison before the literal, for a lone boundary. */
  before: string
}

function nextSignificant(tokens: Token[], from: number): number {
  let i = from
  while (i < tokens.length && (tokens[i]!.type === 'space' || tokens[i]!.type === 'comment')) i++
  return i
}

function prevSignificant(tokens: Token[], from: number): number {
  let i = from
  while (i >= 0 && (tokens[i]!.type === 'space' || tokens[i]!.type === 'comment')) i--
  return i
}

/** The end of a call whose '(' is at `open`: the index after its ')'. */
function callEnd(tokens: Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.text === '(') depth++
    else if (tokens[i]!.text === ')' && --depth === 0) return i + 1
  }
  return tokens.length
}

function comparisonBefore(tokens: Token[], at: number): string {
  const ops: string[] = []
  for (let i = prevSignificant(tokens, at - 1); i >= 0 && tokens[i]!.type === 'op' && ops.length < 2; i = prevSignificant(tokens, i - 1)) {
    ops.unshift(tokens[i]!.text)
  }
  return ops.join('')
}

function findSpans(tokens: Token[], kind: SourceKind): Span[] {
  const spans: Span[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const lower = t.text.toLowerCase()
    if (t.type === 'string') {
      const m = DATE_LITERAL.exec(t.text)
      if (!m || !isIsoDate(m[1]!)) continue
      // A typed literal (DATE '2025-11-01') is replaced whole.
      const keyword = prevSignificant(tokens, i - 1)
      const typed = keyword >= 0 && /^(date|timestamp|datetime)$/i.test(tokens[keyword]!.text) && tokens[keyword]!.type === 'word'
      const start = typed ? tokens[keyword]!.start : t.start
      const timed = m[2] !== undefined && !/^00:00(:00(\.0+)?)?$/.test(m[2])
      spans.push({ start, end: t.end, kind: 'literal', date: m[1]!, timed, truncated: false, before: comparisonBefore(tokens, typed ? keyword : i) })
      continue
    }
    if (t.type !== 'word') continue
    const open = nextSignificant(tokens, i + 1)
    const called = tokens[open]?.text === '('
    if (lower === 'date_trunc' && called) {
      // DATE_TRUNC('month', CURRENT_DATE) is the start of the current period, not its end.
      const end = callEnd(tokens, open)
      const inner = tokens.slice(open, end)
      if (inner.some((x) => x.type === 'word' && (CLOCK_WORDS.has(x.text.toLowerCase()) || CLOCK_FUNCTIONS.has(x.text.toLowerCase())))) {
        spans.push({ start: t.start, end: tokens[end - 1]!.end, kind: 'clock', date: null, timed: false, truncated: true, before: '' })
        i = end - 1
      }
      continue
    }
    if (CLOCK_WORDS.has(lower) || (CLOCK_FUNCTIONS.has(lower) && called)) {
      const end = called ? callEnd(tokens, open) : i + 1
      spans.push({ start: t.start, end: tokens[end - 1]!.end, kind: 'clock', date: null, timed: false, truncated: false, before: '' })
      i = end - 1
      continue
    }
    if (kind === 'sqlite' && SQLITE_DATE_FUNCTIONS.has(lower) && called) {
      const end = callEnd(tokens, open)
      for (let j = open; j < end; j++) {
        if (tokens[j]!.type === 'string' && tokens[j]!.text.toLowerCase() === "'now'") {
          spans.push({ start: tokens[j]!.start, end: tokens[j]!.end, kind: 'clock', date: null, timed: false, truncated: false, before: '' })
        }
      }
      i = end - 1
    }
  }
  return spans
}

function lineColumn(sql: string, offset: number): { line: number; column: number } {
  const before = sql.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/** The natural period end after `start` that `end` is, if any: one day, week, month or quarter later. */
function spannedGrain(start: string, end: string): Grain | null {
  if (end === addDays(start, 1)) return 'day'
  if (end === addDays(start, 7)) return 'week'
  if (start.endsWith('-01') && end === addMonths(start, 1)) return 'month'
  if (start.endsWith('-01') && end === addMonths(start, 3)) return 'quarter'
  return null
}

/** A date `days` after a bound parameter, in the dialect's own date arithmetic. */
function shifted(param: ':period_start' | ':period_end', days: number, kind: SourceKind): string {
  if (days === 0) return param
  const n = Math.abs(days)
  const sign = days > 0 ? '+' : '-'
  switch (kind) {
    case 'postgres':
    case 'duckdb':
      return `(${param} ${sign} ${n})`
    case 'mysql':
      return `(${param} ${sign} INTERVAL ${n} DAY)`
    case 'sqlite':
      return `date(${param}, '${sign}${n} day')`
    case 'clickhouse':
      return `addDays(${param}, ${days})`
  }
}

function replacements(spans: Span[], kind: SourceKind): { replace: Map<Span, string>; grain: Grain | null } {
  const replace = new Map<Span, string>()
  for (const span of spans) if (span.kind === 'clock') replace.set(span, span.truncated ? ':period_start' : ':period_end')
  const literals = spans.filter((s) => s.kind === 'literal' && !s.timed)
  const dates = [...new Set(literals.map((s) => s.date!))].sort()
  if (dates.length === 0) return { replace, grain: null }
  const lo = dates[0]!
  const hi = dates.at(-1)!
  let grain = dates.length > 1 ? spannedGrain(lo, hi) : null
  // BETWEEN '2025-11-01' AND '2025-11-30': an inclusive last day.
  const inclusive = dates.length > 1 && !grain ? spannedGrain(lo, addDays(hi, 1)) : null
  grain ??= inclusive
  for (const span of literals) {
    const date = span.date!
    if (dates.length === 1) replace.set(span, /^<=?$/.test(span.before) ? ':period_end' : ':period_start')
    else if (date === hi && grain && !inclusive) replace.set(span, ':period_end')
    else if (date === hi && inclusive) replace.set(span, shifted(':period_end', -1, kind))
    else replace.set(span, shifted(':period_start', daysBetween(lo, date), kind))
  }
  return { replace, grain }
}

function rewrite(sql: string, spans: Span[], kind: SourceKind, frequency: Frequency | null): DateRewrite | null {
  const { replace, grain } = replacements(spans, kind)
  if (replace.size === 0) return null
  let formula = ''
  let at = 0
  for (const span of [...replace.keys()].sort((a, b) => a.start - b.start)) {
    formula += sql.slice(at, span.start) + replace.get(span)
    at = span.end
  }
  formula += sql.slice(at)
  const before = sql.split('\n')
  const after = formula.split('\n')
  const changes = before.flatMap((line, i) => (line !== after[i] ? [{ line: i + 1, before: line, after: after[i]! }] : []))
  const suggested = grain ? FREQUENCY_OF[grain] : null
  return { formula, changes, grain, ...(suggested && frequency !== suggested ? { frequency: suggested } : {}) }
}

/**
 * How a formula's result depends on the period: whether it binds `:period_start` / `:period_end`, which
 * dates are written into it or read from the clock, and a rewrite that binds them instead.
 */
export function periodDependence(sql: string, kind: SourceKind, frequency: Frequency | null): PeriodDependence {
  const tokens = tokenize(sql, kind)
  const binds = tokens.some((t) => t.type === 'param' && (t.text === ':period_start' || t.text === ':period_end'))
  const spans = findSpans(tokens, kind)
  const findings = spans.map((s) => ({ kind: s.kind, text: sql.slice(s.start, s.end), ...lineColumn(sql, s.start) }))
  return { binds, findings, rewrite: rewrite(sql, spans, kind, frequency) }
}
