import { create } from 'zustand'
import type { PullSummary } from '../../../../electron/api'
import { toApiError } from '../../api/api-error'
import { api } from '../../api/client'

export interface PullScope {
  boardId: number
  /** Absent: every KPI of the board. */
  kpiIds?: number[]
  /** What the dialog names: a KPI code, or a count. */
  label: string
}

interface PullState {
  scope: PullScope | null
  running: boolean
  progress: { done: number; total: number; code: string } | null
  summary: PullSummary | null
  cancelled: boolean
  cancel: (() => void) | null
  open: (scope: PullScope) => void
  close: () => void
  start: (range: { from?: string; to?: string }) => Promise<void>
  stop: () => void
}

/** One pull at a time: its scope, the streamed progress, the per-KPI results, and its cancel. */
export const usePullStore = create<PullState>((set, get) => ({
  scope: null,
  running: false,
  progress: null,
  summary: null,
  cancelled: false,
  cancel: null,
  open: (scope) => {
    if (get().running) return
    set({ scope, progress: null, summary: null, cancelled: false })
  },
  close: () => {
    get().cancel?.()
    set({ scope: null })
  },
  start: async ({ from, to }) => {
    const { scope } = get()
    if (!scope || get().running) return
    const input = { boardId: scope.boardId, ...(scope.kpiIds ? { kpiIds: scope.kpiIds } : {}), ...(from && to ? { from, to } : {}) }
    const stream = api.stream('actuals.pull', input, (progress) => set({ progress }))
    set({ running: true, progress: null, summary: null, cancelled: false, cancel: stream.cancel })
    try {
      set({ summary: await stream.result })
    } catch (error) {
      if (toApiError(error).code === 'CANCELLED') set({ cancelled: true })
      else throw error
    } finally {
      set({ running: false, cancel: null })
    }
  },
  stop: () => {
    get().cancel?.()
    set({ cancelled: true })
  }
}))
