import type { kpiRevision } from '../../../db/schema'
import type { SqlRow } from '../../../db/sql-row'
import type { KpiView, RevisionView } from '../../domain/views'
import type { KpiFields, RevisionKind, RevisionSource } from '../../domain/kpi'

/** A kpi_revision row as better-sqlite3 returns it (snake_case, JSON as text). */
export type RevisionRow = SqlRow<typeof kpiRevision>

// Most KPIs have no benchmarks, milestones or tags: skip JSON.parse for the empty forms (board load).
const parseJson = <T>(text: string | null, empty: T): T =>
  text === null || text === '' || text === '[]' || text === 'null' ? structuredEmpty(empty) : (JSON.parse(text) as T)
const structuredEmpty = <T>(empty: T): T => (Array.isArray(empty) ? ([] as T) : empty)

export function rowToFields(row: RevisionRow): KpiFields {
  return {
    code: row.code,
    name: row.name,
    description: row.description,
    category: row.category,
    formula: row.formula,
    dataSource: row.data_source,
    sourceNote: row.source_note,
    mapping: parseJson(row.mapping, null),
    target: parseJson(row.target, null),
    unit: row.unit,
    direction: row.direction,
    frequency: row.frequency,
    owner: row.owner,
    alertThresholds: parseJson(row.alert_thresholds, null),
    benchmarks: parseJson(row.benchmarks, []),
    milestones: parseJson(row.milestones, []),
    stage: row.stage,
    status: row.status,
    tags: parseJson(row.tags, []),
    notes: row.notes,
    targetPeriod: row.target_period,
    aggregation: row.aggregation
  }
}

/** Which revision of which KPI a view shows. */
export interface ViewMeta {
  kpiId: number
  boardId: number
  revisionId: number
  number: number
  major: number
  createdAt: number
  author: string
}

/**
 * A KPI as it reads at one revision, written out as one object literal: spreading the fields into a
 * wider object sends V8 down a slow path that made board load and edits several times slower.
 */
export function kpiView(f: KpiFields, m: ViewMeta): KpiView {
  return {
    code: f.code,
    name: f.name,
    description: f.description,
    category: f.category,
    formula: f.formula,
    dataSource: f.dataSource,
    sourceNote: f.sourceNote,
    mapping: f.mapping,
    target: f.target,
    unit: f.unit,
    direction: f.direction,
    frequency: f.frequency,
    owner: f.owner,
    alertThresholds: f.alertThresholds,
    benchmarks: f.benchmarks,
    milestones: f.milestones,
    stage: f.stage,
    status: f.status,
    tags: f.tags,
    notes: f.notes,
    targetPeriod: f.targetPeriod,
    aggregation: f.aggregation,
    id: m.kpiId,
    boardId: m.boardId,
    revisionId: m.revisionId,
    revisionNumber: m.number,
    major: m.major,
    updatedAt: m.createdAt,
    updatedBy: m.author
  }
}

/** A revision joined with its KPI's board, as the KPI looked at that revision. */
export function rowToKpiView(row: RevisionRow & { board_id: number }): KpiView {
  return kpiView(rowToFields(row), {
    kpiId: row.kpi_id,
    boardId: row.board_id,
    revisionId: row.id,
    number: row.number,
    major: row.major,
    createdAt: row.created_at,
    author: row.author
  })
}

export function rowToRevision(row: RevisionRow): RevisionView {
  // rowToFields returns a fresh literal: adding to it stays on V8's fast path, unlike a spread.
  return Object.assign(rowToFields(row), {
    id: row.id,
    kpiId: row.kpi_id,
    number: row.number,
    parentId: row.parent_id,
    kind: row.kind,
    major: row.major,
    author: row.author,
    source: row.source,
    reason: row.reason,
    proposalId: row.proposal_id,
    createdAt: row.created_at
  })
}

// Positional parameters: binding an array is markedly cheaper than named binding on the edit hot path.
export const INSERT_REVISION_SQL = `INSERT INTO kpi_revision (
  kpi_id, number, parent_id, kind, major, code, name, description, category, formula, data_source,
  source_note, mapping, target, unit, direction, frequency, owner, alert_thresholds, benchmarks, milestones, stage, status,
  tags, notes, target_period, aggregation, author, source, reason, proposal_id, created_at
) VALUES (${Array(32).fill('?').join(', ')})`

export interface RevisionMeta {
  kpiId: number
  number: number
  parentId: number | null
  kind: RevisionKind
  major: number
  author: string
  source: RevisionSource
  reason: string
  proposalId: number | null
  createdAt: number
}

/** The values of INSERT_REVISION_SQL, in its column order. */
export function revisionParams(fields: KpiFields, meta: RevisionMeta): unknown[] {
  return [
    meta.kpiId,
    meta.number,
    meta.parentId,
    meta.kind,
    meta.major,
    fields.code,
    fields.name,
    fields.description,
    fields.category,
    fields.formula,
    fields.dataSource,
    fields.sourceNote,
    fields.mapping ? JSON.stringify(fields.mapping) : null,
    fields.target ? JSON.stringify(fields.target) : null,
    fields.unit,
    fields.direction,
    fields.frequency,
    fields.owner,
    fields.alertThresholds ? JSON.stringify(fields.alertThresholds) : null,
    JSON.stringify(fields.benchmarks),
    JSON.stringify(fields.milestones),
    fields.stage,
    fields.status,
    JSON.stringify(fields.tags),
    fields.notes,
    fields.targetPeriod,
    fields.aggregation,
    meta.author,
    meta.source,
    meta.reason,
    meta.proposalId,
    meta.createdAt
  ]
}
