import type { Table } from 'drizzle-orm'

/** "kpiId" → "kpi_id": how the schema's `casing: 'snake_case'` names a column in SQL. */
type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S

/** A value as SQLite hands it back: JSON columns as their text, booleans as 0 or 1. */
type SqlValue<V> = V extends string | number | null ? V : V extends boolean ? number : string

/**
 * A row of `table` as a raw `SELECT *` returns it through better-sqlite3 (snake_case names, JSON as text), derived
 * from the drizzle schema: the hot paths that stay raw SQL (benchmarked) read rows of this type, so a renamed,
 * added or retyped column fails the typecheck where the raw SQL reads it.
 */
export type SqlRow<T extends Table> = {
  [K in keyof T['$inferSelect'] & string as SnakeCase<K>]: SqlValue<T['$inferSelect'][K]>
}
