import * as z from '../domain/zod'
import { STAGES } from '../domain/kpi'
import { PROPOSAL_STATUSES } from '../domain/proposal'
import { id, pageLimit, procedure, result } from './procedure'
import type { AlertView, BoardPage, GateItem, KpiStatus, ProposalView, StageMove, VersionNoteView } from '../domain/views'

const stage = z.enum(STAGES)
const reason = z.optional(z.string().check(z.trim(), z.maxLength(2000)))

export const lifecycleProcedures = {
  'stage.checklist': procedure({ input: z.strictObject({ kpiId: id, to: stage }), output: result<GateItem[]>() }),
  'stage.set': procedure({
    writes: true,
    input: z.strictObject({ kpiId: id, to: stage, reason, confirmTarget: z.optional(z.boolean()) }),
    output: result<StageMove>()
  }),
  /** Moves a whole board (or a selection) to a stage; returns what moved, what a gate blocked, and the version label to cut. */
  'stage.moveBoard': procedure({
    writes: true,
    input: z.strictObject({ boardId: id, to: stage, kpiIds: z.optional(z.array(id)), reason, confirmTarget: z.optional(z.boolean()) }),
    output: result<{ moved: StageMove[]; blocked: { code: string; checklist: GateItem[] }[]; suggestedLabel: string }>()
  }),
  'status.board': procedure({ input: z.strictObject({ boardId: id }), output: result<KpiStatus[]>() }),
  /** The lights of one page of the board's live KPIs (the pages of `kpi.page` without retired ones), by the same cursor. */
  'status.page': procedure({ input: z.strictObject({ boardId: id, after: z.optional(id), limit: pageLimit }), output: result<BoardPage<KpiStatus>>() }),
  /** The lights of the given KPIs (those an event named), so one edit does not re-read a large board's lights. */
  'status.rows': procedure({
    input: z.strictObject({ boardId: id, kpiIds: z.array(id).check(z.minLength(1), z.maxLength(5000)) }),
    output: result<KpiStatus[]>()
  }),
  'proposal.list': procedure({
    input: z.strictObject({ boardId: id, status: z.optional(z.enum(PROPOSAL_STATUSES)), kpiId: z.optional(id) }),
    output: result<ProposalView[]>()
  }),
  'proposal.get': procedure({ input: z.strictObject({ id }), output: result<ProposalView>() }),
  'proposal.accept': procedure({
    writes: true,
    input: z.strictObject({
      id,
      fields: z.optional(z.array(z.string()).check(z.minLength(1))),
      edits: z.optional(z.record(z.string(), z.unknown())),
      note: reason,
      rebaseline: z.optional(z.boolean()),
      confirmTarget: z.optional(z.boolean())
    }),
    output: result<ProposalView>()
  }),
  'proposal.reject': procedure({ writes: true, input: z.strictObject({ id, note: reason }), output: result<ProposalView>() }),
  'notes.add': procedure({
    writes: true,
    input: z.strictObject({
      boardId: id,
      kind: z.enum(['dev-review', 'launch-plan', 'note']),
      body: z.string().check(z.trim(), z.minLength(1), z.maxLength(100_000))
    }),
    output: result<VersionNoteView>()
  }),
  'notes.list': procedure({ input: z.strictObject({ boardId: id }), output: result<VersionNoteView[]>() }),
  'alerts.list': procedure({
    input: z.strictObject({ boardId: id, limit: z._default(z.int().check(z.gte(1), z.lte(1000)), 200) }),
    output: result<AlertView[]>()
  }),
  'alerts.acknowledge': procedure({ writes: true, input: z.strictObject({ id }), output: result<{ acknowledged: true }>() })
}
