import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { appendId, timestamp } from './columns'
import { board, kpi } from './workspace'

/** One committed PRD import: which document, into which board, by whom. Append-only. */
export const prdImport = sqliteTable('prd_import', {
  id: appendId(),
  boardId: integer()
    .notNull()
    .references(() => board.id),
  fileName: text().notNull(),
  actor: text().notNull(),
  importedAt: timestamp().notNull()
})
export type PrdImportRow = typeof prdImport.$inferSelect

/**
 * The document's own words for each KPI of an import (its lines under its section heading), so that the
 * draft review works from the PRD rather than from a file name. Append-only: a re-import adds a passage.
 */
export const prdPassage = sqliteTable(
  'prd_passage',
  {
    id: appendId(),
    importId: integer()
      .notNull()
      .references(() => prdImport.id),
    kpiId: integer()
      .notNull()
      .references(() => kpi.id),
    lineStart: integer().notNull(),
    lineEnd: integer().notNull(),
    text: text().notNull()
  },
  (t) => [index('prd_passage_kpi').on(t.kpiId, t.id)]
)
export type PrdPassageRow = typeof prdPassage.$inferSelect
