import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { BoardPage, KpiView, Result } from '../../../../electron/api'
import type { Transport } from '../../api/transport'
import { kpiView } from './test-kpis'
import type { useKpiStore } from './useKpiStore'

// The board store against a transport that answers `kpi.page` from boards held here, one page at a time when the
// test lets it: what the grid would draw after each answer.

const boards = new Map<number, KpiView[]>()
const waiting: { input: { boardId: number; after?: number; limit: number }; answer: () => void }[] = []

const transport: Transport = {
  call: (name, input) =>
    new Promise<Result<unknown>>((resolve) => {
      if (name !== 'kpi.page') return resolve({ ok: false, error: { code: 'INTERNAL', message: `not scripted: ${name}` } })
      const request = input as { boardId: number; after?: number; limit: number }
      waiting.push({
        input: request,
        answer: () => {
          const all = boards.get(request.boardId) ?? []
          const rest = all.filter((k) => k.id > (request.after ?? 0))
          const rows = rest.slice(0, request.limit)
          const page: BoardPage<KpiView> = { rows, next: rest.length > request.limit ? rows.at(-1)!.id : null, total: all.length }
          resolve({ ok: true, data: page })
        }
      })
    }),
  on: () => () => undefined,
  stream: () => ({ result: Promise.resolve({ ok: true, data: null }), cancel: () => undefined })
}

/** Answers the oldest page request and lets the store take it. */
async function answerNext() {
  await vi.waitFor(() => expect(waiting.length).toBeGreaterThan(0))
  waiting.shift()!.answer()
  await new Promise((resolve) => setTimeout(resolve, 0))
}

const boardOf = (boardId: number, size: number, firstId: number) =>
  Array.from({ length: size }, (_, i) => kpiView({ code: `B${boardId}-${i}`, name: `Metric ${i}` }, { id: firstId + i, boardId, revisionId: firstId + i }))

let store: typeof useKpiStore

beforeAll(async () => {
  vi.stubGlobal('window', { kpi: transport, location: { href: 'http://localhost/' } })
  store = (await import('./useKpiStore')).useKpiStore
})
afterEach(() => {
  waiting.length = 0
})

describe('the board store streams a board', () => {
  it('draws the first 200 rows before the rest arrive, says how far it got, and ends with the whole board in id order', async () => {
    boards.set(1, boardOf(1, 5_450, 1))
    const loading = store.getState().load(1)
    await answerNext()
    expect(store.getState()).toMatchObject({ answeredBoard: 1, progress: { loaded: 200, total: 5_450 } })
    expect(store.getState().kpis).toHaveLength(200)
    expect(waiting[0]!.input).toMatchObject({ after: 200, limit: 5000 })

    await answerNext()
    expect(store.getState().progress).toEqual({ loaded: 5_200, total: 5_450 })
    await answerNext()
    await loading
    expect(store.getState().progress).toBeNull()
    expect(store.getState().kpis.map((k) => k.id)).toEqual(boards.get(1)!.map((k) => k.id))
  })

  it('a board opened while another streams gets none of the other board’s rows, and the other stream stops', async () => {
    boards.set(2, boardOf(2, 6_000, 10_001))
    boards.set(3, boardOf(3, 300, 20_001))
    const first = store.getState().load(2)
    await answerNext()
    expect(store.getState().kpis[0]!.boardId).toBe(2)

    const second = store.getState().load(3)
    // Board 2's second page answers after board 3 was opened: it is dropped, and no third page is asked for.
    await answerNext()
    await first
    expect(store.getState().kpis).toEqual([])
    await answerNext()
    await answerNext()
    await second
    expect(waiting).toHaveLength(0)
    const { kpis, progress, boardId } = store.getState()
    expect(boardId).toBe(3)
    expect(progress).toBeNull()
    expect(kpis.map((k) => k.boardId)).toEqual(kpis.map(() => 3))
    expect(kpis).toHaveLength(300)
  })

  it('an edit put while the stream runs is kept over an older copy of the same KPI in a later page', async () => {
    boards.set(4, boardOf(4, 400, 30_001))
    const loading = store.getState().load(4)
    await answerNext()
    const later = boards.get(4)![300]!
    store.getState().put({ ...later, name: 'Edited meanwhile', revisionId: 99_999 })
    await answerNext()
    await loading
    const kpis = store.getState().kpis
    expect(kpis).toHaveLength(400)
    expect(kpis.find((k) => k.id === later.id)?.name).toBe('Edited meanwhile')
  })

  it('waits for the whole board where an action needs it', async () => {
    boards.set(5, boardOf(5, 450, 40_001))
    const loading = store.getState().load(5)
    await answerNext()
    let whole = 0
    const waited = store
      .getState()
      .whenLoaded()
      .then(() => (whole = store.getState().kpis.length))
    await answerNext()
    await loading
    await waited
    expect(whole).toBe(450)
  })
})
