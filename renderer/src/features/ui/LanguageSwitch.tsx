import GlobalOutlined from '@ant-design/icons/GlobalOutlined'
import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../i18n/locale'
import { useUiStore } from './useUiStore'

export function LanguageSwitch() {
  const { t } = useTranslation()
  const locale = useUiStore((s) => s.locale)
  const setLocale = useUiStore((s) => s.setLocale)
  return (
    <span className="language-switch" aria-label={t('app.language')} data-testid="language-switch">
      <GlobalOutlined />
      <Segmented<Locale>
        size="small"
        value={locale}
        onChange={setLocale}
        options={[
          { value: 'zh-CN', label: '中文' },
          { value: 'en', label: 'English' }
        ]}
      />
    </span>
  )
}
