import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Stage } from '../../electron/domain/kpi'
import type { NotifyChannel, ReviewCadence } from '../../electron/domain/launch-plan'
import type { MeasurementSource } from '../../electron/domain/measurement'
import type { AcceptedEdit, Engine, FieldPatch, ProposalStatus } from '../../electron/domain/proposal'
import { id, timestamp } from './columns'
import { board, boardVersion, kpi, kpiRevision } from './workspace'

/**
 * Actual values. A re-pull of the same period appends a row; the latest row per
 * (kpi, period) is the current value and the earlier ones stay as history.
 */
export const measurement = sqliteTable(
  'measurement',
  {
    id: id(),
    kpiId: integer()
      .notNull()
      .references(() => kpi.id),
    periodStart: text().notNull(),
    periodEnd: text().notNull(),
    value: real().notNull(),
    source: text().$type<MeasurementSource>().notNull(),
    dataSourceId: integer(),
    queryHash: text(),
    note: text().notNull().default(''),
    author: text().notNull(),
    recordedAt: timestamp().notNull()
  },
  (t) => [index('measurement_kpi_period').on(t.kpiId, t.periodStart, t.periodEnd)]
)
export type MeasurementRow = typeof measurement.$inferSelect

export const proposal = sqliteTable(
  'proposal',
  {
    id: id(),
    boardId: integer()
      .notNull()
      .references(() => board.id),
    /** Null for a board-level proposal to add a KPI. */
    kpiId: integer().references(() => kpi.id),
    /** The revision the proposal was computed against, so a stale proposal can be recognised. */
    baseRevisionId: integer(),
    engine: text().$type<Engine>().notNull(),
    stage: text().$type<Stage>().notNull(),
    kind: text().$type<'patch' | 'add' | 'retire'>().notNull(),
    code: text().notNull(),
    patches: text({ mode: 'json' }).$type<FieldPatch[]>().notNull(),
    rationale: text().notNull(),
    rule: text(),
    status: text().$type<ProposalStatus>().notNull(),
    sessionId: integer(),
    decidedBy: text(),
    decidedAt: timestamp(),
    decisionNote: text(),
    acceptedFields: text({ mode: 'json' }).$type<string[]>(),
    /** Values the user changed before accepting, with what was proposed; null when accepted as proposed. */
    acceptedEdits: text({ mode: 'json' }).$type<AcceptedEdit[]>(),
    resultRevisionId: integer().references(() => kpiRevision.id),
    createdAt: timestamp().notNull()
  },
  (t) => [index('proposal_board').on(t.boardId, t.status), index('proposal_kpi').on(t.kpiId, t.createdAt)]
)
export type ProposalRow = typeof proposal.$inferSelect

export interface SessionMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
  at: number
}

export const reviewSession = sqliteTable('review_session', {
  id: id(),
  boardId: integer()
    .notNull()
    .references(() => board.id),
  stage: text().$type<Stage>().notNull(),
  engine: text().$type<Engine>().notNull(),
  model: text(),
  templateId: integer(),
  messages: text({ mode: 'json' }).$type<SessionMessage[]>().notNull(),
  promptTokens: integer().notNull().default(0),
  completionTokens: integer().notNull().default(0),
  costUsd: real().notNull().default(0),
  status: text().$type<'running' | 'done' | 'failed' | 'cancelled'>().notNull(),
  error: text(),
  createdAt: timestamp().notNull(),
  finishedAt: timestamp()
})
export type ReviewSessionRow = typeof reviewSession.$inferSelect

/** User edits of the stage prompts; every save is a new row, the latest per stage wins. */
export const promptTemplate = sqliteTable('prompt_template', {
  id: id(),
  stage: text().notNull(),
  /** The board language the template is written for: each stage has a Chinese and an English prompt. */
  locale: text().$type<'en' | 'zh-CN'>().notNull().default('en'),
  body: text().notNull(),
  author: text().notNull(),
  createdAt: timestamp().notNull()
})

/** Answers of the LLM keyed by (model, prompt hash) so an identical review costs nothing. */
export const llmCache = sqliteTable('llm_cache', {
  key: text().primaryKey(),
  model: text().notNull(),
  response: text().notNull(),
  promptTokens: integer().notNull(),
  completionTokens: integer().notNull(),
  createdAt: timestamp().notNull()
})

/** Dev-review notes and other remarks kept with a board version. */
export const versionNote = sqliteTable('version_note', {
  id: id(),
  versionId: integer().references(() => boardVersion.id),
  boardId: integer()
    .notNull()
    .references(() => board.id),
  kind: text().$type<'dev-review' | 'launch-plan' | 'note'>().notNull(),
  body: text().notNull(),
  author: text().notNull(),
  createdAt: timestamp().notNull()
})

/** A board's launch plan; every save is a new row and the latest per board is the plan in force. */
export const launchPlan = sqliteTable(
  'launch_plan',
  {
    id: id(),
    boardId: integer()
      .notNull()
      .references(() => board.id),
    launchDate: text().notNull(),
    owner: text().notNull(),
    cadence: text().$type<ReviewCadence>().notNull(),
    notify: text({ mode: 'json' }).$type<string[]>().notNull(),
    channel: text().$type<NotifyChannel>().notNull(),
    destination: text().notNull(),
    author: text().notNull(),
    createdAt: timestamp().notNull()
  },
  (t) => [index('launch_plan_board').on(t.boardId, t.id)]
)
