import { Tag, Tooltip } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { freshnessDetail, freshnessLabel, staleNow } from './freshness-text'
import { useReviewStore } from './useReviewStore'

/** How old the KPI's newest value is against its interval, and a stale mark once it has gone without one too long; re-read every 30 s. */
export function Freshness({ kpiId }: { kpiId: number }) {
  const { t } = useTranslation()
  const status = useReviewStore((s) => s.statuses[kpiId])
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  const text = freshnessLabel(status, now, t)
  if (!status || text === null) return null
  const stale = staleNow(status, now)
  return (
    <Tooltip title={freshnessDetail(status, t)}>
      <Tag color={stale ? 'error' : undefined} data-testid="freshness" data-stale={stale}>
        {text}
      </Tag>
    </Tooltip>
  )
}
