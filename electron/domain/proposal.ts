import * as z from './zod'
import { kpiFieldsSchema, STAGES } from './kpi'

export const ENGINES = ['analyzer', 'assistant'] as const
export type Engine = (typeof ENGINES)[number]

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'partial', 'rejected', 'superseded'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

const fieldName = z.enum(Object.keys(kpiFieldsSchema.shape) as [keyof typeof kpiFieldsSchema.shape, ...(keyof typeof kpiFieldsSchema.shape)[]])

/** One field change: the value proposed, and why. `value` has the field's own type. */
export const fieldPatchSchema = z.strictObject({
  field: fieldName,
  value: z.unknown(),
  rationale: z.string()
})
export type FieldPatch = z.infer<typeof fieldPatchSchema>

/** A proposed value the user changed before accepting: the revision holds `accepted`, the proposal keeps `proposed`. */
export interface AcceptedEdit {
  field: FieldPatch['field']
  proposed: unknown
  accepted: unknown
}

const comparable = (value: unknown) => JSON.stringify(value !== null && typeof value === 'object' && 'text' in value ? value.text : (value ?? null))

/** The edits that really changed a proposed value (an edit typed back to the proposal's value is none). */
export function acceptedEdits(patches: readonly { field: FieldPatch['field']; value: unknown }[], edits: Record<string, unknown> | undefined): AcceptedEdit[] {
  if (!edits) return []
  return patches
    .filter((p) => p.field in edits && comparable(edits[p.field]) !== comparable(p.value))
    .map((p) => ({ field: p.field, proposed: p.value, accepted: edits[p.field] }))
}

/**
 * The one shape both engines produce. `kind` says what the proposal does:
 * patch an existing KPI, add a new one (with `fields`), or retire one.
 */
export const proposalDraftSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('patch'),
    code: z.string(),
    patches: z.array(fieldPatchSchema).check(z.minLength(1)),
    rationale: z.string(),
    /** Stable id of the analyzer rule or the assistant's finding, for de-duplication. */
    rule: z.optional(z.string())
  }),
  z.strictObject({
    kind: z.literal('add'),
    fields: z.required(z.partial(kpiFieldsSchema), { code: true, name: true }),
    rationale: z.string(),
    rule: z.optional(z.string())
  }),
  z.strictObject({
    kind: z.literal('retire'),
    code: z.string(),
    rationale: z.string(),
    rule: z.optional(z.string())
  })
])
export type ProposalDraft = z.infer<typeof proposalDraftSchema>

export const reviewStageSchema = z.enum(STAGES)
