import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { procedureCaller } from './testing/dispatch'
import { counts, tempWorkspace } from '../../services/testing/temp-workspace'
import { createCore } from '../../services/core'

let ws: ReturnType<typeof tempWorkspace>
beforeEach(() => (ws = tempWorkspace()))
afterEach(() => ws.cleanup())

const layout = [
  { key: 'code', width: 100, hidden: false },
  { key: 'name', width: 300, hidden: false },
  { key: 'light', width: 140, hidden: false },
  { key: 'owner', width: 90, hidden: true }
]

describe("a board's column layout", () => {
  it('is the default (null) until the user arranges it, then is kept per board in the workspace file', async () => {
    const api = procedureCaller(ws.core)
    const growth = await api.call<{ id: number }>('board.create', { name: '增长' })
    const other = await api.call<{ id: number }>('board.create', { name: 'Other' })
    expect(await api.call('board.columns.get', { boardId: growth.id })).toBeNull()
    const before = counts(ws.core).audit
    expect(await api.call('board.columns.set', { boardId: growth.id, columns: layout })).toEqual(layout)
    expect(counts(ws.core).audit).toBe(before)
    expect(await api.call('board.columns.get', { boardId: other.id })).toBeNull()

    ws.core.close()
    const reopened = createCore(ws.file, { access: 'write' })
    try {
      expect(await procedureCaller(reopened).call('board.columns.get', { boardId: growth.id })).toEqual(layout)
    } finally {
      reopened.close()
    }
  })

  it('resets to the default', async () => {
    const api = procedureCaller(ws.core)
    const board = await api.call<{ id: number }>('board.create', { name: 'Growth' })
    await api.call('board.columns.set', { boardId: board.id, columns: layout })
    await api.call('board.columns.reset', { boardId: board.id })
    expect(await api.call('board.columns.get', { boardId: board.id })).toBeNull()
  })

  it('refuses an unknown column, a column twice, an absurd width and a board that does not exist', async () => {
    const api = procedureCaller(ws.core)
    const board = await api.call<{ id: number }>('board.create', { name: 'Growth' })
    const set = (columns: unknown) => api.failure('board.columns.set', { boardId: board.id, columns })
    expect(await set([{ key: 'salary', width: 100, hidden: false }])).toMatchObject({ code: 'VALIDATION' })
    expect(await set([layout[0], layout[0]])).toMatchObject({ code: 'VALIDATION' })
    expect(await set([{ key: 'name', width: 5, hidden: false }])).toMatchObject({ code: 'VALIDATION' })
    expect(await api.failure('board.columns.get', { boardId: 999 })).toMatchObject({ code: 'BOARD_NOT_FOUND' })
  })
})
