import type { ImportCandidateView, ImportPreview } from '../../../../electron/api'
import type { NewKpi } from '../../../../electron/domain/kpi-input'
import type { KpiFields, Target } from '../../../../electron/domain/kpi'
import { importCounts, type ImportCounts } from '../../../../electron/domain/prd-candidates'

/** One candidate as the user edits it in the preview. */
export interface ImportRow {
  index: number
  include: boolean
  fields: KpiFields
  /** Set when the user changed any field; the preview's diff against the board may then be stale. */
  edited: boolean
  /** The target text is being re-parsed by the core. */
  parsing: boolean
  candidate: ImportCandidateView
}

export type EditableField = 'code' | 'name' | 'unit' | 'owner' | 'category' | 'sourceNote' | 'formula' | 'frequency'

export function rowsOf(preview: ImportPreview): ImportRow[] {
  return preview.candidates.map((candidate) => ({ index: candidate.index, include: true, fields: candidate.fields, edited: false, parsing: false, candidate }))
}

export function editRow(rows: ImportRow[], index: number, patch: Partial<Pick<KpiFields, EditableField>>): ImportRow[] {
  return rows.map((r) => (r.index === index ? { ...r, fields: { ...r.fields, ...patch }, edited: true } : r))
}

/** The typed text shows at once; the parsed form follows when the core answers (`setParsedTarget`). */
export function editTargetText(rows: ImportRow[], index: number, text: string): ImportRow[] {
  return rows.map((r) =>
    r.index === index ? { ...r, fields: { ...r.fields, target: text.trim() ? { text, parsed: null } : null }, edited: true, parsing: Boolean(text.trim()) } : r
  )
}

/** Applies a parse result only if the text is still the one that was parsed. */
export function setParsedTarget(rows: ImportRow[], index: number, target: Target): ImportRow[] {
  return rows.map((r) => (r.index === index && r.fields.target?.text === target.text ? { ...r, fields: { ...r.fields, target }, parsing: false } : r))
}

export function toggleRow(rows: ImportRow[], index: number, include: boolean): ImportRow[] {
  return rows.map((r) => (r.index === index ? { ...r, include } : r))
}

/** Warnings as they stand after the user's edits: a fixed target or a filled field clears its warning. */
export function currentWarnings(row: ImportRow): string[] {
  const { fields } = row
  const cleared = new Set<string>()
  if (fields.target?.parsed) ['target-unparsed', 'no-target', 'vague'].forEach((w) => cleared.add(w))
  // A target the user typed is theirs: no longer derived from alerts, and relative only if they wrote a change.
  if (fields.target?.text !== row.candidate.fields.target?.text) cleared.add('target-derived')
  if (!fields.target?.parsed?.change) cleared.add('relative')
  if (fields.target && !fields.target.parsed && !row.parsing) cleared.add('no-target')
  if (fields.formula.trim()) cleared.add('no-formula')
  if (fields.unit.trim() || fields.target?.parsed?.unit) cleared.add('no-unit')
  if (fields.sourceNote.trim() || fields.dataSource.trim()) cleared.add('no-source')
  if (fields.frequency) cleared.add('no-frequency')
  if (fields.owner.trim()) cleared.add('no-owner')
  if (fields.code !== row.candidate.fields.code) cleared.add('generated-code')
  const warnings = row.candidate.warnings.filter((w) => !cleared.has(w))
  if (fields.target && !fields.target.parsed && !row.parsing && !warnings.includes('target-unparsed')) warnings.unshift('target-unparsed')
  if (!fields.target && !warnings.includes('no-target')) warnings.unshift('no-target')
  if (fields.target?.parsed?.change && fields.target.parsed.window?.kind !== 'per' && !warnings.includes('relative')) warnings.unshift('relative')
  return warnings
}

/** The counts at the top of the preview, for the rows as the user has edited them. */
export function rowCounts(rows: ImportRow[]): ImportCounts {
  return importCounts(rows.map((row) => ({ fields: row.fields, warnings: currentWarnings(row) })))
}

/** Codes used by more than one included row: the commit would merge them, so the preview flags them. */
export function duplicateCodes(rows: ImportRow[]): Set<string> {
  const seen = new Map<string, number>()
  for (const r of rows) if (r.include) seen.set(r.fields.code.trim().toLowerCase(), (seen.get(r.fields.code.trim().toLowerCase()) ?? 0) + 1)
  return new Set([...seen].filter(([, n]) => n > 1).map(([code]) => code))
}

/** Every included row would leave its KPI as it is on the board: the preview offers no import, only says so. */
export function nothingChanges(rows: ImportRow[]): boolean {
  const included = rows.filter((r) => r.include)
  return included.length > 0 && included.every((r) => r.candidate.action === 'unchanged' && !r.edited)
}

export function canCommit(rows: ImportRow[]): boolean {
  const included = rows.filter((r) => r.include)
  return included.length > 0 && included.every((r) => r.fields.code.trim() && r.fields.name.trim() && !r.parsing) && duplicateCodes(rows).size === 0
}

/** The commit's items: included rows only, with their (edited) fields. */
export function commitItems(rows: ImportRow[]): { fields: NewKpi; currentValue: string | null; lines: { start: number; end: number }; passage: string }[] {
  return rows
    .filter((r) => r.include)
    .map((r) => ({
      fields: { ...r.fields, code: r.fields.code.trim(), name: r.fields.name.trim() },
      currentValue: r.candidate.currentValue,
      lines: r.candidate.lines,
      passage: r.candidate.passage
    }))
}
