import type { FormulaPreview, PreviewCell } from '../../../../electron/api'
import type { Grain } from '../../../../electron/domain/period'
import type { ResultMapping } from '../../../../electron/domain/result-mapping'

/** The mapping editor's fields: flat, so each is one select. */
export interface MappingFormValues {
  value: string | null
  period: string | null
  grain: Grain | 'auto'
  segmentColumn: string | null
  segmentValue: string
  combine: 'none' | 'sum' | 'ratio' | 'weighted'
  numerator: string | null
  denominator: string | null
  factor: number
  weight: string | null
  scale: 'none' | '100' | '0.01'
  rolling: boolean
}

export function toFormValues(mapping: ResultMapping | null): MappingFormValues {
  const combine = mapping?.combine
  return {
    value: mapping?.value ?? null,
    period: mapping?.period ?? null,
    grain: mapping?.grain ?? 'auto',
    segmentColumn: mapping?.segment?.column ?? null,
    segmentValue: mapping?.segment?.value ?? '',
    combine: combine?.kind ?? 'none',
    numerator: combine?.kind === 'ratio' ? combine.numerator : null,
    denominator: combine?.kind === 'ratio' ? combine.denominator : null,
    factor: combine?.kind === 'ratio' ? combine.factor : 1,
    weight: combine?.kind === 'weighted' ? combine.weight : null,
    scale: mapping?.scale === 100 ? '100' : mapping?.scale === 0.01 ? '0.01' : 'none',
    rolling: mapping?.rolling === true
  }
}

/** The mapping the form describes; null when it says nothing (a one-number formula). */
export function fromFormValues(v: MappingFormValues): ResultMapping | null {
  const mapping: ResultMapping = {}
  if (v.value) mapping.value = v.value
  if (v.period) {
    mapping.period = v.period
    if (v.grain !== 'auto') mapping.grain = v.grain
  }
  if (v.segmentColumn) mapping.segment = { column: v.segmentColumn, value: v.segmentValue.trim() }
  if (v.combine === 'sum') mapping.combine = { kind: 'sum' }
  if (v.combine === 'ratio' && v.numerator && v.denominator)
    mapping.combine = { kind: 'ratio', numerator: v.numerator, denominator: v.denominator, factor: v.factor || 1 }
  if (v.combine === 'weighted' && v.weight) mapping.combine = { kind: 'weighted', weight: v.weight }
  if (v.scale !== 'none') mapping.scale = Number(v.scale)
  if (v.rolling) mapping.rolling = true
  return Object.keys(mapping).length ? mapping : null
}

/** The distinct values a column holds in the preview's rows, for picking a segment. */
export function distinctCells(preview: FormulaPreview, column: string | null): string[] {
  const at = preview.table.columns.findIndex((c) => c.name === column)
  if (at < 0) return []
  return [...new Set(preview.table.rows.map((row: PreviewCell[]) => String(row[at] ?? '')))].slice(0, 50)
}
