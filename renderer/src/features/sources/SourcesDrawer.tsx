import DatabaseOutlined from '@ant-design/icons/DatabaseOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { Alert, Button, Drawer, Empty, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SourceView } from '../../../../electron/api'
import { useNotify } from '../../components/useNotify'
import { SourceCard } from './SourceCard'
import { SourceForm } from './SourceForm'
import { useSourceStore } from './useSourceStore'

/** Header button and the data sources drawer: list, add, edit, test, tables, remove. */
export function SourcesButton() {
  const { t } = useTranslation()
  const notify = useNotify()
  const open = useSourceStore((s) => s.open)
  const setOpen = useSourceStore((s) => s.setOpen)
  const sources = useSourceStore((s) => s.sources)
  const [form, setForm] = useState<{ editing: SourceView | null } | null>(null)

  useEffect(() => {
    if (open) useSourceStore.getState().load().catch(notify.error)
  }, [open, notify.error])

  return (
    <>
      <Button type="text" icon={<DatabaseOutlined />} onClick={() => setOpen(true)} data-testid="open-sources">
        {t('sources.button')}
      </Button>
      <Drawer
        title={t('sources.title')}
        open={open}
        onClose={() => setOpen(false)}
        size={640}
        className="sources-drawer"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })} data-testid="add-source">
            {t('sources.add')}
          </Button>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('sources.boundary')} />
          {sources.length === 0 && <Empty description={t('sources.empty')} />}
          {sources.map((s) => (
            <SourceCard key={s.id} source={s} onEdit={() => setForm({ editing: s })} />
          ))}
        </Space>
      </Drawer>
      <SourceForm open={form !== null} editing={form?.editing ?? null} onClose={() => setForm(null)} />
    </>
  )
}
