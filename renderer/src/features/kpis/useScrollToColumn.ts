import { useEffect, type RefObject } from 'react'
import { SELECT_WIDTH, type ShownColumn } from './columns'

/** Scrolls the grid sideways so the cursor's column is in view and not under the frozen columns. */
export function useScrollToColumn(container: RefObject<HTMLDivElement | null>, columns: readonly ShownColumn[], col: number) {
  useEffect(() => {
    const grid = container.current
    const column = columns[col]
    if (!grid || !column || column.left !== null) return
    const frozenEnd = columns.reduce((end, c) => (c.left === null ? end : c.left + c.width), SELECT_WIDTH)
    const start = SELECT_WIDTH + columns.slice(0, col).reduce((sum, c) => sum + c.width, 0)
    const end = start + column.width
    if (start - frozenEnd < grid.scrollLeft) grid.scrollLeft = start - frozenEnd
    else if (end > grid.scrollLeft + grid.clientWidth) grid.scrollLeft = end - grid.clientWidth
  }, [container, columns, col])
}
