import { create } from 'zustand'
import type { BackupSettings, BackupView, RestoreResult } from '../../../../electron/domain/backup'
import { api } from '../../api/client'

interface BackupState {
  open: boolean
  settings: BackupSettings | null
  backups: BackupView[]
  setOpen: (open: boolean) => void
  load: () => Promise<void>
  configure: (change: { intervalHours?: number; keep?: number }) => Promise<void>
  create: () => Promise<BackupView>
  restore: (file: string) => Promise<RestoreResult>
}

/** The backups beside the workspace and their schedule; the files are the truth. */
export const useBackupStore = create<BackupState>((set, get) => ({
  open: false,
  settings: null,
  backups: [],
  setOpen: (open) => set({ open }),
  load: async () => {
    const [settings, backups] = await Promise.all([api.call('backup.settings', {}), api.call('backup.list', {})])
    set({ settings, backups })
  },
  configure: async (change) => {
    set({ settings: await api.call('backup.configure', change) })
  },
  create: async () => {
    const made = await api.call('backup.create', {})
    await get().load()
    return made
  },
  restore: async (file) => {
    const done = await api.call('backup.restore', { file })
    await get().load()
    return done
  }
}))
