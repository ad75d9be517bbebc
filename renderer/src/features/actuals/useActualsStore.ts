import { create } from 'zustand'
import type { MeasurementView, RevisionView } from '../../../../electron/api'
import { api } from '../../api/client'

interface ActualsState {
  kpiId: number | null
  /** Every value of the KPI, superseded ones included; the table and chart derive from it. */
  values: MeasurementView[]
  revisions: RevisionView[]
  loading: boolean
  showHistory: boolean
  load: (kpiId: number) => Promise<void>
  setShowHistory: (value: boolean) => void
}

/** The open KPI's actuals and revisions (for target-change marks); reloaded on `actuals.changed`. */
export const useActualsStore = create<ActualsState>((set, get) => ({
  kpiId: null,
  values: [],
  revisions: [],
  loading: false,
  showHistory: false,
  load: async (kpiId) => {
    if (get().kpiId !== kpiId) set({ kpiId, values: [], revisions: [] })
    set({ loading: true })
    try {
      const [values, revisions] = await Promise.all([api.call('actuals.list', { kpiId, history: true }), api.call('kpi.history', { kpiId })])
      if (get().kpiId === kpiId) set({ values, revisions })
    } finally {
      set({ loading: false })
    }
  },
  setShowHistory: (showHistory) => set({ showHistory })
}))
