import { sql } from 'drizzle-orm'
import { integer, primaryKey, sqliteTable, sqliteView, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type {
  Aggregation,
  AlertThresholds,
  Benchmark,
  Direction,
  Frequency,
  Milestone,
  RevisionKind,
  RevisionSource,
  Stage,
  Status,
  Target
} from '../../electron/domain/kpi'
import type { BoardLanguage } from '../../electron/domain/board-language'
import type { Grain } from '../../electron/domain/period'
import type { ResultMapping } from '../../electron/domain/result-mapping'
import { appendId, id, timestamp } from './columns'

export const board = sqliteTable(
  'board',
  {
    id: id(),
    name: text().notNull(),
    description: text().notNull().default(''),
    // The language the board's stage prompts, launch notices and analyzer texts are written in; null: inferred from its KPIs.
    language: text().$type<BoardLanguage>(),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
    // Boards are hidden, never erased: their KPIs' history stays in the workspace.
    deletedAt: timestamp()
  },
  (t) => [
    uniqueIndex('board_name_live')
      .on(t.name)
      .where(sql`deleted_at IS NULL`)
  ]
)
export type Board = typeof board.$inferSelect
export type NewBoard = typeof board.$inferInsert

/** A KPI's identity. `code` is a read model kept in step with its newest revision (codes are unique per board). */
export const kpi = sqliteTable(
  'kpi',
  {
    id: id(),
    boardId: integer()
      .notNull()
      .references(() => board.id),
    code: text().notNull(),
    createdAt: timestamp().notNull()
  },
  (t) => [uniqueIndex('kpi_board_code').on(t.boardId, t.code)]
)
export type Kpi = typeof kpi.$inferSelect

/** Immutable full snapshots of a KPI's fields. Rows are inserted, never updated or deleted. */
export const kpiRevision = sqliteTable(
  'kpi_revision',
  {
    id: appendId(),
    kpiId: integer()
      .notNull()
      .references(() => kpi.id),
    number: integer().notNull(),
    parentId: integer(),
    kind: text().$type<RevisionKind>().notNull(),
    /** Major version of the KPI's meaning: bumped when formula or data source change after launch. */
    major: integer().notNull().default(1),
    code: text().notNull(),
    name: text().notNull(),
    description: text().notNull(),
    category: text().notNull(),
    formula: text().notNull(),
    dataSource: text().notNull(),
    sourceNote: text().notNull().default(''),
    mapping: text({ mode: 'json' }).$type<ResultMapping | null>(),
    target: text({ mode: 'json' }).$type<Target | null>(),
    unit: text().notNull(),
    direction: text().$type<Direction>().notNull(),
    frequency: text().$type<Frequency | null>(),
    owner: text().notNull(),
    alertThresholds: text({ mode: 'json' }).$type<AlertThresholds | null>(),
    benchmarks: text({ mode: 'json' }).$type<Benchmark[]>().notNull(),
    milestones: text({ mode: 'json' }).$type<Milestone[]>().notNull(),
    stage: text().$type<Stage>().notNull(),
    status: text().$type<Status>().notNull(),
    tags: text({ mode: 'json' }).$type<string[]>().notNull(),
    notes: text().notNull(),
    // Judging on the right period (issue 14, health): null means inferred from the target, unit and name.
    targetPeriod: text().$type<Grain | null>(),
    aggregation: text().$type<Aggregation | null>(),
    author: text().notNull(),
    source: text().$type<RevisionSource>().notNull(),
    reason: text().notNull().default(''),
    proposalId: integer(),
    createdAt: timestamp().notNull()
  },
  (t) => [uniqueIndex('kpi_revision_number').on(t.kpiId, t.number)]
)
export type KpiRevision = typeof kpiRevision.$inferSelect
export type NewKpiRevision = typeof kpiRevision.$inferInsert

/**
 * Each KPI with its head, the newest revision. Revisions are append-only, so the head is the one with
 * the highest number, found by one seek in kpi_revision_number; an edit writes no pointer to it.
 */
export const kpiHead = sqliteView('kpi_head', {
  kpiId: integer().notNull(),
  boardId: integer().notNull(),
  revisionId: integer().notNull()
}).as(
  sql`SELECT k.id AS kpi_id, k.board_id AS board_id, (SELECT h.id FROM kpi_revision h WHERE h.kpi_id = k.id ORDER BY h.number DESC LIMIT 1) AS revision_id FROM kpi k`
)

export const boardVersion = sqliteTable(
  'board_version',
  {
    id: id(),
    boardId: integer()
      .notNull()
      .references(() => board.id),
    label: text().notNull(),
    note: text().notNull().default(''),
    author: text().notNull(),
    createdAt: timestamp().notNull()
  },
  (t) => [uniqueIndex('board_version_label').on(t.boardId, t.label)]
)
export type BoardVersion = typeof boardVersion.$inferSelect

/** A version pins exactly one revision of each KPI that was on the board when it was cut. */
export const boardVersionItem = sqliteTable(
  'board_version_item',
  {
    versionId: integer()
      .notNull()
      .references(() => boardVersion.id),
    kpiId: integer()
      .notNull()
      .references(() => kpi.id),
    revisionId: integer()
      .notNull()
      .references(() => kpiRevision.id)
  },
  (t) => [primaryKey({ columns: [t.versionId, t.kpiId] })]
)

// No secondary index: every mutation writes here, and the log is read newest-first by rowid.
export const auditLog = sqliteTable('audit_log', {
  id: appendId(),
  at: timestamp().notNull(),
  actor: text().notNull(),
  action: text().notNull(),
  boardId: integer(),
  kpiId: integer(),
  summary: text().notNull(),
  details: text({ mode: 'json' }).$type<Record<string, unknown>>()
})
export type AuditEntry = typeof auditLog.$inferSelect
