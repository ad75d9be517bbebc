/** Where the spreadsheet cursor is and whether its cell is being edited. */
export interface GridCursor {
  row: number
  col: number
  editing: boolean
  /** The character that started editing by typing; the editor starts from it instead of the value. */
  seed: string | null
}

export interface GridBounds {
  rows: number
  cols: number
  /** Rows that are group headers: one cell, Enter toggles them. */
  isGroup: (row: number) => boolean
  isEditable: (col: number) => boolean
  /** A cell whose field is locked (the target after launch): it never opens an editor, the grid says why. */
  isLocked: (row: number, col: number) => boolean
  pageSize: number
}

export interface GridKey {
  key: string
  shiftKey?: boolean
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
}

export type GridEffect = 'toggle-group' | 'open-detail' | 'locked' | null

export const initialCursor: GridCursor = { row: 0, col: 0, editing: false, seed: null }

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, Math.max(0, max - 1)))

function at(cursor: GridCursor, row: number, col: number, bounds: GridBounds): GridCursor {
  return { row: clamp(row, bounds.rows), col: clamp(col, bounds.cols), editing: false, seed: null }
}

/**
 * What a key does while the grid (not an editor) has focus: arrows/Tab/Home/End/Page keys move,
 * Enter/F2 or a printable character start editing an editable cell, Enter on a group header toggles it.
 */
export function gridKey(cursor: GridCursor, key: GridKey, bounds: GridBounds): { cursor: GridCursor; effect: GridEffect; handled: boolean } {
  const { row, col } = cursor
  const move = (r: number, c: number) => ({ cursor: at(cursor, r, c, bounds), effect: null, handled: true })
  const jump = key.ctrlKey || key.metaKey
  switch (key.key) {
    case 'ArrowUp':
      return move(jump ? 0 : row - 1, col)
    case 'ArrowDown':
      return move(jump ? bounds.rows - 1 : row + 1, col)
    case 'ArrowLeft':
      return move(row, col - 1)
    case 'ArrowRight':
      return move(row, col + 1)
    case 'Home':
      return move(jump ? 0 : row, 0)
    case 'End':
      return move(jump ? bounds.rows - 1 : row, bounds.cols - 1)
    case 'PageUp':
      return move(row - bounds.pageSize, col)
    case 'PageDown':
      return move(row + bounds.pageSize, col)
    case 'Tab':
      return tab(cursor, key.shiftKey === true, bounds)
  }
  if (bounds.rows === 0) return { cursor, effect: null, handled: false }
  if (bounds.isGroup(row)) {
    const toggles = key.key === 'Enter' || key.key === ' '
    return { cursor, effect: toggles ? 'toggle-group' : null, handled: toggles }
  }
  if (key.key === 'Enter' && key.altKey) return { cursor, effect: 'open-detail', handled: true }
  if (!bounds.isEditable(col)) return { cursor, effect: null, handled: false }
  const starts = key.key === 'Enter' || key.key === 'F2' || isPrintable(key)
  if (starts && bounds.isLocked(row, col)) return { cursor, effect: 'locked', handled: true }
  if (key.key === 'Enter' || key.key === 'F2') return { cursor: { ...cursor, editing: true, seed: null }, effect: null, handled: true }
  if (isPrintable(key)) return { cursor: { ...cursor, editing: true, seed: key.key }, effect: null, handled: true }
  return { cursor, effect: null, handled: false }
}

function tab(cursor: GridCursor, back: boolean, bounds: GridBounds) {
  const last = bounds.cols - 1
  let { row, col } = cursor
  if (back) {
    if (col > 0) col -= 1
    else if (row > 0) [row, col] = [row - 1, last]
  } else if (col < last) col += 1
  else if (row < bounds.rows - 1) [row, col] = [row + 1, 0]
  return { cursor: at(cursor, row, col, bounds), effect: null as GridEffect, handled: true }
}

function isPrintable(key: GridKey): boolean {
  return key.key.length === 1 && !key.ctrlKey && !key.metaKey && !key.altKey
}

/** After the editor commits: Enter goes down a row, Tab goes right (like a spreadsheet); Escape stays. */
export function afterEdit(cursor: GridCursor, how: 'enter' | 'tab' | 'shift-tab' | 'cancel' | 'blur', bounds: GridBounds): GridCursor {
  if (how === 'enter') return at(cursor, cursor.row + 1, cursor.col, bounds)
  if (how === 'tab' || how === 'shift-tab') return tab({ ...cursor, editing: false }, how === 'shift-tab', bounds).cursor
  return { ...cursor, editing: false, seed: null }
}

/** Keeps the cursor inside the grid when rows disappear (filtering, collapsing). */
export function clampCursor(cursor: GridCursor, bounds: Pick<GridBounds, 'rows' | 'cols'>): GridCursor {
  const row = clamp(cursor.row, bounds.rows)
  const col = clamp(cursor.col, bounds.cols)
  return row === cursor.row && col === cursor.col ? cursor : { ...cursor, row, col, editing: false, seed: null }
}
