import './review.css'
import { useTranslation } from 'react-i18next'
import { formatAttainment, formatValue, periodLabel } from './review-format'
import { useReviewStore } from './useReviewStore'

/** The latest measured value of a KPI, with its period as a tooltip. */
export function CurrentValueCell({ kpiId, unit }: { kpiId: number; unit: string }) {
  const { t } = useTranslation()
  const status = useReviewStore((s) => s.statuses[kpiId])
  const value = formatValue(status?.value ?? null)
  if (!status || value === null) return <span className="cell-muted">—</span>
  const period = periodLabel(status)
  return (
    <span className="cell-text" data-testid="current-value" title={period ? t('review.valueAsOf', { period }) : undefined}>
      {value}
      {unit && unit !== '%' ? ` ${unit}` : unit}
    </span>
  )
}

/** Red/yellow/green light with the attainment; grey when there is no measurement yet. */
export function StatusLightCell({ kpiId }: { kpiId: number }) {
  const { t } = useTranslation()
  const status = useReviewStore((s) => s.statuses[kpiId])
  const level = status?.level ?? 'none'
  const pct = formatAttainment(status?.attainment ?? null)
  return (
    <span className="review-light" data-testid="status-light" data-level={level} title={status?.reason || undefined}>
      <span className={`review-dot review-dot-${level}`} aria-hidden />
      {pct ? t('review.attainment', { pct }) : t(`review.level.${level}`)}
    </span>
  )
}

/** The latest proposal's rationale, shortened; a click opens the review panel on it. */
export function LatestProposalCell({ kpiId }: { kpiId: number }) {
  const { t } = useTranslation()
  const latest = useReviewStore((s) => s.statuses[kpiId]?.latestProposal ?? null)
  const openPanel = useReviewStore((s) => s.openPanel)
  if (!latest) return <span className="cell-muted">—</span>
  return (
    <button
      type="button"
      className={`review-proposal-link review-status-${latest.status}`}
      data-testid="latest-proposal"
      title={`${t(`review.proposalStatus.${latest.status}`)} · ${latest.rationale}`}
      onClick={(e) => {
        e.stopPropagation()
        openPanel(latest.id)
      }}
    >
      {latest.rationale}
    </button>
  )
}
