import { create } from 'zustand'
import { useLeaveGuard } from '../unsaved/useLeaveGuard'
import type { ExportConfigView } from '../../../../electron/api/export'
import type { AppInfo } from '../../../../electron/api'
import type { ExportItemResult, ExportTarget, FileFormat, OnMissing, StoredLink } from '../../../../electron/domain/export'
import { api } from '../../api/client'
import { toApiError, type ApiError } from '../../api/api-error'
import { i18next } from '../../i18n'
import { downloadFiles } from './download'
import { secretsToSave, settingsToSave } from './export-settings'

export type ExportScopeKind = 'board' | 'selection' | 'version'

export interface RunState {
  running: boolean
  progress: { done: number; total: number; code: string } | null
  results: ExportItemResult[] | null
  databaseUrl: string | null
  error: ApiError | null
}

interface ExportState {
  boardId: number | null
  scope: ExportScopeKind
  kpiIds: number[]
  versionLabel: string | null
  mode: AppInfo['mode'] | null
  configs: Partial<Record<ExportTarget, ExportConfigView>>
  links: StoredLink[]
  runs: Partial<Record<ExportTarget, RunState>>
  cancel: (() => void) | null
  /** Opens on the board, or on `preselected` when the user ticked them; a filter only preselects them for "Selected KPIs". */
  open: (boardId: number, preselected: number[], scope?: ExportScopeKind) => Promise<void>
  close: () => void
  setScope: (patch: Partial<Pick<ExportState, 'scope' | 'kpiIds' | 'versionLabel'>>) => void
  download: (format: FileFormat, epic: boolean) => Promise<string[]>
  loadConfig: (target: ExportTarget) => Promise<void>
  saveConfig: (target: ExportTarget, form: Record<string, string | undefined>) => Promise<void>
  run: (target: ExportTarget, onMissing: OnMissing) => Promise<void>
}

const idle: RunState = { running: false, progress: null, results: null, databaseUrl: null, error: null }
const locale = () => (i18next.language === 'zh-CN' ? 'zh-CN' : 'en') as 'en' | 'zh-CN'

/** The export dialog: scope, file downloads, and runs against Notion / Jira / Trello with progress. */
export const useExportStore = create<ExportState>((set, get) => {
  const scopeInput = () => {
    const { boardId, scope, kpiIds, versionLabel } = get()
    return {
      boardId: boardId!,
      ...(scope === 'selection' && kpiIds.length > 0 ? { kpiIds } : {}),
      ...(scope === 'version' && versionLabel ? { versionLabel } : {})
    }
  }
  const patchRun = (target: ExportTarget, patch: Partial<RunState>) => set({ runs: { ...get().runs, [target]: { ...(get().runs[target] ?? idle), ...patch } } })
  const loadLinks = async () => {
    const { boardId } = get()
    if (boardId !== null) set({ links: await api.call('export.links', { boardId }) })
  }

  return {
    boardId: null,
    scope: 'board',
    kpiIds: [],
    versionLabel: null,
    mode: null,
    configs: {},
    links: [],
    runs: {},
    cancel: null,
    open: async (boardId, preselected, scope = 'board') => {
      set({ boardId, scope, kpiIds: preselected, versionLabel: null, runs: {}, links: [] })
      const [info] = await Promise.all([api.call('app.info', {}), loadLinks()])
      set({ mode: info.mode })
    },
    // Closing asks first when a target's settings hold typed values not saved yet.
    close: () =>
      useLeaveGuard.getState().leave('export', () => {
        get().cancel?.()
        set({ boardId: null, cancel: null })
      }),
    setScope: (patch) => set(patch),
    download: async (format, epic) => {
      const { files } = await api.call('export.file', { ...scopeInput(), format, locale: locale(), ...(format === 'jira-csv' ? { epic } : {}) })
      downloadFiles(files)
      return files.map((f) => f.name)
    },
    loadConfig: async (target) => set({ configs: { ...get().configs, [target]: await api.call('export.config.get', { target }) } }),
    saveConfig: async (target, form) => {
      // Read the saved settings afresh: an export may have remembered Notion's data source since the form loaded.
      const saved = (await api.call('export.config.get', { target })).config as Record<string, string | undefined>
      const view = await api.call('export.config.set', { target, config: settingsToSave(target, saved, form), secrets: secretsToSave(target, form) })
      set({ configs: { ...get().configs, [target]: view } })
    },
    run: async (target, onMissing) => {
      patchRun(target, { ...idle, running: true })
      const { result, cancel } = api.stream('export.run', { ...scopeInput(), target, locale: locale(), onMissing }, (progress) =>
        patchRun(target, { progress })
      )
      set({ cancel })
      try {
        const outcome = await result
        patchRun(target, { results: outcome.results, databaseUrl: outcome.databaseUrl ?? null })
      } catch (cause) {
        const error = toApiError(cause)
        patchRun(target, { error, results: (error.details?.results as ExportItemResult[] | undefined) ?? null })
      } finally {
        patchRun(target, { running: false })
        set({ cancel: null })
        await Promise.all([loadLinks(), get().loadConfig(target)]).catch(() => undefined)
      }
    }
  }
})
