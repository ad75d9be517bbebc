import { useCallback, useEffect, useRef } from 'react'
import { create } from 'zustand'

/** Saves what a form holds; true when it was saved (the surface may then close). */
export type SaveUnsaved = () => Promise<boolean>

export type LeaveChoice = 'save' | 'discard' | 'cancel'

interface LeaveGuardState {
  /** Forms holding typed input not saved yet, by surface ('kpi', 'launch', 'export/notion' is part of 'export'). */
  dirty: Record<string, SaveUnsaved>
  /** A close or switch waiting for the user's answer. */
  pending: { key: string; then: () => void } | null
  saving: boolean
  markDirty: (key: string, save: SaveUnsaved | null) => void
  /** Runs `then` at once when the surface holds nothing unsaved; otherwise asks Save / Discard / Cancel first. */
  leave: (scope: string, then: () => void) => void
  answer: (choice: LeaveChoice) => Promise<void>
}

const inScope = (key: string, scope: string) => key === scope || key.startsWith(`${scope}/`)

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
  leave: (scope, then) => {
    if (Object.keys(get().dirty).some((key) => inScope(key, scope))) set({ pending: { key: scope, then } })
    else then()
  },
  answer: async (choice) => {
    const { pending, dirty } = get()
    if (!pending || get().saving) return
    if (choice === 'cancel') return set({ pending: null })
    const keys = Object.keys(dirty).filter((key) => inScope(key, pending.key))
    if (choice === 'save') {
      set({ saving: true })
      // Each form's own save path: a refusal (validation, a locked target, the core) keeps the surface open.
      let saved = true
      for (const key of keys) if (saved) saved = await dirty[key]!().catch(() => false)
      set({ saving: false })
      if (!saved) return set({ pending: null })
    }
    for (const key of keys) get().markDirty(key, null)
    set({ pending: null })
    pending.then()
  }
}))

/** Registers a surface's typed input while it is unsaved (and forgets it on unmount), so closing the surface asks first. */
export function useUnsavedInput(key: string, dirty: boolean, save: SaveUnsaved) {
  const markDirty = useLeaveGuard((s) => s.markDirty)
  const latest = useRef(save)
  latest.current = save
  const stable = useCallback(() => latest.current(), [])
  useEffect(() => markDirty(key, dirty ? stable : null), [key, dirty, stable, markDirty])
  useEffect(() => () => markDirty(key, null), [key, markDirty])
}
