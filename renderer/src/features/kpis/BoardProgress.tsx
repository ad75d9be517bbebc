import { Button, Progress, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNotify } from '../../components/useNotify'
import { useKpiStore } from './useKpiStore'

/**
 * "Loading N of TOTAL KPIs…" while the board streams in; if a page failed, what went wrong and a Retry that reads on
 * from that page; nothing once every page has come.
 */
export function BoardProgress() {
  const { t } = useTranslation()
  const notify = useNotify()
  const progress = useKpiStore((s) => s.progress)
  const resume = useKpiStore((s) => s.resume)
  if (!progress) return null
  const percent = Math.floor((progress.loaded / Math.max(progress.total, 1)) * 100)
  if (progress.failed)
    return (
      <Space size={6} data-testid="board-stream-failed" data-code={progress.failed.error.code} role="alert">
        <Progress type="circle" size={14} percent={percent} status="exception" showInfo={false} />
        <Typography.Text type="danger">
          {t('toolbar.streamFailed', { loaded: progress.loaded, total: progress.total, error: t(`errors.${progress.failed.error.code}`) })}
        </Typography.Text>
        <Button size="small" data-testid="board-stream-retry" onClick={() => void resume().catch(notify.error)}>
          {t('toolbar.streamRetry')}
        </Button>
      </Space>
    )
  return (
    <Space size={6} data-testid="board-progress" role="status">
      <Progress type="circle" size={14} percent={percent} showInfo={false} />
      <Typography.Text type="secondary">{t('toolbar.streaming', { loaded: progress.loaded, total: progress.total })}</Typography.Text>
    </Space>
  )
}
