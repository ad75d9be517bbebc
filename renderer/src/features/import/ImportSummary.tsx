import { Alert, Space, Statistic } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../../electron/api'
import { rowCounts, type ImportRow } from './import-rows'

/** The counts at the top of the preview (for the rows as edited) and what the assistant added, or why it could not. */
export function ImportSummary({ preview, rows }: { preview: ImportPreview; rows: ImportRow[] }) {
  const { t } = useTranslation()
  const counts = useMemo(() => rowCounts(rows), [rows])
  const assistant = preview.assistant
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space size={32} wrap data-testid="import-counts">
        <Statistic title={t('import.count.found')} value={counts.found} data-testid="count-found" />
        <Statistic title={t('import.count.withTarget')} value={counts.withTarget} data-testid="count-with-target" />
        <Statistic title={t('import.count.needTarget')} value={counts.needTarget} data-testid="count-need-target" />
        <Statistic title={t('import.count.flagged')} value={counts.flagged} data-testid="count-flagged" />
      </Space>
      {assistant?.status === 'done' && (
        <Alert
          type="success"
          showIcon
          data-testid="import-assistant"
          title={t('import.assistantDone', { added: assistant.added, enriched: assistant.enriched })}
        />
      )}
      {assistant?.status === 'failed' && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-assistant"
          data-code={assistant.code}
          title={t('import.assistantFailed')}
          description={`${t(`errors.${assistant.code}`, { defaultValue: assistant.code })} ${t('app.errorDetail', { message: assistant.message })}`}
        />
      )}
    </Space>
  )
}
