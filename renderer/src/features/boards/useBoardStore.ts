import { create } from 'zustand'
import type { BoardView } from '../../../../electron/api'
import { api } from '../../api/client'
import { i18next } from '../../i18n'
import type { BoardLanguage } from '../../../../electron/domain/board-language'

interface BoardState {
  boards: BoardView[]
  loaded: boolean
  load: () => Promise<void>
  create: (name: string, description?: string) => Promise<BoardView>
  rename: (boardId: number, name: string) => Promise<void>
  setLanguage: (boardId: number, language: BoardLanguage) => Promise<void>
  remove: (boardId: number) => Promise<void>
}

const replace = (boards: BoardView[], board: BoardView) => boards.map((b) => (b.id === board.id ? board : b))

export const useBoardStore = create<BoardState>((set, get) => ({
  boards: [],
  loaded: false,
  load: async () => set({ boards: await api.call('board.list', {}), loaded: true }),
  create: async (name, description) => {
    // A new board is written in the language of the UI it was created in.
    const language: BoardLanguage = i18next.language === 'zh-CN' ? 'zh-CN' : 'en'
    const board = await api.call('board.create', { name, description, language })
    set({ boards: [...get().boards.filter((b) => b.id !== board.id), board] })
    return board
  },
  rename: async (boardId, name) => {
    const board = await api.call('board.rename', { boardId, name })
    set({ boards: replace(get().boards, board) })
  },
  setLanguage: async (boardId, language) => {
    const board = await api.call('board.setLanguage', { boardId, language })
    set({ boards: replace(get().boards, board) })
  },
  remove: async (boardId) => {
    await api.call('board.delete', { boardId })
    set({ boards: get().boards.filter((b) => b.id !== boardId) })
  }
}))
