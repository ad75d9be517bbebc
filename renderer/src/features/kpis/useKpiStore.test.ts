import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { BoardPage, KpiView, Result } from '../../../../electron/api'
import type { Transport } from '../../api/transport'
import { kpiView } from './test-kpis'
import type { useKpiStore } from './useKpiStore'

// The board store against a transport that answers `kpi.page` from boards held here, one page at a time when the
// test lets it: what the grid would draw after each answer.

const boards = new Map<number, KpiView[]>()
const waiting: { input: { boardId: number; after?: number; limit: number }; answer: () => void; fail: () => void }[] = []

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
          // As the core does: only the first page counts the board.
          const total = request.after === undefined ? all.length : null
          const page: BoardPage<KpiView> = { rows, next: rest.length > request.limit ? rows.at(-1)!.id : null, total }
          resolve({ ok: true, data: page })
        },
        fail: () => resolve({ ok: false, error: { code: 'WORKSPACE_BUSY', message: 'The workspace is busy.' } })
      })
    }),
  on: () => () => undefined,
  stream: () => ({ result: Promise.resolve({ ok: true, data: null }), cancel: () => undefined })
}

/** Answers the oldest page request (or fails it) and lets the store take it. */
async function answerNext(how: 'answer' | 'fail' = 'answer') {
  await vi.waitFor(() => expect(waiting.length).toBeGreaterThan(0))
  waiting.shift()![how]()
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
    expect(store.getState()).toMatchObject({ answeredBoard: 1, progress: { loaded: 200, total: 5_450, failed: null } })
    expect(store.getState().kpis).toHaveLength(200)
    expect(waiting[0]!.input).toMatchObject({ after: 200, limit: 5000 })

    await answerNext()
    expect(store.getState().progress).toEqual({ loaded: 5_200, total: 5_450, failed: null })
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

  it('a page that fails stops the progress with its error, what waits for the whole board is told, and Retry reads on from that page', async () => {
    boards.set(6, boardOf(6, 10_450, 50_001))
    const loading = store.getState().load(6)
    await answerNext()
    await answerNext()
    const waited = store
      .getState()
      .whenLoaded()
      .then(
        () => 'loaded',
        (error: { code: string }) => error.code
      )
    await answerNext('fail')
    await loading
    expect(await waited).toBe('WORKSPACE_BUSY')
    const { progress, kpis } = store.getState()
    expect(progress).toMatchObject({ loaded: 5_200, total: 10_450, failed: { error: { code: 'WORKSPACE_BUSY' }, at: { after: 55_200, limit: 5000 } } })
    expect(kpis).toHaveLength(5_200)

    const resumed = store.getState().resume()
    expect(store.getState().progress?.failed).toBeNull()
    expect(waiting[0]!.input).toEqual({ boardId: 6, includeRetired: false, after: 55_200, limit: 5000 })
    await answerNext()
    await answerNext()
    await resumed
    await store.getState().whenLoaded()
    expect(store.getState().progress).toBeNull()
    expect(store.getState().kpis.map((k) => k.id)).toEqual(boards.get(6)!.map((k) => k.id))
  })

  it('a KPI retired while an older page is on the way does not come back with that page', async () => {
    boards.set(7, boardOf(7, 400, 60_001))
    const loading = store.getState().load(7)
    await answerNext()
    // KPI 300 of the board is read by the second page before it is retired; the retirement lands first.
    const early = boards.get(7)![20]!
    const late = boards.get(7)![300]!
    store.getState().put({ ...early, stage: 'retired', revisionId: 99_001 })
    store.getState().put({ ...late, stage: 'retired', revisionId: 99_002 })
    await answerNext()
    await loading
    const ids = store.getState().kpis.map((k) => k.id)
    expect(ids).toHaveLength(398)
    expect(ids).not.toContain(late.id)
    expect(ids).not.toContain(early.id)

    // Reinstated (a newer revision) and read again, it is back.
    store.getState().put({ ...late, stage: 'draft', revisionId: 99_003 })
    expect(store.getState().kpis.map((k) => k.id)).toContain(late.id)
  })
})
