import { describe, expect, it } from 'vitest'
import { moveColumn, setHidden, setWidth } from './column-layout'
import { DEFAULT_LAYOUT, resolveLayout, shownColumns, SELECT_WIDTH } from './columns'

const keys = (layout: { key: string }[]) => layout.map((c) => c.key)

describe('the default columns', () => {
  it('put what a product owner opens the board for right after the frozen KPI: value, health, latest proposal', () => {
    expect(keys(shownColumns(DEFAULT_LAYOUT)).slice(0, 5)).toEqual(['code', 'name', 'currentValue', 'light', 'proposal'])
  })

  it('fit the select box, the KPI and those three in 1280 px less the board list (260) and paddings', () => {
    const first = shownColumns(DEFAULT_LAYOUT).slice(0, 5)
    expect(SELECT_WIDTH + first.reduce((sum, c) => sum + c.width, 0)).toBeLessThan(1280 - 260 - 40 - 16)
  })

  it('freeze code and name at the left, one after the other behind the select box', () => {
    const [code, name, value] = shownColumns(DEFAULT_LAYOUT)
    expect([code?.left, name?.left, value?.left]).toEqual([SELECT_WIDTH, SELECT_WIDTH + code!.width, null])
    expect([code?.frozenEdge, name?.frozenEdge]).toEqual([false, true])
  })
})

describe("the user's layout", () => {
  it('hides and shows a column, but never a frozen one', () => {
    const hidden = setHidden(DEFAULT_LAYOUT, 'owner', true)
    expect(keys(shownColumns(hidden))).not.toContain('owner')
    expect(keys(shownColumns(setHidden(hidden, 'owner', false)))).toContain('owner')
    expect(setHidden(DEFAULT_LAYOUT, 'name', true)).toBe(DEFAULT_LAYOUT)
  })

  it('moves a column among the others, never past or into the frozen ones', () => {
    const moved = moveColumn(DEFAULT_LAYOUT, 'target', -1)
    expect(keys(moved).slice(0, 6)).toEqual(['code', 'name', 'currentValue', 'light', 'target', 'proposal'])
    expect(moveColumn(DEFAULT_LAYOUT, 'currentValue', -1)).toBe(DEFAULT_LAYOUT)
    expect(moveColumn(DEFAULT_LAYOUT, 'code', 1)).toBe(DEFAULT_LAYOUT)
    expect(moveColumn(DEFAULT_LAYOUT, 'updatedAt', 1)).toBe(DEFAULT_LAYOUT)
  })

  it('keeps a width within bounds', () => {
    expect(setWidth(DEFAULT_LAYOUT, 'name', 12).find((c) => c.key === 'name')?.width).toBe(60)
    expect(setWidth(DEFAULT_LAYOUT, 'name', 333.4).find((c) => c.key === 'name')?.width).toBe(333)
  })

  it('made whole when read: frozen first and shown, a column it does not name at its default place', () => {
    const stored = [
      { key: 'light' as const, width: 150, hidden: false },
      { key: 'name' as const, width: 300, hidden: true },
      { key: 'target' as const, width: 200, hidden: true }
    ]
    const layout = resolveLayout(stored)
    expect(keys(layout).slice(0, 4)).toEqual(['code', 'name', 'currentValue', 'light'])
    expect(layout.find((c) => c.key === 'name')).toEqual({ key: 'name', width: 300, hidden: false })
    expect(layout.find((c) => c.key === 'target')?.hidden).toBe(true)
    expect(layout).toHaveLength(DEFAULT_LAYOUT.length)
    expect(resolveLayout(null)).toBe(DEFAULT_LAYOUT)
  })
})
