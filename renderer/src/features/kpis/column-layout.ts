import { COLUMN_WIDTH_MAX, COLUMN_WIDTH_MIN, type BoardColumnKey, type BoardColumns } from '../../../../electron/domain/board-columns'
import { isFrozen } from './columns'

// What the column chooser and the header's resize handles do to a board's layout; frozen columns stay put and shown.

export function setHidden(layout: BoardColumns, key: BoardColumnKey, hidden: boolean): BoardColumns {
  if (isFrozen(key)) return layout
  return layout.map((c) => (c.key === key ? { ...c, hidden } : c))
}

/** One place up (-1) or down (+1) among the columns that are not frozen. */
export function moveColumn(layout: BoardColumns, key: BoardColumnKey, by: -1 | 1): BoardColumns {
  const from = layout.findIndex((c) => c.key === key)
  const to = from + by
  if (from < 0 || isFrozen(key) || to < 0 || to >= layout.length || isFrozen(layout[to]!.key)) return layout
  const next = [...layout]
  ;[next[from], next[to]] = [next[to]!, next[from]!]
  return next
}

export function setWidth(layout: BoardColumns, key: BoardColumnKey, width: number): BoardColumns {
  const clamped = Math.round(Math.min(COLUMN_WIDTH_MAX, Math.max(COLUMN_WIDTH_MIN, width)))
  return layout.map((c) => (c.key === key ? { ...c, width: clamped } : c))
}
