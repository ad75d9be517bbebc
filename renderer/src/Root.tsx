import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { App } from './App'
import { useUiStore } from './features/ui/useUiStore'
import { LeaveDialog } from './features/unsaved/LeaveDialog'

const theme = { token: { colorPrimary: '#3b5bdb', borderRadius: 6, fontSize: 13 } }

/** antd's own texts (dialogs, pagers, empty states) and dayjs follow the chosen language. */
export function Root() {
  const locale = useUiStore((s) => s.locale)
  // Set before rendering so that dates in this render already use the language.
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en')
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp message={{ top: 64, maxCount: 3 }}>
        <App />
        <LeaveDialog />
      </AntApp>
    </ConfigProvider>
  )
}
