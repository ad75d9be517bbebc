import { Tag, Tooltip } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { KpiStatus } from '../../../../electron/api'
import { useReviewStore } from './useReviewStore'

/** When the KPI's latest value was stored, and a stale mark when its schedule has not stored one for 3 periods. */
export function Freshness({ kpiId }: { kpiId: number }) {
  const { t } = useTranslation()
  const status = useReviewStore((s) => s.statuses[kpiId])
  const text = freshnessText(status, t)
  if (!status || text === null) return null
  return (
    <Tooltip title={status.stale ? t('review.freshness.staleTip', { period: status.periodEnd }) : undefined}>
      <Tag color={status.stale ? 'error' : undefined} data-testid="freshness" data-stale={status.stale}>
        {status.stale ? `${t('review.freshness.stale')} · ${text}` : text}
      </Tag>
    </Tooltip>
  )
}

/** "Last value stored 2026-01-05 09:00", or null without a value. */
export function freshnessText(status: KpiStatus | undefined, t: (key: string, options?: Record<string, unknown>) => string): string | null {
  if (!status || status.lastValueAt === null) return null
  return t('review.freshness.storedAt', { time: dayjs(status.lastValueAt).format('YYYY-MM-DD HH:mm') })
}
