import type { proposal } from '../../../db/schema'
import type { SqlRow } from '../../../db/sql-row'
import type { ProposalView } from '../../domain/views'
import type { AcceptedEdit, FieldPatch } from '../../domain/proposal'

/** A proposal row as raw SQL returns it, with the KPI's head revision where the query joins it. */
export type ProposalRow = SqlRow<typeof proposal> & { head_revision_id?: number | null }

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
