import { Drawer, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditView } from '../../../../electron/api'
import { api } from '../../api/client'
import { useSubmit } from '../../components/useSubmit'
import { useUiStore } from '../ui/useUiStore'

/** Every mutation of the board, newest first, as recorded by the core. */
export function AuditDrawer({ boardId }: { boardId: number }) {
  const { t } = useTranslation()
  const open = useUiStore((s) => s.panel === 'audit')
  const openPanel = useUiStore((s) => s.openPanel)
  const [entries, setEntries] = useState<AuditView[]>([])
  const { busy: loading, run } = useSubmit()

  useEffect(() => {
    if (!open) return
    void run(async () => setEntries(await api.call('audit.list', { boardId, limit: 500 })))
  }, [open, boardId, run])

  return (
    <Drawer title={t('audit.title')} open={open} onClose={() => openPanel(null)} size={860} className="audit-drawer">
      <Table<AuditView>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={entries}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('audit.empty') }}
        data-testid="audit-table"
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 150, render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('audit.actor'), dataIndex: 'actor', width: 100 },
          { title: t('audit.action'), dataIndex: 'action', width: 130, render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
          { title: t('audit.summary'), dataIndex: 'summary' }
        ]}
      />
    </Drawer>
  )
}
