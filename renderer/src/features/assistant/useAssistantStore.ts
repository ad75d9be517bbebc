import { create } from 'zustand'
import { useLeaveGuard } from '../unsaved/useLeaveGuard'
import type { ReviewSessionSummary, ReviewSessionView } from '../../../../electron/domain/assistant-views'
import { api } from '../../api/client'

export type AssistantTab = 'settings' | 'templates' | 'preview' | 'sessions'

interface Streaming {
  sessionId: number
  question: string
  text: string
  cancel: () => void
}

interface AssistantState {
  open: boolean
  tab: AssistantTab
  /** The session shown in the sessions tab; null shows the list. */
  sessionId: number | null
  sessions: ReviewSessionSummary[]
  session: ReviewSessionView | null
  streaming: Streaming | null
  openAssistant: (tab?: AssistantTab) => void
  openSession: (sessionId: number | null) => void
  setTab: (tab: AssistantTab) => void
  close: () => void
  loadSessions: (boardId: number) => Promise<void>
  loadSession: (sessionId: number) => Promise<void>
  /** Continues the session; tokens arrive in `streaming.text`, the stored session replaces it when done. */
  chat: (sessionId: number, message: string) => Promise<void>
}

export const useAssistantStore = create<AssistantState>((set, get) => ({
  open: false,
  tab: 'settings',
  sessionId: null,
  sessions: [],
  session: null,
  streaming: null,
  openAssistant: (tab = 'settings') => set({ open: true, tab }),
  openSession: (sessionId) => set({ open: true, tab: 'sessions', sessionId, session: sessionId === get().session?.id ? get().session : null }),
  // Leaving the settings tab (it unmounts) or closing the drawer asks first when the settings form holds unsaved input.
  setTab: (tab) => useLeaveGuard.getState().leave('assistant', () => set({ tab })),
  close: () => useLeaveGuard.getState().leave('assistant', () => set({ open: false })),
  loadSessions: async (boardId) => set({ sessions: await api.call('review.sessions', { boardId }) }),
  loadSession: async (sessionId) => set({ session: await api.call('review.session', { id: sessionId }) }),
  chat: async (sessionId, message) => {
    const { result, cancel } = api.stream('review.chat', { sessionId, message }, (chunk) => {
      const current = get().streaming
      if (chunk.type === 'token' && current?.sessionId === sessionId) set({ streaming: { ...current, text: current.text + chunk.text } })
    })
    set({ streaming: { sessionId, question: message, text: '', cancel } })
    try {
      await result
    } finally {
      set({ streaming: null })
      await get().loadSession(sessionId)
    }
  }
}))

/** Opens the assistant drawer from anywhere (another feature's button, a "configure the model" link). */
export function openAssistantSettings(tab: AssistantTab = 'settings'): void {
  useAssistantStore.getState().openAssistant(tab)
}

/** Opens one review session in the assistant drawer. */
export function openReviewSession(sessionId: number): void {
  useAssistantStore.getState().openSession(sessionId)
}
