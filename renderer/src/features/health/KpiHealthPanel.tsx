import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import { formatFigure, unitOf } from '../../../../electron/domain/judging/format-figure'
import { statusLightCell } from '../review/StatusCells'
import { useReviewStore } from '../review/useReviewStore'
import { decisionText } from './health-text'

/** The KPI's health in the drawer: the light, the period's value (so far and projected while it runs), why, and which rule decided. */
export function KpiHealthPanel({ kpi }: { kpi: KpiView }) {
  const { t } = useTranslation()
  const status = useReviewStore((s) => s.statuses[kpi.id])
  if (!status) return null
  const unit = unitOf(kpi)
  const value = status.value === null ? null : formatFigure(status.value, unit)
  return (
    <Alert
      className="kpi-health-panel"
      data-testid="kpi-health"
      type={
        status.inProgress ? 'info' : status.level === 'red' ? 'error' : status.level === 'yellow' ? 'warning' : status.level === 'green' ? 'success' : 'info'
      }
      showIcon={false}
      style={{ marginBottom: 12 }}
      title={
        <span>
          {t('health.current')} · {statusLightCell(status, unit, t)}
          {status.periodLabel && ` · ${t('health.period', { period: status.periodLabel })}`}
          {value && ` · ${status.inProgress ? t('health.inProgressValue', { value }) : value}`}
        </span>
      }
      description={
        <div>
          {status.inProgress && status.projection !== null && (
            <div data-testid="kpi-health-projection">{t('health.projection', { value: formatFigure(status.projection, unit) })}</div>
          )}
          <div>{status.reason}</div>
          <div data-testid="kpi-health-decision">{decisionText(status, unit, t)}</div>
        </div>
      }
    />
  )
}
