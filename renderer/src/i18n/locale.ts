export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export const LOCALE_KEY = 'kpiloop.locale'

/** Chinese for any zh-* system locale, English otherwise; a saved choice wins. */
export function pickLocale(saved: string | null, systemLocale: string | undefined): Locale {
  if (saved === 'zh-CN' || saved === 'en') return saved
  return systemLocale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}
