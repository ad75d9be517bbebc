import { create } from 'zustand'
import type { AppInfo, Input, SourceTest, SourceView, TableView } from '../../../../electron/api'
import { api } from '../../api/client'

interface SourceState {
  open: boolean
  sources: SourceView[]
  /** Browser mode keeps a password only for the session; the desktop app encrypts it. */
  mode: AppInfo['mode'] | null
  tests: Record<string, SourceTest>
  tables: Record<string, TableView[]>
  setOpen: (open: boolean) => void
  load: () => Promise<void>
  save: (input: Input<'source.save'>) => Promise<SourceView>
  remove: (name: string) => Promise<void>
  test: (name: string) => Promise<SourceTest>
  loadTables: (name: string) => Promise<void>
}

/** The workspace's data sources, with the last test result and table list per source. */
export const useSourceStore = create<SourceState>((set, get) => {
  const forget = (name: string) => {
    const { [name]: _test, ...tests } = get().tests
    const { [name]: _tables, ...tables } = get().tables
    set({ tests, tables })
  }
  return {
    open: false,
    sources: [],
    mode: null,
    tests: {},
    tables: {},
    setOpen: (open) => set({ open }),
    load: async () => {
      const [sources, info] = await Promise.all([api.call('source.list', {}), get().mode ? null : api.call('app.info', {})])
      set({ sources, ...(info ? { mode: info.mode } : {}) })
    },
    save: async (input) => {
      const saved = await api.call('source.save', input)
      forget(saved.name)
      await get().load()
      return saved
    },
    remove: async (name) => {
      await api.call('source.remove', { name })
      forget(name)
      await get().load()
    },
    test: async (name) => {
      const result = await api.call('source.test', { name })
      set({ tests: { ...get().tests, [name]: result } })
      return result
    },
    loadTables: async (name) => {
      const tables = await api.call('source.tables', { name })
      set({ tables: { ...get().tables, [name]: tables } })
    }
  }
})
