import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import type { Locale } from './locale'
import { zhCN } from './zh-CN'

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } }

export function initI18n(locale: Locale) {
  void i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false
  })
  return i18next
}

export { i18next }
