import './review.css'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { KpiStatus } from '../../../../electron/api'
import { freshnessText } from './Freshness'
import { formatAttainment, formatValue, periodLabel } from './review-format'
import { useReviewStore } from './useReviewStore'

// Plain functions, not components: the virtual grid renders thousands of cells while scrolling.

/** The latest measured value of a KPI, with its period as a tooltip. */
export function currentValueCell(status: KpiStatus | undefined, unit: string, t: TFunction) {
  const value = formatValue(status?.value ?? null)
  if (!status || value === null) return <span className="cell-muted">—</span>
  const period = periodLabel(status)
  const title = [period ? t('review.valueAsOf', { period }) : null, freshnessText(status, t), status.stale ? t('review.freshness.stale') : null]
    .filter(Boolean)
    .join(' · ')
  return (
    <span className="cell-text" data-testid="current-value" data-stale={status.stale} title={title || undefined}>
      {value}
      {unit && unit !== '%' ? ` ${unit}` : unit}
    </span>
  )
}

/** Red/yellow/green light with the attainment; grey when there is no measurement yet. */
export function statusLightCell(status: KpiStatus | undefined, t: TFunction) {
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
export function latestProposalCell(status: KpiStatus | undefined, t: TFunction) {
  const latest = status?.latestProposal ?? null
  if (!latest) return <span className="cell-muted">—</span>
  return (
    <button
      type="button"
      className={`review-proposal-link review-status-${latest.status}`}
      data-testid="latest-proposal"
      title={`${t(`review.proposalStatus.${latest.status}`)} · ${latest.rationale}`}
      onClick={(e) => {
        e.stopPropagation()
        useReviewStore.getState().openPanel(latest.id)
      }}
    >
      {latest.rationale}
    </button>
  )
}

/** The light as a component, for the kanban cards. */
export function StatusLight({ kpiId }: { kpiId: number }) {
  const { t } = useTranslation()
  const status = useReviewStore((s) => s.statuses[kpiId])
  return statusLightCell(status, t)
}
