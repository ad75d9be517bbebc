import { create } from 'zustand'
import type { TableImportCounts, TableImportPreview } from '../../../../electron/domain/export'
import { api } from '../../api/client'
import { toApiError, type ApiError } from '../../api/api-error'
import { readAsBase64 } from './read-file'

interface TableImportState {
  boardId: number | null
  busy: boolean
  error: ApiError | null
  file: { name: string; base64: string } | null
  preview: TableImportPreview | null
  /** Keep targets the parser cannot read as flagged text, as the KPI editor's "save anyway". */
  allowUnparsedTarget: boolean
  setAllowUnparsedTarget: (allow: boolean) => Promise<void>
  start: (boardId: number) => void
  close: () => void
  analyse: (file: File) => Promise<void>
  commit: () => Promise<TableImportCounts | null>
}

const fresh = { busy: false, error: null, file: null, preview: null, allowUnparsedTarget: false }

/** The board-table (CSV/XLSX) re-import: the diff preview, then one commit. */
export const useTableImportStore = create<TableImportState>((set, get) => {
  const previewFile = async () => {
    const { boardId, file, allowUnparsedTarget } = get()
    if (boardId === null || !file) return
    set({ preview: await api.call('import.table.preview', { boardId, fileName: file.name, base64: file.base64, allowUnparsedTarget }) })
  }
  return {
    boardId: null,
    ...fresh,
    start: (boardId) => set({ boardId, ...fresh }),
    close: () => set({ boardId: null, ...fresh }),
    analyse: async (file) => {
      if (get().boardId === null) return
      set({ busy: true, error: null, preview: null })
      try {
        set({ file: { name: file.name, base64: await readAsBase64(file) } })
        await previewFile()
      } catch (error) {
        set({ error: toApiError(error) })
      } finally {
        set({ busy: false })
      }
    },
    setAllowUnparsedTarget: async (allow) => {
      set({ allowUnparsedTarget: allow, busy: true, error: null })
      try {
        await previewFile()
      } catch (error) {
        set({ error: toApiError(error) })
      } finally {
        set({ busy: false })
      }
    },
    commit: async () => {
      const { boardId, file } = get()
      if (boardId === null || !file) return null
      set({ busy: true, error: null })
      try {
        return await api.call('import.table.commit', { boardId, fileName: file.name, base64: file.base64, allowUnparsedTarget: get().allowUnparsedTarget })
      } catch (error) {
        set({ error: toApiError(error) })
        return null
      } finally {
        set({ busy: false })
      }
    }
  }
})
