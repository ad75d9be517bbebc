import { create } from 'zustand'
import type { AlertView } from '../../../../electron/api'
import { api } from '../../api/client'
import { mergeAlerts } from './alert-rows'

interface AlertState {
  boardId: number | null
  alerts: AlertView[]
  load: (boardId: number) => Promise<void>
  /** Adds alerts an `alert.raised` event carried, if they belong to the open board. */
  raised: (boardId: number, alerts: AlertView[]) => void
  acknowledge: (id: number) => Promise<void>
}

/** The open board's alert history for the header bell. */
export const useAlertStore = create<AlertState>((set, get) => ({
  boardId: null,
  alerts: [],
  load: async (boardId) => {
    if (get().boardId !== boardId) set({ boardId, alerts: [] })
    const alerts = await api.call('alerts.list', { boardId, limit: 200 })
    if (get().boardId === boardId) set({ alerts })
  },
  raised: (boardId, alerts) => {
    if (get().boardId === boardId) set({ alerts: mergeAlerts(get().alerts, alerts) })
  },
  acknowledge: async (id) => {
    await api.call('alerts.acknowledge', { id })
    set({ alerts: get().alerts.map((a) => (a.id === id ? { ...a, acknowledgedAt: Date.now() } : a)) })
  }
}))
