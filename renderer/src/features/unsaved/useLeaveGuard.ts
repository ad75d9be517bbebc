import { create } from 'zustand'

/** Saves what a form holds; true when it was saved (the surface may then close). */
export type SaveUnsaved = () => Promise<boolean>

export type LeaveChoice = 'save' | 'discard' | 'cancel'

interface LeaveGuardState {
  /** Forms holding typed input not saved yet, by the surface that shows them ('kpi', 'launch' …). */
  dirty: Record<string, SaveUnsaved>
  /** A close or switch waiting for the user's answer. */
  pending: { key: string; then: () => void } | null
  saving: boolean
  markDirty: (key: string, save: SaveUnsaved | null) => void
  /** Runs `then` at once when the surface holds nothing unsaved; otherwise asks Save / Discard / Cancel first. */
  leave: (key: string, then: () => void) => void
  answer: (choice: LeaveChoice) => Promise<void>
}

export const useLeaveGuard = create<LeaveGuardState>((set, get) => ({
  dirty: {},
  pending: null,
  saving: false,
  markDirty: (key, save) =>
    set((s) => {
      if ((s.dirty[key] ?? null) === save) return s
      const dirty = { ...s.dirty }
      if (save) dirty[key] = save
      else delete dirty[key]
      return { dirty }
    }),
  leave: (key, then) => {
    if (get().dirty[key]) set({ pending: { key, then } })
    else then()
  },
  answer: async (choice) => {
    const { pending, dirty } = get()
    if (!pending || get().saving) return
    if (choice === 'cancel') return set({ pending: null })
    if (choice === 'save') {
      set({ saving: true })
      // The form's own save path: a refusal (validation, a locked target, the core) keeps the surface open.
      const saved = await (dirty[pending.key]?.() ?? Promise.resolve(true)).catch(() => false)
      set({ saving: false })
      if (!saved) return set({ pending: null })
    }
    get().markDirty(pending.key, null)
    set({ pending: null })
    pending.then()
  }
}))
