import { Form, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { BackupSettings } from '../../../../electron/domain/backup'
import { useNotify } from '../../components/useNotify'
import { useBackupStore } from './useBackupStore'

const INTERVALS = [1, 6, 12, 24, 168, 0]
const KEEP = [3, 5, 10, 20, 30, 60]
/** The presets, plus the current value when it was set elsewhere (kpiloop backup schedule). */
const withCurrent = (presets: number[], current: number) => (presets.includes(current) ? presets : [...presets, current].sort((a, b) => a - b))

/** Where backups go, how often the app makes one, and how many automatic ones it keeps. */
export function BackupSchedule({ settings }: { settings: BackupSettings }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const every = (hours: number) => (INTERVALS.includes(hours) ? t(`backup.every.${hours}`) : t('backup.everyHours', { hours }))
  const save = (change: { intervalHours?: number; keep?: number }) =>
    useBackupStore
      .getState()
      .configure(change)
      .then(() => notify.success(t('backup.saved')), notify.error)

  return (
    <Form layout="vertical" className="backup-schedule">
      <Form.Item label={t('backup.folder')} extra={t('backup.folderHelp')}>
        <Typography.Text code copyable data-testid="backup-folder" data-literal>
          {settings.folder}
        </Typography.Text>
      </Form.Item>
      <Form.Item label={t('backup.schedule')} extra={t('backup.whileOpen')}>
        <Select
          value={settings.intervalHours}
          options={withCurrent(INTERVALS, settings.intervalHours).map((h) => ({ value: h, label: every(h) }))}
          onChange={(intervalHours: number) => void save({ intervalHours })}
          style={{ width: 220 }}
          data-testid="backup-interval"
        />
      </Form.Item>
      <Form.Item label={t('backup.keep')} extra={t('backup.keepHelp')}>
        <Select
          value={settings.keep}
          options={withCurrent(KEEP, settings.keep).map((n) => ({ value: n, label: String(n) }))}
          disabled={settings.intervalHours === 0}
          onChange={(keep: number) => void save({ keep })}
          style={{ width: 120 }}
          data-testid="backup-keep"
        />
      </Form.Item>
    </Form>
  )
}
