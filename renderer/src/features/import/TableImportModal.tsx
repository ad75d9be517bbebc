import InboxOutlined from '@ant-design/icons/InboxOutlined'
import { Alert, Checkbox, Collapse, Modal, Space, Tag, Typography, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import { FieldChanges } from '../../components/FieldChanges'
import { useNotify } from '../../components/useNotify'
import { ImportError } from './ImportError'
import { TABLE_EXTENSIONS } from './read-file'
import { useTableImportStore } from './useTableImportStore'

/** Re-import of an edited board table: what changes per KPI, new KPIs, errors by line, unknown columns. */
export function TableImportModal() {
  const { t } = useTranslation()
  const notify = useNotify()
  const boardId = useTableImportStore((s) => s.boardId)
  const busy = useTableImportStore((s) => s.busy)
  const error = useTableImportStore((s) => s.error)
  const preview = useTableImportStore((s) => s.preview)
  const allowUnparsed = useTableImportStore((s) => s.allowUnparsedTarget)
  const { analyse, commit, close, setAllowUnparsedTarget } = useTableImportStore.getState()
  const blocked = !preview || preview.errors.length > 0 || preview.changed.length + preview.added.length === 0

  const apply = async () => {
    const counts = await commit()
    if (!counts) return
    notify.success(t('import.tableDone', { changed: counts.changed, added: counts.added, unchanged: counts.unchanged }))
    close()
  }

  return (
    <Modal
      open={boardId !== null}
      title={t('import.tableTitle')}
      onCancel={close}
      onOk={() => void apply()}
      okText={t('import.tableCommit')}
      cancelText={t('app.cancel')}
      okButtonProps={{ disabled: blocked, loading: busy, id: 'table-commit' }}
      width={820}
      destroyOnHidden
      className="table-import-modal"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Upload.Dragger
          accept={TABLE_EXTENSIONS.join(',')}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => (void analyse(file), false)}
          data-testid="table-drop"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.tableDrop')}</p>
          <p className="ant-upload-hint">{t('import.tableHint')}</p>
        </Upload.Dragger>
        <ImportError error={error} />
        {preview && (
          <>
            {preview.errors.length > 0 && (
              <Alert
                type="error"
                showIcon
                title={t('import.tableErrors')}
                data-testid="table-errors"
                description={
                  <ul>
                    {preview.errors.map((e, i) => (
                      <li key={i}>
                        {t('import.tableLine', { line: e.line })}: {e.message}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {(allowUnparsed || preview.errors.some((e) => e.message.includes('was not understood'))) && (
              <Checkbox
                checked={allowUnparsed}
                disabled={busy}
                onChange={(e) => void setAllowUnparsedTarget(e.target.checked)}
                data-testid="table-allow-unparsed"
              >
                {t('import.tableAllowUnparsed')}
              </Checkbox>
            )}
            {preview.unknownColumns.length > 0 && (
              <Alert type="warning" showIcon data-testid="table-unknown" title={t('import.tableUnknown', { columns: preview.unknownColumns.join(', ') })} />
            )}
            {preview.changed.length + preview.added.length === 0 && preview.errors.length === 0 && <Alert type="info" title={t('import.tableNothing')} />}
            <Collapse
              defaultActiveKey={['changed', 'added']}
              items={[
                {
                  key: 'changed',
                  label: t('import.tableChanged', { count: preview.changed.length }),
                  children: preview.changed.map((c) => (
                    <div key={c.kpiId} className="table-import-item" data-testid="table-changed" data-code={c.code}>
                      <Typography.Text strong>{c.code}</Typography.Text> <Typography.Text>{c.name}</Typography.Text>{' '}
                      <Typography.Text type="secondary">{t('import.tableLine', { line: c.line })}</Typography.Text>
                      <FieldChanges changes={c.changes} />
                    </div>
                  ))
                },
                {
                  key: 'added',
                  label: t('import.tableAdded', { count: preview.added.length }),
                  children: preview.added.map((a) => (
                    <div key={a.code} data-testid="table-added" data-code={a.code}>
                      <Tag color="green">{a.code}</Tag> {a.fields.name}{' '}
                      <Typography.Text type="secondary">{t('import.tableLine', { line: a.line })}</Typography.Text>
                    </div>
                  ))
                }
              ]}
            />
            <Typography.Text type="secondary">{t('import.tableUnchanged', { count: preview.unchanged })}</Typography.Text>
            {preview.notInFile.length > 0 && (
              <Typography.Text type="secondary">{t('import.tableNotInFile', { codes: preview.notInFile.map((k) => k.code).join(', ') })}</Typography.Text>
            )}
          </>
        )}
      </Space>
    </Modal>
  )
}
