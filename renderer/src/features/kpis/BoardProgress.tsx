import { Progress, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useKpiStore } from './useKpiStore'

/** "Loading N of TOTAL KPIs…" while the board streams in; nothing once every page has come. */
export function BoardProgress() {
  const { t } = useTranslation()
  const progress = useKpiStore((s) => s.progress)
  if (!progress) return null
  return (
    <Space size={6} data-testid="board-progress" role="status">
      <Progress type="circle" size={14} percent={Math.floor((progress.loaded / Math.max(progress.total, 1)) * 100)} showInfo={false} />
      <Typography.Text type="secondary">{t('toolbar.streaming', { loaded: progress.loaded, total: progress.total })}</Typography.Text>
    </Space>
  )
}
