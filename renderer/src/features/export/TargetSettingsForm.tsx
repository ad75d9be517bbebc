import { Alert, Form, Input } from 'antd'
import type { FormInstance } from 'antd'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportTarget } from '../../../../electron/domain/export'
import { TARGET_FIELDS } from './export-settings'
import { useExportStore } from './useExportStore'

/** The target's connection: plain settings, and credentials as write-only password fields. */
export function TargetSettingsForm({
  target,
  form,
  onDirty
}: {
  target: ExportTarget
  form: FormInstance<Record<string, string>>
  /** Whether the form holds typed values the target's saved settings do not. */
  onDirty: (dirty: boolean) => void
}) {
  const { t } = useTranslation()
  const view = useExportStore((s) => s.configs[target])
  const mode = useExportStore((s) => s.mode)
  const fields = TARGET_FIELDS[target]

  const loaded = useMemo(
    () => (view ? { ...(view.config as Record<string, string>), ...Object.fromEntries(fields.secrets.map((s) => [s, ''])) } : null),
    [view, fields]
  )
  useEffect(() => {
    if (!loaded) return
    form.setFieldsValue(loaded)
    onDirty(false)
  }, [loaded, form, onDirty])
  const onValuesChange = () => {
    const typed = form.getFieldsValue()
    onDirty([...fields.settings, ...fields.secrets].some((name) => (typed[name] ?? '') !== (loaded?.[name] ?? '')))
  }

  return (
    <Form form={form} layout="vertical" name={`export-${target}`} size="small" className="export-settings" disabled={!view} onValuesChange={onValuesChange}>
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
