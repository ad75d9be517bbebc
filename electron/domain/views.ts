import type { BoardLanguage } from './board-language'
import type { HealthDecision, HealthLevel, JudgingView } from './judging/health-types'
import type { Freshness } from './freshness'
import type { FormulaProtection } from './source-protection'
import type { KpiField, KpiFields, RevisionKind, RevisionSource, Stage } from './kpi'
import type { CandidateOrigin, SkippedSection } from './prd-candidates'
import type { AcceptedEdit } from './proposal'

export interface BoardView {
  id: number
  name: string
  description: string
  createdAt: number
  updatedAt: number
  kpiCount: number
  stageCounts: Partial<Record<Stage, number>>
  latestVersion: string | null
  /** What its stage prompts, launch notices and analyzer texts are written in. */
  language: BoardLanguage
  /** False: nobody chose it; it is read from the board's KPIs (boards made before the setting existed). */
  languageSet: boolean
}

export interface KpiView extends KpiFields {
  id: number
  boardId: number
  revisionId: number
  revisionNumber: number
  /** Major version of the KPI's meaning (bumped by a formula/source change after launch). */
  major: number
  updatedAt: number
  updatedBy: string
}

export interface RevisionView extends KpiFields {
  id: number
  kpiId: number
  number: number
  parentId: number | null
  kind: RevisionKind
  major: number
  author: string
  source: RevisionSource
  reason: string
  proposalId: number | null
  /** In a KPI's history: the proposal's values the user changed before accepting it (this revision holds the edited ones). */
  acceptedEdits?: AcceptedEdit[] | null
  createdAt: number
}

export interface FieldChange {
  field: KpiField
  from: unknown
  to: unknown
}

export interface RevisionDiff {
  kpiId: number
  from: number
  to: number
  changes: FieldChange[]
}

export interface VersionView {
  id: number
  boardId: number
  label: string
  note: string
  author: string
  createdAt: number
  kpiCount: number
}

export interface KpiSummary {
  kpiId: number
  code: string
  name: string
}

export interface VersionDiff {
  from: string
  to: string
  added: KpiSummary[]
  removed: KpiSummary[]
  changed: (KpiSummary & { fromRevision: number; toRevision: number; changes: FieldChange[] })[]
  unchanged: number
}

export interface AuditView {
  id: number
  at: number
  actor: string
  action: string
  boardId: number | null
  kpiId: number | null
  summary: string
  details: Record<string, unknown> | null
}

/** One page of a board's filtered audit log, with the actors and actions the filters offer. */
export interface AuditPage {
  entries: AuditView[]
  total: number
  actors: string[]
  actions: string[]
}

/**
 * One keyset page of a board, in KPI id order (the order of the whole list): `next` is the cursor to pass as `after`
 * for the following page, null on the last one; `total` counts the board as it is when the first page was read, and is
 * null on the pages after it (a count walks the whole board: once per stream, not once per page).
 */
export interface BoardPage<T> {
  rows: T[]
  next: number | null
  total: number | null
}

export interface MeasurementView {
  id: number
  kpiId: number
  periodStart: string
  periodEnd: string
  value: number
  source: 'manual' | 'csv' | 'query' | 'import'
  dataSourceId: number | null
  queryHash: string | null
  note: string
  author: string
  recordedAt: number
}

export interface SourceView {
  id: number
  name: string
  kind: 'postgres' | 'mysql' | 'sqlite' | 'duckdb' | 'clickhouse'
  /** Connection URL without password. */
  url: string
  /** Whether a password/token is available (never the secret itself). */
  hasSecret: boolean
  allowRawRows: boolean
  timeoutMs: number | null
  /** Bucket length of its real-time KPIs in minutes; null: the default (5). */
  realtimeMinutes: number | null
  updatedAt: number
}

export interface PullResult {
  kpiId: number
  code: string
  outcome: 'pulled' | 'skipped' | 'failed'
  /** Why a KPI was skipped, for the UI to say in its language (`message` says it in English). */
  skipReason?: 'no-formula' | 'manual' | 'not-connected'
  stored: number
  values: { periodStart: string; periodEnd: string; value: number }[]
  /** Periods the formula returned NULL for (no data, a division by zero): nothing stored for them. */
  empty?: { periodStart: string; periodEnd: string }[]
  /** A rolling KPI's value describes this moment (ISO time), stored on its day. */
  asOf?: string
  /** Time spent in the source database. */
  queryMs?: number
  message?: string
  errorCode?: string
}

export interface PullSummary {
  results: PullResult[]
  stored: number
  failed: number
}

/** One scheduled run over the KPIs that are due (`kpiloop actuals pull --due`): each board's pull. */
export interface DuePullSummary {
  boards: (PullSummary & { boardId: number; board: string })[]
  stored: number
  failed: number
}

export interface ProposalView {
  id: number
  boardId: number
  kpiId: number | null
  code: string
  engine: 'analyzer' | 'assistant'
  stage: Stage
  kind: 'patch' | 'add' | 'retire'
  /** For `add`, one entry whose value holds the new KPI's fields. */
  patches: { field: KpiField; value: unknown; rationale: string; current: unknown }[]
  rationale: string
  rule: string | null
  status: 'pending' | 'accepted' | 'partial' | 'rejected' | 'superseded'
  sessionId: number | null
  decidedBy: string | null
  decidedAt: number | null
  decisionNote: string | null
  acceptedFields: string[] | null
  /** Accepted with changes: the values the user edited first, beside what was proposed. */
  acceptedEdits: AcceptedEdit[] | null
  resultRevisionId: number | null
  createdAt: number
  /** The KPI changed since the proposal was made. */
  stale: boolean
}

export interface GateItem {
  id: string
  ok: boolean
  label: string
  /** The stage whose gate this item belongs to. */
  stage: Stage
  detail?: string
}

export interface StageMove {
  kpi: KpiView
  checklist: GateItem[]
  overridden: boolean
}

export interface KpiStatus {
  kpiId: number
  code: string
  /** The latest target period's value: aggregated from finer values, the value so far while it runs. */
  value: number | null
  periodStart: string | null
  periodEnd: string | null
  /** `2026-11`, `2026-W45` … */
  periodLabel: string | null
  level: HealthLevel
  attainment: number | null
  reason: string
  /** Which part of the colour rule decided (or why there is no colour), and what it overrode. */
  decidedBy: HealthDecision
  /** The period has not ended: not judged; `projection` is where it is heading, labelled as such. */
  inProgress: boolean
  projection: number | null
  /** Values the period holds, and how many it should (null when they are not of one grain). */
  parts: number
  expectedParts: number | null
  judging: JudgingView
  latestProposal: { id: number; status: ProposalView['status']; rationale: string; engine: ProposalView['engine'] } | null
  /** Freshness: when the latest value was stored (epoch ms), null without one. */
  lastValueAt: number | null
  /** How old its newest value is against its interval (a bucket, or its period), and when it turns stale (never before trial). */
  freshness: Freshness
  /** A measured KPI (trial and on) past `freshness.staleAt`: its schedule has not stored a value since. */
  stale: boolean
}

export interface VersionNoteView {
  id: number
  boardId: number
  versionId: number | null
  kind: 'dev-review' | 'launch-plan' | 'note'
  body: string
  author: string
  createdAt: number
}

export interface SourceTest {
  serverVersion: string
  user?: string
  canWrite: boolean
  writeReason?: string
  protection: FormulaProtection
}

export interface TableView {
  schema?: string
  name: string
  columns: { name: string; type: string }[]
}

export interface ImportCandidateView {
  index: number
  fields: KpiFields
  /** The current value as written in the document (tables), recorded as a measurement on commit. */
  currentValue: string | null
  confidence: number
  warnings: string[]
  lines: { start: number; end: number }
  origin: CandidateOrigin | 'assistant'
  /** The document's own words for this KPI (its lines under its section heading). */
  passage: string
  /** Who found it: the offline reading of the document, the assistant, or both (then merged). */
  found: 'document' | 'assistant' | 'both'
  /** Fields the assistant filled where the document left them empty. */
  assisted: KpiField[]
  /** The board's KPI this one matches (by code, else name) and what would change. */
  match: { kpiId: number; code: string; changes: FieldChange[] } | null
  action: 'create' | 'update' | 'unchanged'
}

export interface ImportPreview {
  fileName: string
  candidates: ImportCandidateView[]
  /** Sections with text that gave no KPI, and why ("§4 验收标准: acceptance criteria"). */
  skipped: SkippedSection[]
  notes: string[]
  lineCount: number
  /** Set when the assistant was asked: what it added, or why it could not (the document's own finds stay). */
  assistant?: { status: 'done'; added: number; enriched: number } | { status: 'failed'; code: string; message: string }
}

export interface ImportCommitResult {
  boardId: number
  /** The version the import cut; null when nothing changed (a re-import of an unchanged PRD cuts nothing). */
  version: string | null
  nothingChanged: boolean
  created: number
  updated: number
  unchanged: number
  values: number
}

export interface AlertView {
  id: number
  kpiId: number
  code: string
  /** `red`: the KPI crossed into red; `rule`: a period-over-period rule broke. */
  level: 'red' | 'yellow' | 'rule'
  severity: 'P0' | 'P1' | 'P2' | 'P3' | null
  rule: string | null
  message: string
  createdAt: number
  acknowledgedAt: number | null
}

export interface AppInfo {
  version: string
  workspace: string
  mode: 'desktop' | 'web' | 'cli'
  /** The OS locale the shell detected, used until the user picks one. */
  systemLocale: string
  /** Set when the workspace could only be opened for reading (the disk was full). */
  readOnly: 'disk-full' | null
}
