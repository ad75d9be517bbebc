import { create } from 'zustand'
import type { Input, KpiView } from '../../../../electron/api'
import type { KpiPatch, NewKpi } from '../../../../electron/domain/kpi-input'
import { api } from '../../api/client'
import { mergePage, putById, streamPages, type StreamProgress } from './board-stream'
import { emptyQuery, type KpiQuery } from './rows'
import { withIds } from './selection'

interface KpiState {
  boardId: number | null
  kpis: KpiView[]
  loading: boolean
  /** The board whose list has answered at least once; until then the board shows a loading state, not "no KPIs". */
  answeredBoard: number | null
  /** While the board streams in: rows read so far of the board's total; null once every page has come. */
  progress: StreamProgress | null
  includeRetired: boolean
  query: KpiQuery
  /** KPIs ticked in the grid; board actions work on them when there are any. */
  selected: ReadonlySet<number>
  select: (ids: readonly number[], on: boolean) => void
  clearSelection: () => void
  /** Shows the first page at once, then streams the rest into the same list; a newer load stops an older one. */
  load: (boardId: number) => Promise<void>
  /** Resolves once the board has fully arrived (what needs the whole board waits for it). */
  whenLoaded: () => Promise<void>
  /** Re-reads the KPIs an event named; many at once reloads the board. */
  refresh: (boardId: number, kpiIds: number[]) => Promise<void>
  setQuery: (patch: Partial<KpiQuery>) => void
  setIncludeRetired: (value: boolean) => Promise<void>
  add: (fields: NewKpi, options?: Omit<Input<'kpi.add'>, 'boardId' | 'fields'>) => Promise<KpiView>
  edit: (kpiId: number, set: KpiPatch, options?: Omit<Input<'kpi.edit'>, 'kpiId' | 'set'>) => Promise<KpiView>
  /** Puts a KPI view returned by any procedure into the cache. */
  put: (kpi: KpiView) => void
}

const REFRESH_ONE_BY_ONE = 20
/** A copy of a KPI put by an edit is newer than the one a page read before it. */
const newerRevision = (held: KpiView, paged: KpiView) => held.revisionId > paged.revisionId

// Each load counts up; a stream whose number is no longer the latest stops and drops its pages.
let generation = 0
let streaming: Promise<unknown> = Promise.resolve()

export const useKpiStore = create<KpiState>((set, get) => {
  const put = (kpi: KpiView) => {
    const { kpis, boardId, includeRetired } = get()
    if (kpi.boardId !== boardId) return
    if (includeRetired || kpi.stage !== 'retired') set({ kpis: putById(kpis, kpi) })
    else if (kpis.some((k) => k.id === kpi.id)) set({ kpis: kpis.filter((k) => k.id !== kpi.id) })
  }

  const stream = async (boardId: number, run: number) => {
    const includeRetired = get().includeRetired
    let loaded = 0
    await streamPages(
      (after, limit) => api.call('kpi.page', { boardId, includeRetired, after, limit }),
      ({ rows, after, through, total }) => {
        loaded += rows.length
        set({
          kpis: mergePage(get().kpis, rows, after, through, newerRevision),
          answeredBoard: boardId,
          progress: through === null ? null : { loaded, total }
        })
      },
      () => run === generation && get().boardId === boardId
    )
  }

  return {
    boardId: null,
    kpis: [],
    loading: false,
    answeredBoard: null,
    progress: null,
    includeRetired: false,
    query: emptyQuery,
    selected: new Set(),
    select: (ids, on) => set({ selected: withIds(get().selected, ids, on) }),
    clearSelection: () => set({ selected: new Set() }),
    load: async (boardId) => {
      const run = ++generation
      if (get().boardId !== boardId) set({ boardId, kpis: [], progress: null, query: emptyQuery, selected: new Set() })
      set({ loading: true })
      const done = stream(boardId, run)
      streaming = done
      try {
        await done
      } finally {
        if (run === generation) set({ loading: false })
      }
    },
    whenLoaded: async () => {
      for (;;) {
        const awaited = streaming
        await awaited.catch(() => undefined)
        if (awaited === streaming) return
      }
    },
    refresh: async (boardId, kpiIds) => {
      if (boardId !== get().boardId) return
      if (kpiIds.length > REFRESH_ONE_BY_ONE) return get().load(boardId)
      const views = await Promise.all(kpiIds.map((kpiId) => api.call('kpi.get', { kpiId })))
      views.forEach(put)
    },
    setQuery: (patch) => set({ query: { ...get().query, ...patch } }),
    setIncludeRetired: async (includeRetired) => {
      set({ includeRetired })
      const { boardId } = get()
      if (boardId !== null) await get().load(boardId)
    },
    add: async (fields, options = {}) => {
      const boardId = get().boardId
      if (boardId === null) throw new Error('No board is open.')
      const kpi = await api.call('kpi.add', { boardId, fields, ...options })
      put(kpi)
      return kpi
    },
    edit: async (kpiId, patch, options = {}) => {
      const kpi = await api.call('kpi.edit', { kpiId, set: patch, ...options })
      put(kpi)
      return kpi
    },
    put
  }
})
