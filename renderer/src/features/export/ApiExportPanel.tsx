import CloudUploadOutlined from '@ant-design/icons/CloudUploadOutlined'
import StopOutlined from '@ant-design/icons/StopOutlined'
import { Button, Form, Progress, Radio, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportTarget, OnMissing } from '../../../../electron/domain/export'
import { useNotify } from '../../components/useNotify'
import { ExportResults } from './ExportResults'
import { TargetSettingsForm } from './TargetSettingsForm'
import { useExportStore } from './useExportStore'
import { useUnsavedInput } from '../unsaved/useLeaveGuard'

/** One API target: its settings, what to do with deleted items, the run with progress, and the results. */
export function ApiExportPanel({ target, disabled }: { target: ExportTarget; disabled: boolean }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const [form] = Form.useForm<Record<string, string>>()
  const [onMissing, setOnMissing] = useState<OnMissing>('recreate')
  const [dirty, setDirty] = useState(false)
  const run = useExportStore((s) => s.runs[target])
  const cancel = useExportStore((s) => s.cancel)
  const links = useExportStore((s) => s.links.filter((l) => l.target === target).length)
  const { loadConfig, saveConfig, run: start } = useExportStore.getState()

  useEffect(() => {
    loadConfig(target).catch(notify.error)
  }, [target, loadConfig, notify.error])

  const save = async () => {
    await saveConfig(target, form.getFieldsValue())
  }
  useUnsavedInput(`export/${target}`, dirty, async () => {
    try {
      await save()
      return true
    } catch (error) {
      notify.error(error)
      return false
    }
  })
  const exportNow = async () => {
    try {
      await save()
    } catch (error) {
      notify.error(error)
      return
    }
    await start(target, onMissing)
  }

  const running = run?.running ?? false
  const progress = run?.progress
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }} data-testid={`export-panel-${target}`}>
      <TargetSettingsForm target={target} form={form} onDirty={setDirty} />
      <Space wrap>
        <Typography.Text>{t('export.onMissing')}</Typography.Text>
        <Radio.Group value={onMissing} onChange={(e) => setOnMissing(e.target.value)}>
          <Radio value="recreate">{t('export.recreate')}</Radio>
          <Radio value="report">{t('export.report')}</Radio>
        </Radio.Group>
        <Typography.Text type="secondary">{links > 0 ? t('export.links', { count: links }) : t('export.noLinks')}</Typography.Text>
      </Space>
      <Space wrap>
        <Button onClick={() => save().then(() => notify.success(t('export.saved')), notify.error)} disabled={running}>
          {t('export.save')}
        </Button>
        <Button type="primary" icon={<CloudUploadOutlined />} loading={running} disabled={disabled} onClick={() => void exportNow()} data-testid="export-run">
          {t('export.run', { target: t(`export.targets.${target}`) })}
        </Button>
        {running && (
          <Button danger icon={<StopOutlined />} onClick={() => cancel?.()} data-testid="export-cancel">
            {t('export.cancel')}
          </Button>
        )}
      </Space>
      {running && (
        <div data-testid="export-progress">
          <Progress percent={progress ? Math.round((progress.done / Math.max(1, progress.total)) * 100) : 0} status="active" />
          {progress && <Typography.Text type="secondary">{t('export.running', progress)}</Typography.Text>}
        </div>
      )}
      {run && !running && <ExportResults run={run} />}
    </Space>
  )
}
