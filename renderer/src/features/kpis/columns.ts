import type { KpiView } from '../../../../electron/api'
import { FREQUENCIES, STAGES, STATUSES, type KpiField } from '../../../../electron/domain/kpi'
import type { SortField } from './rows'

export type EditorKind = 'text' | 'target' | 'select'

export interface GridColumn {
  key: SortField
  /** The KPI field the cell edits; null for read-only columns. */
  field: KpiField | null
  width: number
  editor: EditorKind | null
  /** Choices of a select editor; `''` stands for "none". */
  options?: readonly string[]
  /** Key prefix that translates the options (`stage.` → stage.draft). */
  optionPrefix?: string
  /** Header translation key when it is not `field.<key>`. */
  labelKey?: string
  /** The latest proposal's column does not sort: its text is the assistant's, not the KPI's. */
  sortable?: false
}

/** The user's board columns, in order. */
export const COLUMNS: GridColumn[] = [
  { key: 'code', field: 'code', width: 120, editor: 'text' },
  { key: 'name', field: 'name', width: 260, editor: 'text' },
  { key: 'dataSource', field: 'dataSource', width: 150, editor: 'text' },
  { key: 'target', field: 'target', width: 220, editor: 'target' },
  { key: 'unit', field: 'unit', width: 70, editor: 'text' },
  { key: 'stage', field: 'stage', width: 110, editor: 'select', options: STAGES.filter((s) => s !== 'retired'), optionPrefix: 'stage.' },
  { key: 'status', field: 'status', width: 100, editor: 'select', options: STATUSES.filter((s) => s !== 'retired'), optionPrefix: 'status.' },
  { key: 'owner', field: 'owner', width: 100, editor: 'text' },
  { key: 'frequency', field: 'frequency', width: 100, editor: 'select', options: ['', ...FREQUENCIES], optionPrefix: 'frequency.' },
  { key: 'category', field: 'category', width: 110, editor: 'text' },
  { key: 'updatedAt', field: null, width: 130, editor: null },
  { key: 'currentValue', field: null, width: 110, editor: null, labelKey: 'review.column.currentValue' },
  { key: 'light', field: null, width: 130, editor: null, labelKey: 'review.column.light' },
  { key: 'proposal', field: null, width: 240, editor: null, labelKey: 'review.column.proposal', sortable: false }
]

/** The tick box in front of each row, outside the navigable columns. */
export const SELECT_WIDTH = 36
export const GRID_WIDTH = SELECT_WIDTH + COLUMNS.reduce((sum, c) => sum + c.width, 0)

/** The text an editor starts from. */
export function editText(kpi: KpiView, column: GridColumn): string {
  switch (column.field) {
    case null:
      return ''
    case 'target':
      return kpi.target?.text ?? ''
    case 'frequency':
      return kpi.frequency ?? ''
    default:
      return String(kpi[column.field] ?? '')
  }
}

/** The `kpi.edit` patch for a committed cell; null when nothing changed. */
export function cellPatch(kpi: KpiView, column: GridColumn, text: string): Record<string, unknown> | null {
  if (!column.field || text === editText(kpi, column)) return null
  if (column.field === 'target') return { target: text.trim() === '' ? null : text }
  if (column.field === 'frequency') return { frequency: text === '' ? null : text }
  return { [column.field]: text }
}
