import { create } from 'zustand'
import type { Input, KpiView } from '../../../../electron/api'
import type { KpiPatch, NewKpi } from '../../../../electron/domain/kpi-input'
import { api } from '../../api/client'
import { type Cursor, mergePage, putById, streamPages, type StreamProgress } from './board-stream'
import { emptyQuery, type KpiQuery } from './rows'
import { withIds } from './selection'

interface KpiState {
  boardId: number | null
  kpis: KpiView[]
  loading: boolean
  /** The board whose list has answered at least once; until then the board shows a loading state, not "no KPIs". */
  answeredBoard: number | null
  /** While the board streams in (or after a page failed): rows read so far of the board's total; null once every page has come. */
  progress: StreamProgress | null
  includeRetired: boolean
  query: KpiQuery
  /** KPIs ticked in the grid; board actions work on them when there are any. */
  selected: ReadonlySet<number>
  select: (ids: readonly number[], on: boolean) => void
  clearSelection: () => void
  /** Shows the first page at once, then streams the rest into the same list; a newer load stops an older one. */
  load: (boardId: number) => Promise<void>
  /** Reads the rest of the board from the page that failed. */
  resume: () => Promise<void>
  /** Resolves once the board has fully arrived (what needs the whole board waits for it); rejects if a page failed. */
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
// KPIs of the board shown that an edit retired, by the revision that retired them: a page read before the retirement
// still has them live, and must not bring them back.
let retiredAt = new Map<number, number>()
const notRetiredSince = (kpi: KpiView) => (retiredAt.get(kpi.id) ?? -Infinity) < kpi.revisionId

export const useKpiStore = create<KpiState>((set, get) => {
  const put = (kpi: KpiView) => {
    const { kpis, boardId, includeRetired } = get()
    if (kpi.boardId !== boardId) return
    if (kpi.stage === 'retired') retiredAt.set(kpi.id, kpi.revisionId)
    else retiredAt.delete(kpi.id)
    if (includeRetired || kpi.stage !== 'retired') set({ kpis: putById(kpis, kpi) })
    else if (kpis.some((k) => k.id === kpi.id)) set({ kpis: kpis.filter((k) => k.id !== kpi.id) })
  }

  /** Streams the board from `from`; a failed page stays in `progress` with its cursor, for `resume`. */
  const stream = async (boardId: number, run: number, from?: Cursor) => {
    const includeRetired = get().includeRetired
    let { loaded, total } = get().progress ?? { loaded: 0, total: 0 }
    const failed = await streamPages(
      (after, limit) => api.call('kpi.page', { boardId, includeRetired, after, limit }),
      ({ rows, after, through, total: counted }) => {
        loaded += rows.length
        // Only the first page counts the board; KPIs added since may take the count past it.
        total = Math.max(counted ?? total, loaded)
        set({
          kpis: mergePage(get().kpis, includeRetired ? rows : rows.filter(notRetiredSince), after, through, newerRevision),
          answeredBoard: boardId,
          progress: through === null ? null : { loaded, total, failed: null }
        })
      },
      () => run === generation && get().boardId === boardId,
      from
    )
    if (failed) set({ progress: { loaded, total, failed } })
  }

  const start = async (boardId: number, from?: Cursor) => {
    const run = ++generation
    set({ loading: true })
    const done = stream(boardId, run, from)
    streaming = done
    try {
      await done
    } finally {
      if (run === generation) set({ loading: false })
    }
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
      if (get().boardId !== boardId) {
        retiredAt = new Map()
        set({ boardId, kpis: [], query: emptyQuery, selected: new Set() })
      }
      set({ progress: null })
      await start(boardId)
    },
    resume: async () => {
      const { boardId, progress } = get()
      if (boardId === null || !progress?.failed) return
      set({ progress: { ...progress, failed: null } })
      await start(boardId, progress.failed.at)
    },
    whenLoaded: async () => {
      for (;;) {
        const awaited = streaming
        await awaited.catch(() => undefined)
        if (awaited !== streaming) continue
        const failed = get().progress?.failed
        if (failed) throw failed.error
        return
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
