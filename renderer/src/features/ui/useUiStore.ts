import { create } from 'zustand'
import { i18next } from '../../i18n'
import { LOCALE_KEY, type Locale } from '../../i18n/locale'

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
export const useUiStore = create<UiState>((set) => ({
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
  selectBoard: (boardId) => set({ boardId, detailKpiId: null, panel: null }),
  openDetail: (detailKpiId) => set({ detailKpiId }),
  openPanel: (panel) => set({ panel }),
  setAddingKpi: (addingKpi) => set({ addingKpi })
}))
