import { create } from 'zustand'
import { i18next } from '../../i18n'
import { LOCALE_KEY, type Locale } from '../../i18n/locale'
import { useLeaveGuard } from '../unsaved/useLeaveGuard'

export type Panel = 'versions' | 'audit' | 'launch' | null

interface UiState {
  locale: Locale
  boardId: number | null
  /** The KPI whose detail drawer is open. */
  detailKpiId: number | null
  panel: Panel
  addingKpi: boolean
  setLocale: (locale: Locale) => void
  selectBoard: (boardId: number | null) => void
  openDetail: (kpiId: number | null) => void
  openPanel: (panel: Panel) => void
  setAddingKpi: (open: boolean) => void
}

/** View state only; the language is the one UI preference kept in localStorage. */
export const useUiStore = create<UiState>((set, get) => ({
  locale: 'en',
  boardId: null,
  detailKpiId: null,
  panel: null,
  addingKpi: false,
  setLocale: (locale) => {
    localStorage.setItem(LOCALE_KEY, locale)
    void i18next.changeLanguage(locale)
    document.documentElement.lang = locale
    set({ locale })
  },
  selectBoard: (boardId) => useLeaveGuard.getState().leave('kpi', () => set({ boardId, detailKpiId: null, panel: null })),
  // Closing the drawer or opening another KPI asks first when the open one holds unsaved edits.
  openDetail: (detailKpiId) => {
    if (detailKpiId === get().detailKpiId) return
    useLeaveGuard.getState().leave('kpi', () => set({ detailKpiId }))
  },
  openPanel: (panel) => set({ panel }),
  setAddingKpi: (addingKpi) => set({ addingKpi })
}))
