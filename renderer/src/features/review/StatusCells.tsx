import './review.css'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { KpiStatus } from '../../../../electron/api'
import { formatFigure } from '../../../../electron/domain/judging/format-figure'
import { lightTooltip } from '../health/health-text'
import { freshnessLabel, staleNow } from './freshness-text'
import { formatAttainment, periodLabel } from './review-format'
import { useReviewStore } from './useReviewStore'

// Plain functions, not components: the virtual grid renders thousands of cells while scrolling.

/** The value of the KPI's latest target period with its unit; "so far" while the period runs. */
export function currentValueCell(status: KpiStatus | undefined, unit: string, t: TFunction) {
  if (!status || status.value === null) return <span className="cell-muted">—</span>
  const value = formatFigure(status.value, unit)
  const period = status.periodLabel ?? periodLabel(status)
  const now = Date.now()
  const title = [period ? t('review.valueAsOf', { period }) : null, freshnessLabel(status, now, t)].filter(Boolean).join(' · ')
  return (
    <span className="cell-text" data-testid="current-value" data-stale={staleNow(status, now)} title={title || undefined}>
      {status.inProgress ? t('health.inProgressValue', { value }) : value}
    </span>
  )
}

/** Red/yellow/green light with the attainment; "in progress" while the period runs; grey when it is not judged. The tooltip says which rule decided. */
export function statusLightCell(status: KpiStatus | undefined, unit: string, t: TFunction) {
  const level = status?.inProgress ? 'progress' : (status?.level ?? 'none')
  const pct = formatAttainment(status?.attainment ?? null)
  const label = status?.inProgress ? t('health.inProgress') : pct ? t('review.attainment', { pct }) : t(`review.level.${status?.level ?? 'none'}`)
  return (
    <span
      className="review-light"
      data-testid="status-light"
      data-level={level}
      data-rule={status?.decidedBy.rule}
      title={status ? [lightTooltip(status, unit, t), freshnessLabel(status, Date.now(), t)].filter(Boolean).join('\n') : undefined}
    >
      <span className={`review-dot review-dot-${level}`} aria-hidden />
      {label}
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
export function StatusLight({ kpiId, unit }: { kpiId: number; unit: string }) {
  const { t } = useTranslation()
  const status = useReviewStore((s) => s.statuses[kpiId])
  return statusLightCell(status, unit, t)
}
