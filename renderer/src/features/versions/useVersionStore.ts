import { create } from 'zustand'
import type { VersionDiff, VersionView } from '../../../../electron/api'
import { api } from '../../api/client'

interface VersionState {
  boardId: number | null
  versions: VersionView[]
  load: (boardId: number) => Promise<void>
  suggest: (boardId: number) => Promise<string>
  cut: (boardId: number, label: string, note: string) => Promise<VersionView>
  diff: (boardId: number, from: string, to: string) => Promise<VersionDiff>
  restore: (boardId: number, label: string, reason: string) => Promise<{ restored: number; retired: number; unchanged: number }>
}

/** `current` is the board as it is now, on either side of a diff. */
export const CURRENT = 'current'

export const useVersionStore = create<VersionState>((set, get) => ({
  boardId: null,
  versions: [],
  load: async (boardId) => {
    if (get().boardId !== boardId) set({ boardId, versions: [] })
    const versions = await api.call('version.list', { boardId })
    if (get().boardId === boardId) set({ versions })
  },
  suggest: async (boardId) => (await api.call('version.suggest', { boardId })).label,
  cut: async (boardId, label, note) => {
    const version = await api.call('version.cut', { boardId, label, note: note || undefined })
    await get().load(boardId)
    return version
  },
  diff: (boardId, from, to) => api.call('version.diff', { boardId, from, to }),
  restore: (boardId, label, reason) => api.call('version.restore', { boardId, label, reason: reason || undefined })
}))
