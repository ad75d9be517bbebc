import type { GateItem, KpiStatus, ProposalView } from '../../../../electron/api'
import { DIRECTIONS, FREQUENCIES, STAGES, STATUSES, type KpiField } from '../../../../electron/domain/kpi'

/** Attainment ratio as a whole percent (0.934 → "93%"); null when unknown. */
export function formatAttainment(attainment: number | null): string | null {
  if (attainment === null || !Number.isFinite(attainment)) return null
  return `${Math.round(attainment * 100)}%`
}

export function periodLabel(status: Pick<KpiStatus, 'periodStart' | 'periodEnd'>): string | null {
  if (!status.periodStart) return null
  return status.periodEnd && status.periodEnd !== status.periodStart ? `${status.periodStart} ~ ${status.periodEnd}` : status.periodStart
}

export interface DiffRow {
  field: KpiField
  current: unknown
  proposed: unknown
  rationale: string
  /** Whether the user may pick this row on its own (patch proposals only). */
  selectable: boolean
}

/** The field-by-field diff a proposal shows: patches as current → proposed, an `add` as the new KPI's fields. */
export function diffRows(proposal: ProposalView): DiffRow[] {
  if (proposal.kind === 'retire') return []
  if (proposal.kind === 'add') {
    const fields = (proposal.patches[0]?.value ?? {}) as Record<string, unknown>
    return Object.entries(fields)
      .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
      .map(([field, value]) => ({ field: field as KpiField, current: null, proposed: value, rationale: '', selectable: false }))
  }
  return proposal.patches.map((p) => ({ field: p.field, current: p.current, proposed: p.value, rationale: p.rationale, selectable: true }))
}

export type EditorSpec = { kind: 'text' } | { kind: 'select'; options: readonly string[]; prefix: string } | { kind: 'none' }

const TEXT_FIELDS: readonly KpiField[] = ['code', 'name', 'description', 'category', 'formula', 'dataSource', 'unit', 'owner', 'notes', 'target']

/** How a proposed value can be edited before accepting: text for text fields and targets, a select for enums. */
export function editorFor(field: KpiField): EditorSpec {
  if (TEXT_FIELDS.includes(field)) return { kind: 'text' }
  if (field === 'frequency') return { kind: 'select', options: FREQUENCIES, prefix: 'frequency.' }
  if (field === 'direction') return { kind: 'select', options: DIRECTIONS, prefix: 'direction.' }
  if (field === 'stage') return { kind: 'select', options: STAGES, prefix: 'stage.' }
  if (field === 'status') return { kind: 'select', options: STATUSES, prefix: 'status.' }
  return { kind: 'none' }
}

/** The text an editor starts from for a proposed value. */
export function editSeed(field: KpiField, value: unknown): string {
  if (field === 'target') return (value as { text?: string } | null)?.text ?? ''
  return value === null || value === undefined ? '' : String(value)
}

/** The `proposal.accept` input: `fields` only when a subset is chosen, `edits` only for chosen fields the user changed. */
export function acceptInput(proposal: ProposalView, chosen: readonly string[], edited: Record<string, string>) {
  const rows = diffRows(proposal).filter((r) => r.selectable)
  const fields = rows.map((r) => r.field as string).filter((f) => chosen.includes(f))
  const edits: Record<string, unknown> = {}
  for (const row of rows) {
    const text = edited[row.field]
    if (text === undefined || !fields.includes(row.field) || text === editSeed(row.field, row.proposed)) continue
    edits[row.field] = row.field === 'target' && text.trim() === '' ? null : text
  }
  return {
    id: proposal.id,
    ...(proposal.kind === 'patch' && fields.length < rows.length ? { fields } : {}),
    ...(Object.keys(edits).length ? { edits } : {})
  }
}

/** Unmet gate items block a move unless a reason is given. */
export function gateState(items: readonly GateItem[], reason: string): { unmet: GateItem[]; canMove: boolean } {
  const unmet = items.filter((i) => !i.ok)
  return { unmet, canMove: unmet.length === 0 || reason.trim().length > 0 }
}

/** Board stages in the user's order, without retired: the kanban columns and the funnel steps. */
export const FORWARD_STAGES = STAGES.filter((s) => s !== 'retired')
