import type { SourceKind } from '../../../db/schema/integrations'
import { AppError } from '../../domain/errors'
import { periodBindings } from '../../domain/period-binding'
import { tokenize, type Token } from './sql-lexer'
import type { Period } from './types'

export interface BoundQuery {
  /** The SQL as sent to the driver, with the dialect's placeholders. */
  text: string
  /** Positional values (pg, duckdb: per placeholder number; mysql, sqlite: per occurrence). */
  values: string[]
  /** Named values (ClickHouse `{period_start:Date}`). */
  named: Record<string, string>
  /** The SQL plus a readable rendering of the bound values, for the preview. */
  preview: string
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function assertPeriod(period: Period): void {
  for (const [name, value] of [
    ['start', period.start],
    ['end', period.end]
  ] as const) {
    if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw new AppError('VALIDATION', `The period's ${name} must be an ISO date (YYYY-MM-DD), got "${value}".`)
    }
  }
  if (period.start >= period.end) {
    throw new AppError('VALIDATION', `The period must end after it starts (${period.start} → ${period.end}, end exclusive).`)
  }
}

/**
 * Replaces `:period_start` / `:period_end` outside literals and comments with real driver
 * placeholders; the values travel separately, never inside the SQL text.
 */
export function bindPeriod(sql: string, kind: SourceKind, period: Period): BoundQuery {
  assertPeriod(period)
  const bindings = periodBindings(period)
  const valueOf = (name: string): string => (name === 'period_start' ? bindings.period_start : bindings.period_end)
  const numbered: string[] = []
  const values: string[] = []
  const named: Record<string, string> = {}
  const notes: string[] = []
  const tokens = tokenize(sql, kind)
  let end = tokens.length
  // Trailing semicolons and comments go: drivers wrap or extend the statement (cursor, FORMAT clause).
  const droppable = (t: Token): boolean => t.type === 'space' || t.type === 'comment' || t.text === ';'
  while (end > 0 && droppable(tokens[end - 1]!)) end--
  const parts = tokens.slice(0, end).map((t) => {
    if (t.type !== 'param') return t.text
    const name = t.text.slice(1)
    const value = valueOf(name)
    switch (kind) {
      case 'postgres':
      case 'duckdb': {
        let n = numbered.indexOf(name) + 1
        if (n === 0) {
          numbered.push(name)
          values.push(value)
          n = numbered.length
          notes.push(`$${n} = DATE '${value}' (${t.text})`)
        }
        // Typed as DATE so that DATE_TRUNC(…, :period_start) and date arithmetic resolve.
        return `$${n}::DATE`
      }
      case 'mysql':
      case 'sqlite':
        values.push(value)
        notes.push(`?${values.length} = '${value}' (${t.text})`)
        return '?'
      case 'clickhouse':
        if (!(name in named)) notes.push(`{${name}:Date} = '${value}'`)
        named[name] = value
        return `{${name}:Date}`
    }
  })
  const text = parts.join('')
  const preview = notes.length > 0 ? `${text}\n-- ${notes.join('\n-- ')}` : text
  return { text, values, named, preview }
}
