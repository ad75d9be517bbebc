import type { KpiPatch, NewKpi } from '../../domain/kpi-input'
import type { FieldChange } from '../../domain/views'
import type { KpiField, KpiFields, RevisionKind } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import type { ParsedBoardRow } from './'
import { formatBenchmarks, formatMilestones, formatTags, formatThresholds } from './kpi-text'
import { diffFields, sameValue } from '../kpis/field-diff'
import { applyPatch } from '../kpis/normalize'
import { revisionKind } from '../kpis/revision-kind'

type RowFields = ParsedBoardRow['fields']

/**
 * Structured cells compare by their text form: the file cannot carry what that form leaves out
 * (a milestone's numeric value, a rule's original wording), so leaving the cell alone is no change.
 */
function sameCell(field: KpiField, head: KpiFields, file: unknown): boolean {
  switch (field) {
    case 'target':
      return (head.target?.text ?? '') === ((file as KpiFields['target'])?.text ?? '')
    case 'alertThresholds':
      return formatThresholds(head.alertThresholds) === formatThresholds(file as KpiFields['alertThresholds'])
    case 'benchmarks':
      return formatBenchmarks(head.benchmarks) === formatBenchmarks(file as KpiFields['benchmarks'])
    case 'milestones':
      return formatMilestones(head.milestones) === formatMilestones(file as KpiFields['milestones'])
    case 'tags':
      return formatTags(head.tags) === formatTags(file as KpiFields['tags'])
    case 'unit':
      // An empty unit is filled from the target, as when the KPI was typed in: still empty means unchanged.
      return head.unit === file || (file === '' && head.unit === (head.target?.parsed?.unit ?? ''))
    default:
      return sameValue(head[field], file)
  }
}

/** The file's target cell as text, so the core's target parser reads it like a typed target. */
const targetText = (fields: RowFields): string | null => fields.target?.text ?? null

export interface RowDiff {
  patch: KpiPatch
  changes: FieldChange[]
  kind: RevisionKind | null
  /** The KPI's fields once the row is applied. */
  after: KpiFields
}

/**
 * What importing a row would change on an existing KPI: the cells that differ from the KPI's
 * current text, applied the way an edit applies them (target parsed), then diffed field by field.
 */
export function diffRow(head: KpiFields, fields: RowFields): RowDiff {
  const patch: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(fields) as [KpiField, unknown][]) {
    if (field === 'code' || value === undefined || sameCell(field, head, value)) continue
    patch[field] = field === 'target' ? targetText(fields) : value
  }
  // The file's direction stands beside a new target, rather than the one the comparator implies.
  if ('target' in patch && fields.direction !== undefined) patch.direction = fields.direction
  const after = applyPatch(head, patch as KpiPatch)
  const changes = diffFields(head, after)
  return { patch: patch as KpiPatch, changes, kind: changes.length > 0 ? revisionKind(head, changes, {}) : null, after }
}

/** A row whose code is not on the board: a new KPI, which needs at least a name. */
export function newKpiFrom(fields: RowFields): { input: NewKpi; fields: KpiFields } {
  if (!fields.name?.trim()) throw new AppError('VALIDATION', `${fields.code} is not on the board, and a new KPI needs a name.`)
  const input = { ...fields, name: fields.name, target: targetText(fields) } as NewKpi
  return { input, fields: applyPatch(null, input) }
}
