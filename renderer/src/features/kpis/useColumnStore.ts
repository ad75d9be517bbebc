import { create } from 'zustand'
import type { BoardColumns } from '../../../../electron/domain/board-columns'
import { api } from '../../api/client'
import { DEFAULT_LAYOUT, resolveLayout } from './columns'

interface ColumnState {
  boardId: number | null
  /** The open board's columns: every column, in the user's order, with widths and which are hidden. */
  layout: BoardColumns
  /** Reads the board's layout from the workspace; the default shows until it answers. */
  load: (boardId: number) => Promise<void>
  /** Shows a layout now; `save` (the default) also writes it to the workspace, else only the screen changes (a drag in progress). */
  change: (layout: BoardColumns, save?: boolean) => Promise<void>
  reset: () => Promise<void>
}

export const useColumnStore = create<ColumnState>((set, get) => ({
  boardId: null,
  layout: DEFAULT_LAYOUT,
  load: async (boardId) => {
    if (get().boardId !== boardId) set({ boardId, layout: DEFAULT_LAYOUT })
    const stored = await api.call('board.columns.get', { boardId })
    if (get().boardId === boardId) set({ layout: resolveLayout(stored) })
  },
  change: async (layout, save = true) => {
    set({ layout })
    const { boardId } = get()
    if (save && boardId !== null) await api.call('board.columns.set', { boardId, columns: layout })
  },
  reset: async () => {
    set({ layout: DEFAULT_LAYOUT })
    const { boardId } = get()
    if (boardId !== null) await api.call('board.columns.reset', { boardId })
  }
}))
