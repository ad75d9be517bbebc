import type { SourceKind } from '../../../db/schema/integrations'
import { isInstant } from '../../domain/buckets'
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
  /** Bucket bounds (UTC instants): the driver reads the session in UTC, so naive timestamp columns count as UTC. */
  utc: boolean
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function assertPeriod(period: Period): void {
  const instants = isInstant(period.start)
  for (const [name, value] of [
    ['start', period.start],
    ['end', period.end]
  ] as const) {
    const ok = instants ? isInstant(value) : ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    if (!ok) {
      throw new AppError(
        'VALIDATION',
        `The period's ${name} must be an ISO date (YYYY-MM-DD), or for a bucket a UTC instant (YYYY-MM-DDTHH:MM:SSZ), like its other end; got "${value}".`
      )
    }
  }
  if (period.start >= period.end) {
    throw new AppError('VALIDATION', `The period must end after it starts (${period.start} → ${period.end}, end exclusive).`)
  }
}

/**
 * How a bucket bound (a UTC instant) reaches each dialect: PostgreSQL as timestamptz in a session set to
 * UTC (exact for timestamptz columns; a `timestamp` column is read as UTC wall time); MySQL/MariaDB,
 * SQLite and DuckDB as the naive UTC text `2025-12-10 09:05:00` (MySQL's session time_zone is UTC, so
 * TIMESTAMP and DATETIME columns both compare in UTC); ClickHouse as DateTime('UTC').
 */
const naiveUtc = (instant: string): string => instant.slice(0, 19).replace('T', ' ')

/**
 * Replaces `:period_start` / `:period_end` outside literals and comments with real driver
 * placeholders; the values travel separately, never inside the SQL text. Dates bind as DATE,
 * bucket bounds as timestamps (see naiveUtc).
 */
export function bindPeriod(sql: string, kind: SourceKind, period: Period): BoundQuery {
  assertPeriod(period)
  const utc = isInstant(period.start)
  const bindings = periodBindings(period)
  const given = (name: string): string => (name === 'period_start' ? bindings.period_start : bindings.period_end)
  const valueOf = (name: string): string => (utc && kind !== 'postgres' ? naiveUtc(given(name)) : given(name))
  const sqlType = utc ? (kind === 'postgres' ? 'TIMESTAMPTZ' : 'TIMESTAMP') : 'DATE'
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
          notes.push(`$${n} = ${sqlType} '${value}' (${t.text})`)
        }
        // Typed so that DATE_TRUNC(…, :period_start) and date arithmetic resolve.
        return `$${n}::${sqlType}`
      }
      case 'mysql':
      case 'sqlite':
        values.push(value)
        notes.push(`?${values.length} = '${value}' (${t.text})`)
        return '?'
      case 'clickhouse': {
        const type = utc ? "DateTime('UTC')" : 'Date'
        if (!(name in named)) notes.push(`{${name}:${type}} = '${value}'`)
        named[name] = value
        return `{${name}:${type}}`
      }
    }
  })
  const text = parts.join('')
  const preview = notes.length > 0 ? `${text}\n-- ${notes.join('\n-- ')}` : text
  return { text, values, named, preview, utc }
}
