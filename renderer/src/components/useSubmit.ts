import { useCallback, useState } from 'react'
import { useNotify } from './useNotify'

/**
 * The one way a form, dialog or button runs its call: `busy` while it runs (for the spinner and to disable the
 * button), and a failure shown as the translated error instead of thrown (the dialog then stays open with the
 * user's input). `run` resolves with the work's result, or undefined when it failed.
 */
export function useSubmit(): { busy: boolean; run: <T>(work: () => Promise<T>) => Promise<T | undefined> } {
  const { error } = useNotify()
  const [busy, setBusy] = useState(false)
  const run = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true)
      try {
        return await work()
      } catch (cause) {
        error(cause)
        return undefined
      } finally {
        setBusy(false)
      }
    },
    [error]
  )
  return { busy, run }
}
