import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { id, timestamp } from './columns'
import { kpi, kpiRevision } from './workspace'

export type SourceKind = 'postgres' | 'mysql' | 'sqlite' | 'duckdb' | 'clickhouse'

/** A connection. Its secret is only a reference (`secretRef`) into the encrypted secret store. */
export const dataSource = sqliteTable(
  'data_source',
  {
    id: id(),
    name: text().notNull(),
    kind: text().$type<SourceKind>().notNull(),
    /** Connection URL without password. */
    url: text().notNull(),
    options: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    secretRef: text(),
    /** Whether raw rows (not only aggregates) may be shown to the LLM. */
    allowRawRows: integer({ mode: 'boolean' }).notNull().default(false),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
    deletedAt: timestamp()
  },
  (t) => [uniqueIndex('data_source_name').on(t.name)]
)
export type DataSourceRow = typeof dataSource.$inferSelect

/** Secrets encrypted by the OS keychain (Electron safeStorage). Never plain text. */
export const secret = sqliteTable('secret', {
  ref: text().primaryKey(),
  ciphertext: text().notNull(),
  updatedAt: timestamp().notNull()
})

export const alertEvent = sqliteTable(
  'alert_event',
  {
    id: id(),
    kpiId: integer()
      .notNull()
      .references(() => kpi.id),
    measurementId: integer(),
    level: text().$type<'red' | 'yellow' | 'rule'>().notNull(),
    severity: text().$type<'P0' | 'P1' | 'P2' | 'P3'>(),
    rule: text(),
    message: text().notNull(),
    createdAt: timestamp().notNull(),
    acknowledgedAt: timestamp()
  },
  (t) => [index('alert_event_kpi').on(t.kpiId, t.createdAt)]
)

/** Which external page / issue / card a KPI was exported to, so a re-export updates it. */
export const exportLink = sqliteTable(
  'export_link',
  {
    id: id(),
    kpiId: integer()
      .notNull()
      .references(() => kpi.id),
    target: text().$type<'notion' | 'jira' | 'trello'>().notNull(),
    /** Database / project / board the item lives in. */
    container: text().notNull(),
    externalId: text().notNull(),
    externalUrl: text(),
    lastRevisionId: integer().references(() => kpiRevision.id),
    exportedAt: timestamp().notNull()
  },
  (t) => [uniqueIndex('export_link_target').on(t.kpiId, t.target, t.container)]
)
export type ExportLinkRow = typeof exportLink.$inferSelect

export const setting = sqliteTable('setting', {
  key: text().primaryKey(),
  value: text({ mode: 'json' }).$type<unknown>().notNull(),
  updatedAt: timestamp().notNull()
})
