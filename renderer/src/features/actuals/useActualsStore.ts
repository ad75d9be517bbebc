import { create } from 'zustand'
import type { RevisionView, SeriesView, ValuePage } from '../../../../electron/api'
import { api } from '../../api/client'
import { dayOf } from './series-points'

export const PAGE_SIZE = 12

/** The visible part of the time axis, in the chart's local milliseconds. */
export interface ZoomWindow {
  start: number
  end: number
}

const sameWindow = (a: ZoomWindow | null, b: ZoomWindow | null) =>
  a === b || (a !== null && b !== null && Math.abs(a.start - b.start) < 1_000 && Math.abs(a.end - b.end) < 1_000)

interface ActualsState {
  kpiId: number | null
  /** The chart's plotting width in pixels: the core sends at most two points per pixel. */
  width: number
  /** The whole extent at that width: the zoom slider's shadow and what is drawn outside a zoom. */
  overview: SeriesView | null
  /** The zoomed range at that width, exact once it holds few enough values. */
  detail: SeriesView | null
  zoom: ZoomWindow | null
  page: ValuePage | null
  pageIndex: number
  revisions: RevisionView[]
  loading: boolean
  showHistory: boolean
  load: (kpiId: number, width: number) => Promise<void>
  zoomTo: (zoom: ZoomWindow | null) => Promise<void>
  showPage: (index: number) => Promise<void>
  setShowHistory: (value: boolean) => Promise<void>
}

/** The open KPI's chart series, one page of its values and its revisions (for target-change marks); reloaded on `actuals.changed`. */
export const useActualsStore = create<ActualsState>((set, get) => {
  // Only the latest answer of each kind is kept: a slow answer to an earlier zoom or page never overwrites a newer one.
  const latest = { detail: 0, page: 0 }

  const fetchDetail = async (kpiId: number, zoom: ZoomWindow | null) => {
    const ticket = ++latest.detail
    const detail = zoom ? await api.call('actuals.series', { kpiId, width: get().width, from: dayOf(zoom.start), to: dayOf(zoom.end) }) : null
    if (ticket === latest.detail && get().kpiId === kpiId) set({ detail })
  }
  const fetchPage = async (kpiId: number, pageIndex: number) => {
    const ticket = ++latest.page
    set({ loading: true })
    try {
      const page = await api.call('actuals.page', { kpiId, history: get().showHistory, offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE })
      if (ticket === latest.page && get().kpiId === kpiId) set({ page, pageIndex })
    } finally {
      if (ticket === latest.page) set({ loading: false })
    }
  }

  return {
    kpiId: null,
    width: 640,
    overview: null,
    detail: null,
    zoom: null,
    page: null,
    pageIndex: 0,
    revisions: [],
    loading: false,
    showHistory: false,
    load: async (kpiId, width) => {
      const same = get().kpiId === kpiId
      if (!same) set({ kpiId, overview: null, detail: null, zoom: null, page: null, pageIndex: 0, revisions: [] })
      set({ width })
      const { zoom, pageIndex } = get()
      const [overview, revisions] = await Promise.all([
        api.call('actuals.series', { kpiId, width }),
        api.call('kpi.history', { kpiId }),
        fetchPage(kpiId, same ? pageIndex : 0),
        fetchDetail(kpiId, zoom)
      ])
      if (get().kpiId === kpiId) set({ overview, revisions })
    },
    zoomTo: async (zoom) => {
      const { kpiId, zoom: current } = get()
      // Redrawing the chart for a zoom can echo the same window back: nothing to ask again.
      if (sameWindow(zoom, current)) return
      set({ zoom })
      if (kpiId !== null) await fetchDetail(kpiId, zoom)
    },
    showPage: async (index) => {
      const { kpiId } = get()
      if (kpiId !== null) await fetchPage(kpiId, index)
    },
    setShowHistory: async (showHistory) => {
      set({ showHistory })
      const { kpiId } = get()
      if (kpiId !== null) await fetchPage(kpiId, 0)
    }
  }
})
