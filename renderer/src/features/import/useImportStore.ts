import { create } from 'zustand'
import type { ImportCommitResult, ImportPreview } from '../../../../electron/api'
import { api } from '../../api/client'
import { toApiError, type ApiError } from '../../api/api-error'
import { commitItems, editRow, editTargetText, rowsOf, setParsedTarget, toggleRow, type EditableField, type ImportRow } from './import-rows'

export type ImportInto = 'new' | 'current'

interface ImportState {
  open: boolean
  into: ImportInto
  /** The open board when the dialog was opened from it. */
  currentBoard: { id: number; name: string } | null
  boardName: string
  /** Also ask the assistant (LLM) for KPIs written as free prose. */
  useAssistant: boolean
  setUseAssistant: (on: boolean) => void
  busy: boolean
  error: ApiError | null
  fileName: string | null
  preview: ImportPreview | null
  rows: ImportRow[]
  result: ImportCommitResult | null
  start: (board: { id: number; name: string } | null) => void
  close: () => void
  setInto: (into: ImportInto) => void
  setBoardName: (name: string) => void
  analyse: (fileName: string, content: { base64: string } | { text: string }) => Promise<void>
  back: () => void
  toggle: (index: number, include: boolean) => void
  edit: (index: number, patch: Partial<Pick<ImportRow['fields'], EditableField>>) => void
  editTarget: (index: number, text: string) => void
  commit: () => Promise<ImportCommitResult | null>
}

const fresh = { busy: false, error: null, fileName: null, preview: null, rows: [], result: null }
const timers = new Map<number, ReturnType<typeof setTimeout>>()

/** The PRD import dialog: the document, the editable preview, and the commit. */
export const useImportStore = create<ImportState>((set, get) => ({
  open: false,
  into: 'new',
  currentBoard: null,
  boardName: '',
  useAssistant: false,
  setUseAssistant: (useAssistant) => set({ useAssistant }),
  ...fresh,
  start: (board) => set({ open: true, currentBoard: board, into: board ? 'current' : 'new', boardName: '', ...fresh }),
  close: () => set({ open: false, ...fresh }),
  setInto: (into) => set({ into }),
  setBoardName: (boardName) => set({ boardName }),
  analyse: async (fileName, content) => {
    const { into, currentBoard } = get()
    set({ busy: true, error: null, fileName, preview: null, rows: [] })
    try {
      const boardId = into === 'current' && currentBoard ? currentBoard.id : undefined
      const preview = await api.call('import.prd.preview', { boardId, fileName, content, ...(get().useAssistant ? { assistant: true } : {}) })
      set({ preview, rows: rowsOf(preview), boardName: get().boardName || fileName.replace(/\.[^.]+$/, '') })
    } catch (error) {
      set({ error: toApiError(error) })
    } finally {
      set({ busy: false })
    }
  },
  back: () => set({ ...fresh }),
  toggle: (index, include) => set({ rows: toggleRow(get().rows, index, include) }),
  edit: (index, patch) => set({ rows: editRow(get().rows, index, patch) }),
  editTarget: (index, text) => {
    set({ rows: editTargetText(get().rows, index, text) })
    clearTimeout(timers.get(index))
    if (!text.trim()) return
    timers.set(
      index,
      setTimeout(() => {
        const { name, unit, description } = get().rows.find((r) => r.index === index)?.fields ?? {}
        // Read for the KPI it measures, as saving will: a bare "90%" becomes ≥ or ≤, marked as inferred.
        api.call('target.parse', { text, metric: { name, unit, description } }).then(
          (target) => set({ rows: setParsedTarget(get().rows, index, target) }),
          (error) => set({ error: toApiError(error) })
        )
      }, 200)
    )
  },
  commit: async () => {
    const { into, currentBoard, boardName, fileName, rows } = get()
    if (!fileName) return null
    set({ busy: true, error: null })
    try {
      const target = into === 'current' && currentBoard ? { boardId: currentBoard.id } : { boardName: boardName.trim() }
      const result = await api.call('import.prd.commit', { ...target, fileName, items: commitItems(rows) })
      set({ result })
      return result
    } catch (error) {
      set({ error: toApiError(error) })
      return null
    } finally {
      set({ busy: false })
    }
  }
}))
