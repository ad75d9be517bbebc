import type { TableInfo } from '../types'

export interface ColumnRow {
  schema?: string | null
  name: string
  column: string
  type: string
}

/** information_schema-style rows (one per column, ordered) → one entry per table. */
export function groupColumns(rows: ColumnRow[]): TableInfo[] {
  const tables = new Map<string, TableInfo>()
  for (const row of rows) {
    const key = `${row.schema ?? ''}\u0000${row.name}`
    let table = tables.get(key)
    if (!table) {
      table = { ...(row.schema ? { schema: row.schema } : {}), name: row.name, columns: [] }
      tables.set(key, table)
    }
    table.columns.push({ name: row.column, type: row.type })
  }
  return [...tables.values()]
}
