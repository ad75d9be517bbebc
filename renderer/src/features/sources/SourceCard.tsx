import ApiOutlined from '@ant-design/icons/ApiOutlined'
import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import EditOutlined from '@ant-design/icons/EditOutlined'
import TableOutlined from '@ant-design/icons/TableOutlined'
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Tag, Tree, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SourceView } from '../../../../electron/api'
import { useNotify } from '../../components/useNotify'
import { SourceProtection } from './SourceProtection'
import { tableTree } from './source-tree'
import { useSourceStore } from './useSourceStore'
import './sources.css'

/** One data source: its settings, test connection (with the write warning), tables and remove. */
export function SourceCard({ source, onEdit }: { source: SourceView; onEdit: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const test = useSourceStore((s) => s.tests[source.name])
  const tables = useSourceStore((s) => s.tables[source.name])
  const [busy, setBusy] = useState<'test' | 'tables' | null>(null)
  const run = (what: 'test' | 'tables') => {
    setBusy(what)
    const store = useSourceStore.getState()
    const call = what === 'test' ? store.test(source.name) : store.loadTables(source.name)
    call.catch(notify.error).finally(() => setBusy(null))
  }

  return (
    <Card
      size="small"
      className="source-card"
      data-testid="source-card"
      data-source-name={source.name}
      title={
        <Space size={8}>
          <span>{source.name}</span>
          <Tag>{t(`sources.kinds.${source.kind}`)}</Tag>
        </Space>
      }
      extra={
        <Space size={4}>
          <Button size="small" icon={<ApiOutlined />} loading={busy === 'test'} onClick={() => run('test')} data-testid="source-test">
            {t('sources.test')}
          </Button>
          <Button size="small" icon={<TableOutlined />} loading={busy === 'tables'} onClick={() => run('tables')} data-testid="source-tables">
            {t('sources.tables')}
          </Button>
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('sources.edit')} />
          <Popconfirm
            title={t('sources.confirmRemove', { name: source.name })}
            okText={t('app.remove')}
            cancelText={t('app.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => useSourceStore.getState().remove(source.name).catch(notify.error)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('app.remove')} data-testid="source-remove" />
          </Popconfirm>
        </Space>
      }
    >
      <Typography.Text code className="source-url">
        {source.url}
      </Typography.Text>
      <div className="source-flags">
        <Typography.Text type="secondary">
          {source.hasSecret ? t('sources.secretStored') : t('sources.noSecret')} · {source.allowRawRows ? t('sources.rawRowsOn') : t('sources.rawRowsOff')}
          {source.timeoutMs ? ` · ${t('sources.timeoutShort', { seconds: source.timeoutMs / 1000 })}` : ''}
          {source.realtimeMinutes ? ` · ${t('sources.realtimeShort', { n: source.realtimeMinutes })}` : ''}
        </Typography.Text>
      </div>
      {test && (
        <div data-testid="source-test-result" data-can-write={String(test.canWrite)} style={{ marginTop: 8 }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('sources.version')}>{test.serverVersion}</Descriptions.Item>
            <Descriptions.Item label={t('sources.user')}>{test.user ?? '—'}</Descriptions.Item>
          </Descriptions>
          {test.canWrite ? (
            <Alert
              type="warning"
              showIcon
              title={t('sources.canWrite')}
              description={
                <>
                  <div>{test.writeReason}</div>
                  <div>{t('sources.readOnlyRole')}</div>
                </>
              }
              data-testid="source-write-warning"
            />
          ) : (
            <Alert type="success" showIcon title={t('sources.readOnly')} />
          )}
          <div style={{ marginTop: 8 }}>
            <SourceProtection protection={test.protection} />
          </div>
        </div>
      )}
      {tables && (
        <div className="source-tables" data-testid="source-table-tree">
          {tables.length ? <Tree showLine treeData={tableTree(tables)} /> : <Typography.Text type="secondary">{t('sources.noTables')}</Typography.Text>}
        </div>
      )}
    </Card>
  )
}
