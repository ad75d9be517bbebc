import type { ProposalView } from '../../domain/views'
import type { AcceptedEdit, Engine, FieldPatch, ProposalStatus } from '../../domain/proposal'
import type { Stage } from '../../domain/kpi'

export interface ProposalRow {
  id: number
  board_id: number
  kpi_id: number | null
  base_revision_id: number | null
  engine: Engine
  stage: Stage
  kind: 'patch' | 'add' | 'retire'
  code: string
  patches: string
  rationale: string
  rule: string | null
  status: ProposalStatus
  session_id: number | null
  decided_by: string | null
  decided_at: number | null
  decision_note: string | null
  accepted_fields: string | null
  accepted_edits: string | null
  result_revision_id: number | null
  created_at: number
  head_revision_id?: number | null
}

export function toProposalView(row: ProposalRow, current: (field: string) => unknown): ProposalView {
  const patches = JSON.parse(row.patches) as FieldPatch[]
  return {
    id: row.id,
    boardId: row.board_id,
    kpiId: row.kpi_id,
    code: row.code,
    engine: row.engine,
    stage: row.stage,
    kind: row.kind,
    patches: patches.map((p) => ({ ...p, current: current(p.field) })),
    rationale: row.rationale,
    rule: row.rule,
    status: row.status,
    sessionId: row.session_id,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    acceptedFields: row.accepted_fields ? (JSON.parse(row.accepted_fields) as string[]) : null,
    acceptedEdits: row.accepted_edits ? (JSON.parse(row.accepted_edits) as AcceptedEdit[]) : null,
    resultRevisionId: row.result_revision_id,
    createdAt: row.created_at,
    stale: row.kind === 'patch' && row.status === 'pending' && row.head_revision_id != null && row.head_revision_id !== row.base_revision_id
  }
}
