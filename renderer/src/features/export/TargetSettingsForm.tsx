import { Alert, Form, Input } from 'antd'
import type { FormInstance } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportTarget } from '../../../../electron/domain/export'
import { TARGET_FIELDS } from './export-settings'
import { useExportStore } from './useExportStore'

/** The target's connection: plain settings, and credentials as write-only password fields. */
export function TargetSettingsForm({ target, form }: { target: ExportTarget; form: FormInstance<Record<string, string>> }) {
  const { t } = useTranslation()
  const view = useExportStore((s) => s.configs[target])
  const mode = useExportStore((s) => s.mode)
  const fields = TARGET_FIELDS[target]

  useEffect(() => {
    if (view) form.setFieldsValue({ ...(view.config as Record<string, string>), ...Object.fromEntries(fields.secrets.map((s) => [s, ''])) })
  }, [view, form, fields])

  return (
    <Form form={form} layout="vertical" name={`export-${target}`} size="small" className="export-settings" disabled={!view}>
      <div className="export-settings-grid">
        {fields.settings.map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`export.${target}.${name}`)}
            extra={target === 'notion' && name === 'parentPageId' ? t('export.notion.parentPageHint') : undefined}
          >
            <Input autoComplete="off" />
          </Form.Item>
        ))}
        {fields.secrets.map((name) => (
          <Form.Item key={name} name={name} label={t(`export.${target}.${name}`)}>
            <Input.Password
              autoComplete="new-password"
              visibilityToggle={false}
              placeholder={view?.hasSecrets[name] ? t('export.secretSet') : t('export.secretUnset')}
            />
          </Form.Item>
        ))}
      </div>
      <Alert type="info" showIcon title={mode === 'web' ? t('export.secretSession') : t('export.secretStored')} />
    </Form>
  )
}
