import { describe, expect, it } from 'vitest'
import { afterEdit, clampCursor, gridKey, initialCursor, type GridBounds, type GridCursor } from './grid-nav'

// 5 rows (row 2 a group header), 4 columns, the last one (updated) read-only.
const bounds: GridBounds = { rows: 5, cols: 4, isGroup: (r) => r === 2, isEditable: (c) => c < 3, isLocked: (r, c) => r === 4 && c === 1, pageSize: 3 }
const cur = (row: number, col: number): GridCursor => ({ row, col, editing: false, seed: null })

describe('gridKey', () => {
  it('moves with arrows and stops at the edges', () => {
    expect(gridKey(initialCursor, { key: 'ArrowDown' }, bounds).cursor).toEqual(cur(1, 0))
    expect(gridKey(initialCursor, { key: 'ArrowUp' }, bounds).cursor).toEqual(cur(0, 0))
    expect(gridKey(cur(0, 3), { key: 'ArrowRight' }, bounds).cursor).toEqual(cur(0, 3))
    expect(gridKey(cur(4, 1), { key: 'ArrowDown' }, bounds).cursor).toEqual(cur(4, 1))
    expect(gridKey(cur(1, 1), { key: 'ArrowDown', ctrlKey: true }, bounds).cursor).toEqual(cur(4, 1))
  })

  it('Tab moves right and wraps to the next row; Shift+Tab goes back', () => {
    expect(gridKey(cur(0, 1), { key: 'Tab' }, bounds).cursor).toEqual(cur(0, 2))
    expect(gridKey(cur(0, 3), { key: 'Tab' }, bounds).cursor).toEqual(cur(1, 0))
    expect(gridKey(cur(1, 0), { key: 'Tab', shiftKey: true }, bounds).cursor).toEqual(cur(0, 3))
  })

  it('Page keys move by a page, Home/End go to the row ends', () => {
    expect(gridKey(cur(0, 2), { key: 'PageDown' }, bounds).cursor).toEqual(cur(3, 2))
    expect(gridKey(cur(3, 2), { key: 'Home' }, bounds).cursor).toEqual(cur(3, 0))
    expect(gridKey(cur(3, 0), { key: 'End' }, bounds).cursor).toEqual(cur(3, 3))
  })

  it('Enter starts editing an editable cell; typing starts editing with that character', () => {
    expect(gridKey(cur(1, 1), { key: 'Enter' }, bounds).cursor).toEqual({ row: 1, col: 1, editing: true, seed: null })
    expect(gridKey(cur(1, 1), { key: '≥' }, bounds).cursor).toEqual({ row: 1, col: 1, editing: true, seed: '≥' })
    expect(gridKey(cur(1, 1), { key: 'c', ctrlKey: true }, bounds).handled).toBe(false)
  })

  it('never opens an editor on a locked cell (a target after launch): Enter, F2 and typing say why instead', () => {
    for (const key of ['Enter', 'F2', '6']) {
      expect(gridKey(cur(4, 1), { key }, bounds)).toEqual({ cursor: cur(4, 1), effect: 'locked', handled: true })
    }
    expect(gridKey(cur(4, 0), { key: 'Enter' }, bounds).cursor.editing).toBe(true)
    expect(gridKey(cur(4, 1), { key: 'ArrowUp' }, bounds).cursor).toEqual(cur(3, 1))
  })

  it('never edits a read-only column', () => {
    const result = gridKey(cur(1, 3), { key: 'Enter' }, bounds)
    expect(result.cursor.editing).toBe(false)
    expect(result.handled).toBe(false)
  })

  it('Enter or Space on a group header toggles it instead of editing', () => {
    expect(gridKey(cur(2, 1), { key: 'Enter' }, bounds)).toMatchObject({ effect: 'toggle-group', cursor: cur(2, 1) })
    expect(gridKey(cur(2, 1), { key: ' ' }, bounds).effect).toBe('toggle-group')
    expect(gridKey(cur(2, 1), { key: 'x' }, bounds).cursor.editing).toBe(false)
  })

  it('Alt+Enter opens the KPI detail', () => {
    expect(gridKey(cur(1, 0), { key: 'Enter', altKey: true }, bounds).effect).toBe('open-detail')
  })
})

describe('afterEdit', () => {
  const editing = { row: 1, col: 2, editing: true, seed: 'a' }
  it('goes down after Enter, right after Tab, stays after Escape', () => {
    expect(afterEdit(editing, 'enter', bounds)).toEqual(cur(2, 2))
    expect(afterEdit(editing, 'tab', bounds)).toEqual(cur(1, 3))
    expect(afterEdit(editing, 'cancel', bounds)).toEqual(cur(1, 2))
  })
})

describe('clampCursor', () => {
  it('pulls the cursor back in when the grid shrinks', () => {
    expect(clampCursor(cur(9, 3), { rows: 3, cols: 4 })).toEqual(cur(2, 3))
    const same = cur(1, 1)
    expect(clampCursor(same, { rows: 3, cols: 4 })).toBe(same)
  })
})
