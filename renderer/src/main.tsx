import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { api, stripTokenFromAddress } from './api/client'
import { initI18n } from './i18n'
import { LOCALE_KEY, pickLocale } from './i18n/locale'
import { Root } from './Root'
import { useUiStore } from './features/ui/useUiStore'
import './styles.css'

async function start() {
  stripTokenFromAddress()
  const systemLocale = await api.call('app.info', {}).then(
    (info) => info.systemLocale,
    () => navigator.language
  )
  const locale = pickLocale(localStorage.getItem(LOCALE_KEY), systemLocale)
  initI18n(locale)
  document.documentElement.lang = locale
  useUiStore.setState({ locale })
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>
  )
}

void start()
