import * as z from '../../domain/zod'
import { alertThresholdsSchema, FREQUENCIES, STAGES, STATUSES, DIRECTIONS, kpiFieldsSchema, type KpiField, type KpiFields } from '../../domain/kpi'
import { proposalDraftSchema, type FieldPatch, type ProposalDraft } from '../../domain/proposal'
import { toDirection, toFrequency, toStage, toStatus, toTags } from './field-values'

/** Fields the assistant may propose through `changes`; code is identity and never patched. */
export const ASSISTANT_FIELDS = [
  'name',
  'description',
  'category',
  'formula',
  'dataSource',
  'target',
  'unit',
  'direction',
  'frequency',
  'owner',
  'alertThresholds',
  'stage',
  'status',
  'tags',
  'notes'
] as const
type AssistantField = (typeof ASSISTANT_FIELDS)[number]

// Every value is a string and every key required: the strictest json_schema providers accept this shape.
const changeSchema = z.object({
  field: z.string().check(z.describe(`One of: ${ASSISTANT_FIELDS.join(', ')}`)),
  value: z
    .string()
    .check(
      z.describe(
        `The new value as text. target: as a person would write it ("≥ 60%", "P95 ≤ 500ms"); direction: ${DIRECTIONS.join('|')}; frequency: ${FREQUENCIES.join('|')}; stage: ${STAGES.join('|')}; status: ${STATUSES.join('|')}; tags: comma separated`
      )
    ),
  rationale: z.string()
})

export const reviewAnswerSchema = z.object({
  summary: z.string().check(z.describe('Two to five sentences on the state of the board at this stage.')),
  proposals: z.array(
    z.object({
      kind: z.enum(['patch', 'add', 'retire']),
      code: z.string().check(z.describe('The KPI code; for add, a new code not used on the board.')),
      rationale: z.string(),
      changes: z.array(changeSchema).check(z.describe('Field changes; for add, at least name, target and formula; empty for retire.')),
      benchmarks: z
        .array(z.object({ label: z.string(), value: z.string(), source: z.string() }))
        .check(z.describe('Industry reference values, empty when none are proposed.')),
      milestones: z.array(z.object({ label: z.string(), target: z.string() })).check(z.describe('Time-phased targets, empty when none are proposed.'))
    })
  )
})
export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>
type AnswerProposal = ReviewAnswer['proposals'][number]

export interface ConvertedProposals {
  drafts: ProposalDraft[]
  /** Why parts of the answer were dropped, in English, for the session log. */
  notes: string[]
}

/** Turns one text value into the field's own type, or explains why it cannot be used. */
function convertValue(field: AssistantField, text: string): { value: unknown } | { problem: string } {
  const value = text.trim()
  const invalid = (allowed: readonly string[]) => ({ problem: `"${value}" is not a valid ${field} (expected ${allowed.join(', ')})` })
  switch (field) {
    case 'target':
      // Kept as text; the target parser fills `parsed` before the proposal is stored.
      return value ? { value: { text: value, parsed: null } } : { problem: 'an empty target' }
    case 'direction':
      return toDirection(value) ? { value: toDirection(value) } : invalid(DIRECTIONS)
    case 'frequency':
      return toFrequency(value) ? { value: toFrequency(value) } : invalid(FREQUENCIES)
    case 'stage':
      return toStage(value) ? { value: toStage(value) } : invalid(STAGES)
    case 'status':
      return toStatus(value) ? { value: toStatus(value) } : invalid(STATUSES)
    case 'tags':
      return { value: toTags(value) }
    case 'alertThresholds':
      return value ? { value: alertThresholdsSchema.parse({ text: value }) } : { value: null }
    default:
      return { value }
  }
}

function isAssistantField(field: string): field is AssistantField {
  return (ASSISTANT_FIELDS as readonly string[]).includes(field)
}

function samePatch(current: KpiFields, field: KpiField, value: unknown): boolean {
  if (field === 'target') return current.target?.text.trim() === (value as { text: string }).text
  if (field === 'alertThresholds') return current.alertThresholds?.text?.trim() === (value as { text?: string } | null)?.text
  return JSON.stringify(current[field]) === JSON.stringify(value)
}

function fieldPatches(proposal: AnswerProposal, current: KpiFields | undefined, notes: string[]): FieldPatch[] {
  const patches: FieldPatch[] = []
  for (const change of proposal.changes) {
    const where = `${proposal.code}.${change.field}`
    if (!isAssistantField(change.field)) {
      notes.push(`Dropped a change to ${where}: the assistant may not change that field.`)
      continue
    }
    const converted = convertValue(change.field, change.value)
    const checked = 'value' in converted ? kpiFieldsSchema.shape[change.field].safeParse(converted.value) : undefined
    if (!checked?.success) {
      notes.push(`Dropped a change to ${where}: ${'problem' in converted ? converted.problem : 'the value does not fit the field'}.`)
      continue
    }
    if (current && samePatch(current, change.field, checked.data)) continue
    patches.push({ field: change.field, value: checked.data, rationale: change.rationale.trim() || proposal.rationale })
  }
  if (proposal.benchmarks.length > 0) {
    patches.push({
      field: 'benchmarks',
      value: proposal.benchmarks.map(({ label, value, source }) => ({ label, value, ...(source.trim() ? { source } : {}) })),
      rationale: proposal.rationale
    })
  }
  if (proposal.milestones.length > 0)
    patches.push({ field: 'milestones', value: proposal.milestones.map(({ label, target }) => ({ label, target })), rationale: proposal.rationale })
  return patches
}

function toDraft(proposal: AnswerProposal, board: Map<string, KpiFields>, notes: string[]): ProposalDraft | undefined {
  const code = proposal.code.trim()
  const current = board.get(code)
  const rationale = proposal.rationale.trim()
  if (proposal.kind === 'retire') {
    if (!current) return void notes.push(`Dropped retiring ${code}: no KPI has that code.`)
    if (current.stage === 'retired') return void notes.push(`Dropped retiring ${code}: it is already retired.`)
    return { kind: 'retire', code, rationale }
  }
  if (proposal.kind === 'patch') {
    if (!current) return void notes.push(`Dropped changes to ${code}: no KPI has that code.`)
    const patches = fieldPatches(proposal, current, notes)
    return patches.length > 0 ? { kind: 'patch', code, patches, rationale } : undefined
  }
  if (current) return void notes.push(`Dropped adding ${code}: the board already has a KPI with that code.`)
  const fields = Object.fromEntries(fieldPatches(proposal, undefined, notes).map((patch) => [patch.field, patch.value]))
  if (typeof fields.name !== 'string') return void notes.push(`Dropped adding ${code}: the proposal gives no name.`)
  return { kind: 'add', fields: { ...fields, code, name: fields.name }, rationale }
}

/** Validates the model's answer into the drafts both engines produce; what cannot be used is noted, never guessed. */
export function toProposalDrafts(answer: ReviewAnswer, kpis: KpiFields[]): ConvertedProposals {
  const board = new Map(kpis.map((kpi) => [kpi.code, kpi]))
  const notes: string[] = []
  const drafts: ProposalDraft[] = []
  const added = new Set<string>()
  for (const proposal of answer.proposals) {
    if (proposal.kind === 'add' && added.has(proposal.code.trim())) {
      notes.push(`Dropped a second proposal to add ${proposal.code}.`)
      continue
    }
    const draft = toDraft(proposal, board, notes)
    if (!draft) continue
    const checked = proposalDraftSchema.safeParse(draft)
    if (!checked.success) {
      notes.push(`Dropped a ${proposal.kind} proposal for ${proposal.code}: ${checked.error.issues[0]?.message ?? 'invalid'}.`)
      continue
    }
    if (draft.kind === 'add') added.add(draft.fields.code)
    drafts.push(checked.data)
  }
  return { drafts, notes }
}
