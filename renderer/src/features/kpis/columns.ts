import type { KpiView } from '../../../../electron/api'
import { BOARD_COLUMN_KEYS, FROZEN_COLUMNS, type BoardColumnKey, type BoardColumns } from '../../../../electron/domain/board-columns'
import { FREQUENCIES, STAGES, STATUSES, type KpiField } from '../../../../electron/domain/kpi'

export type EditorKind = 'text' | 'target' | 'select'

export interface GridColumn {
  key: BoardColumnKey
  /** The KPI field the cell edits; null for read-only columns. */
  field: KpiField | null
  /** The default width; the user's, once resized, comes from the board's layout. */
  width: number
  editor: EditorKind | null
  /** Choices of a select editor; `''` stands for "none". */
  options?: readonly string[]
  /** Key prefix that translates the options (`stage.` → stage.draft). */
  optionPrefix?: string
  /** Header translation key when it is not `field.<key>`. */
  labelKey?: string
  /** Not shown until the user picks it in the column chooser. */
  hiddenByDefault?: true
}

/** A column as the grid shows it: the user's width and, for a frozen one, its offset from the left edge. */
export interface ShownColumn extends GridColumn {
  /** `left` of a frozen (sticky) column; null for a column that scrolls. */
  left: number | null
  /** The last frozen column draws the edge the others scroll under. */
  frozenEdge: boolean
}

/** Every column the grid knows, by key; their default order is BOARD_COLUMN_KEYS. */
const CATALOGUE: Record<BoardColumnKey, GridColumn> = {
  code: { key: 'code', field: 'code', width: 110, editor: 'text' },
  name: { key: 'name', field: 'name', width: 240, editor: 'text' },
  currentValue: { key: 'currentValue', field: null, width: 130, editor: null, labelKey: 'review.column.currentValue' },
  light: { key: 'light', field: null, width: 130, editor: null, labelKey: 'review.column.light' },
  proposal: { key: 'proposal', field: null, width: 220, editor: null, labelKey: 'review.column.proposal' },
  target: { key: 'target', field: 'target', width: 200, editor: 'target' },
  stage: { key: 'stage', field: 'stage', width: 110, editor: 'select', options: STAGES.filter((s) => s !== 'retired'), optionPrefix: 'stage.' },
  status: { key: 'status', field: 'status', width: 100, editor: 'select', options: STATUSES.filter((s) => s !== 'retired'), optionPrefix: 'status.' },
  owner: { key: 'owner', field: 'owner', width: 100, editor: 'text' },
  frequency: { key: 'frequency', field: 'frequency', width: 100, editor: 'select', options: ['', ...FREQUENCIES], optionPrefix: 'frequency.' },
  category: { key: 'category', field: 'category', width: 110, editor: 'text' },
  dataSource: { key: 'dataSource', field: 'dataSource', width: 150, editor: 'text' },
  unit: { key: 'unit', field: 'unit', width: 70, editor: 'text' },
  attainment: { key: 'attainment', field: null, width: 100, editor: null, labelKey: 'columns.attainment', hiddenByDefault: true },
  updatedAt: { key: 'updatedAt', field: null, width: 140, editor: null, labelKey: 'field.updated' }
}

export const columnOf = (key: BoardColumnKey): GridColumn => CATALOGUE[key]
export const isFrozen = (key: BoardColumnKey) => FROZEN_COLUMNS.includes(key)

/** The header's translation key. */
export const columnLabelKey = (column: GridColumn) => column.labelKey ?? `field.${column.key}`

/** The default layout: every column in the default order, at its default width, the optional ones hidden. */
export const DEFAULT_LAYOUT: BoardColumns = BOARD_COLUMN_KEYS.map((key) => ({
  key,
  width: CATALOGUE[key].width,
  hidden: CATALOGUE[key].hiddenByDefault === true
}))

/**
 * A stored layout made whole: the frozen columns first and shown, then the user's order; a column the layout does
 * not name (one added since it was saved) keeps its default place among the rest.
 */
export function resolveLayout(stored: BoardColumns | null): BoardColumns {
  if (!stored) return DEFAULT_LAYOUT
  const named = new Map(stored.map((c) => [c.key, c]))
  const frozen = FROZEN_COLUMNS.map((key) => ({ ...(named.get(key) ?? DEFAULT_LAYOUT.find((c) => c.key === key)!), hidden: false }))
  const rest = stored.filter((c) => !isFrozen(c.key))
  for (const [index, column] of DEFAULT_LAYOUT.entries()) {
    if (named.has(column.key) || isFrozen(column.key)) continue
    const after = DEFAULT_LAYOUT.slice(0, index).findLast((c) => rest.some((r) => r.key === c.key))
    rest.splice(after ? rest.findIndex((r) => r.key === after.key) + 1 : 0, 0, column)
  }
  return [...frozen, ...rest]
}

/** The columns the grid shows, in order, with their widths and the offsets of the frozen ones. */
export function shownColumns(layout: BoardColumns): ShownColumn[] {
  let left = SELECT_WIDTH
  const shown = layout.filter((c) => !c.hidden)
  const lastFrozen = shown.findLast((c) => isFrozen(c.key))?.key
  return shown.map((c) => {
    const frozen = isFrozen(c.key)
    const column: ShownColumn = { ...CATALOGUE[c.key], width: c.width, left: frozen ? left : null, frozenEdge: c.key === lastFrozen }
    if (frozen) left += c.width
    return column
  })
}

/** A frozen column's sticky offset; nothing for one that scrolls. */
export const frozenStyle = (column: ShownColumn) => (column.left === null ? undefined : { left: column.left })

export const frozenClass = (column: ShownColumn) => (column.left === null ? '' : column.frozenEdge ? ' frozen frozen-edge' : ' frozen')

/** The tick box in front of each row, outside the navigable columns. */
export const SELECT_WIDTH = 36
export const gridWidth = (columns: readonly GridColumn[]) => SELECT_WIDTH + columns.reduce((sum, c) => sum + c.width, 0)

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
