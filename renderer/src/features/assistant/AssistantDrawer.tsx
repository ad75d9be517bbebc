import RobotOutlined from '@ant-design/icons/RobotOutlined'
import { Button, Drawer, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import './assistant.css'
import { PreviewTab } from './PreviewTab'
import { SessionsTab } from './SessionsTab'
import { SettingsTab } from './SettingsTab'
import { TemplatesTab } from './TemplatesTab'
import { useAssistantStore, type AssistantTab } from './useAssistantStore'

/** The header button that opens the assistant drawer. */
export function AssistantButton() {
  const { t } = useTranslation()
  return (
    <Button type="text" icon={<RobotOutlined />} onClick={() => useAssistantStore.getState().openAssistant()} data-testid="open-assistant">
      {t('assistant.open')}
    </Button>
  )
}

/** Settings, prompt templates, the "what will be sent" preview and review sessions; mounted once in the app. */
export function AssistantDrawer() {
  const { t } = useTranslation()
  const open = useAssistantStore((s) => s.open)
  const tab = useAssistantStore((s) => s.tab)
  return (
    <Drawer
      title={t('assistant.title')}
      open={open}
      onClose={() => useAssistantStore.getState().close()}
      size={880}
      className="assistant-drawer"
      destroyOnHidden
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => useAssistantStore.getState().setTab(key as AssistantTab)}
        destroyOnHidden
        items={[
          { key: 'settings', label: <span data-testid="assistant-tab-settings">{t('assistant.tabs.settings')}</span>, children: <SettingsTab /> },
          { key: 'templates', label: <span data-testid="assistant-tab-templates">{t('assistant.tabs.templates')}</span>, children: <TemplatesTab /> },
          { key: 'preview', label: <span data-testid="assistant-tab-preview">{t('assistant.tabs.preview')}</span>, children: <PreviewTab /> },
          { key: 'sessions', label: <span data-testid="assistant-tab-sessions">{t('assistant.tabs.sessions')}</span>, children: <SessionsTab /> }
        ]}
      />
    </Drawer>
  )
}
