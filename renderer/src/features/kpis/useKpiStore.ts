import { create } from 'zustand'
import type { Input, KpiView } from '../../../../electron/api'
import type { KpiPatch, NewKpi } from '../../../../electron/domain/kpi-input'
import { api } from '../../api/client'
import { emptyQuery, type KpiQuery } from './rows'
import { withIds } from './selection'

interface KpiState {
  boardId: number | null
  kpis: KpiView[]
  loading: boolean
  /** The board whose list has answered at least once; until then the board shows a loading state, not "no KPIs". */
  answeredBoard: number | null
  includeRetired: boolean
  query: KpiQuery
  /** KPIs ticked in the grid; board actions work on them when there are any. */
  selected: ReadonlySet<number>
  select: (ids: readonly number[], on: boolean) => void
  clearSelection: () => void
  load: (boardId: number) => Promise<void>
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

export const useKpiStore = create<KpiState>((set, get) => {
  const put = (kpi: KpiView) => {
    const { kpis, boardId, includeRetired } = get()
    if (kpi.boardId !== boardId) return
    const visible = includeRetired || kpi.stage !== 'retired'
    const index = kpis.findIndex((k) => k.id === kpi.id)
    if (index === -1) {
      if (visible) set({ kpis: [...kpis, kpi] })
      return
    }
    const next = [...kpis]
    if (visible) next[index] = kpi
    else next.splice(index, 1)
    set({ kpis: next })
  }

  return {
    boardId: null,
    kpis: [],
    loading: false,
    answeredBoard: null,
    includeRetired: false,
    query: emptyQuery,
    selected: new Set(),
    select: (ids, on) => set({ selected: withIds(get().selected, ids, on) }),
    clearSelection: () => set({ selected: new Set() }),
    load: async (boardId) => {
      if (get().boardId !== boardId) set({ boardId, kpis: [], query: emptyQuery, selected: new Set() })
      set({ loading: true })
      try {
        const kpis = await api.call('kpi.list', { boardId, includeRetired: get().includeRetired })
        if (get().boardId === boardId) set({ kpis, answeredBoard: boardId })
      } finally {
        set({ loading: false })
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
