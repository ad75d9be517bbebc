import { useCallback, useState } from 'react'

/** Open state of the "Cut version" dialog, shared by the toolbar and the versions drawer. */
export function useCutVersion(boardId: number) {
  const [openFor, setOpenFor] = useState<number | null>(null)
  const open = useCallback(() => setOpenFor(boardId), [boardId])
  const onClose = useCallback(() => setOpenFor(null), [])
  return { open, modal: { open: openFor === boardId, onClose } }
}
