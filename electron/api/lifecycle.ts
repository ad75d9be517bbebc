import { z } from 'zod'
import { STAGES } from '../domain/kpi'
import { PROPOSAL_STATUSES } from '../domain/proposal'
import { id, procedure, result } from './procedure'
import type { AlertView, GateItem, KpiStatus, ProposalView, StageMove, VersionNoteView } from '../domain/views'

const stage = z.enum(STAGES)
const reason = z.string().trim().max(2000).optional()

export const lifecycleProcedures = {
  'stage.checklist': procedure({ input: z.strictObject({ kpiId: id, to: stage }), output: result<GateItem[]>() }),
  'stage.set': procedure({
    writes: true,
    input: z.strictObject({ kpiId: id, to: stage, reason, confirmTarget: z.boolean().optional() }),
    output: result<StageMove>()
  }),
  /** Moves a whole board (or a selection) to a stage; returns what moved, what a gate blocked, and the version label to cut. */
  'stage.moveBoard': procedure({
    writes: true,
    input: z.strictObject({ boardId: id, to: stage, kpiIds: z.array(id).optional(), reason, confirmTarget: z.boolean().optional() }),
    output: result<{ moved: StageMove[]; blocked: { code: string; checklist: GateItem[] }[]; suggestedLabel: string }>()
  }),
  'status.board': procedure({ input: z.strictObject({ boardId: id }), output: result<KpiStatus[]>() }),
  'proposal.list': procedure({
    input: z.strictObject({ boardId: id, status: z.enum(PROPOSAL_STATUSES).optional(), kpiId: id.optional() }),
    output: result<ProposalView[]>()
  }),
  'proposal.get': procedure({ input: z.strictObject({ id }), output: result<ProposalView>() }),
  'proposal.accept': procedure({
    writes: true,
    input: z.strictObject({
      id,
      fields: z.array(z.string()).min(1).optional(),
      edits: z.record(z.string(), z.unknown()).optional(),
      note: reason,
      rebaseline: z.boolean().optional(),
      confirmTarget: z.boolean().optional()
    }),
    output: result<ProposalView>()
  }),
  'proposal.reject': procedure({ writes: true, input: z.strictObject({ id, note: reason }), output: result<ProposalView>() }),
  'notes.add': procedure({
    writes: true,
    input: z.strictObject({ boardId: id, kind: z.enum(['dev-review', 'launch-plan', 'note']), body: z.string().trim().min(1).max(100_000) }),
    output: result<VersionNoteView>()
  }),
  'notes.list': procedure({ input: z.strictObject({ boardId: id }), output: result<VersionNoteView[]>() }),
  'alerts.list': procedure({ input: z.strictObject({ boardId: id, limit: z.number().int().min(1).max(1000).default(200) }), output: result<AlertView[]>() }),
  'alerts.acknowledge': procedure({ writes: true, input: z.strictObject({ id }), output: result<{ acknowledged: true }>() })
}
