import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { SourceView } from '../../../../electron/api'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { DEFAULT_REALTIME_MINUTES, REALTIME_MINUTES } from '../../../../electron/domain/buckets'
import { envSecretName, SOURCE_KINDS, urlPlaceholder } from './source-form'
import { useSourceStore } from './useSourceStore'

interface Values {
  name: string
  kind: SourceView['kind']
  url: string
  password?: string
  allowRawRows: boolean
  timeoutSeconds?: number | null
  realtimeMinutes?: number | null
}

/** Add or edit a data source; the password is write-only and never shown back. */
export function SourceForm({ editing, open, onClose }: { editing: SourceView | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const [form] = Form.useForm<Values>()
  const { busy: saving, run } = useSubmit()
  const mode = useSourceStore((s) => s.mode)
  const kind = Form.useWatch('kind', form) ?? 'postgres'
  const name = Form.useWatch('name', form) ?? ''

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(
      editing
        ? {
            name: editing.name,
            kind: editing.kind,
            url: editing.url,
            allowRawRows: editing.allowRawRows,
            timeoutSeconds: editing.timeoutMs ? editing.timeoutMs / 1000 : null,
            realtimeMinutes: editing.realtimeMinutes
          }
        : { kind: 'postgres', allowRawRows: false }
    )
  }, [open, editing, form])

  const submit = (v: Values) => {
    void run(async () => {
      await useSourceStore.getState().save({
        mode: editing ? 'edit' : 'add',
        name: v.name.trim(),
        kind: v.kind,
        url: v.url.trim(),
        ...(v.password ? { password: v.password } : {}),
        allowRawRows: v.allowRawRows,
        ...(v.timeoutSeconds ? { timeoutMs: Math.round(v.timeoutSeconds * 1000) } : {}),
        ...(v.realtimeMinutes ? { realtimeMinutes: v.realtimeMinutes } : {})
      })
      notify.success(t('sources.saved'))
      onClose()
    })
  }

  const required = [{ required: true, message: t('validation.required') }]
  const fileKind = kind === 'sqlite' || kind === 'duckdb'
  return (
    <Modal
      open={open}
      title={editing ? t('sources.editTitle', { name: editing.name }) : t('sources.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={saving}
      width={600}
      destroyOnHidden
    >
      <Form form={form} name="source-form" layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('sources.name')} rules={[...required, { pattern: /^[^\s#]+$/, message: t('sources.nameRule') }]}>
          <Input disabled={editing !== null} placeholder="warehouse" />
        </Form.Item>
        <Form.Item name="kind" label={t('sources.kind')} rules={required}>
          <Select options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`sources.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="url" label={t('sources.url')} rules={required} extra={t('sources.urlHelp')}>
          <Input placeholder={urlPlaceholder(kind)} />
        </Form.Item>
        {!fileKind && (
          <Form.Item name="password" label={t('sources.password')} extra={editing?.hasSecret ? t('sources.passwordKept') : t('sources.passwordHelp')}>
            <Input.Password autoComplete="new-password" placeholder={editing?.hasSecret ? '••••••••' : ''} visibilityToggle={false} />
          </Form.Item>
        )}
        {!fileKind && mode === 'web' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('sources.browserSecret', { env: envSecretName(name || 'NAME') })}
            data-testid="browser-secret"
          />
        )}
        <Form.Item name="allowRawRows" label={t('sources.allowRawRows')} valuePropName="checked" extra={t('sources.allowRawRowsHelp')}>
          <Switch />
        </Form.Item>
        <Form.Item name="timeoutSeconds" label={t('sources.timeout')} extra={t('sources.timeoutHelp')}>
          <InputNumber min={0.1} max={600} step={1} suffix={t('sources.seconds')} style={{ width: 160 }} />
        </Form.Item>
        {/* Only intervals that divide an hour can be chosen: buckets line up with hours and days. */}
        <Form.Item name="realtimeMinutes" label={t('sources.realtimeMinutes')} extra={t('sources.realtimeMinutesHelp')}>
          <Select
            allowClear
            placeholder={t('sources.minutes', { n: DEFAULT_REALTIME_MINUTES })}
            options={REALTIME_MINUTES.map((n) => ({ value: n, label: t('sources.minutes', { n }) }))}
            style={{ width: 160 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
