import { judgedTarget } from '../../../../electron/domain/judging/judged-target'
import { Empty } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import { buildKpiChartOption } from '../../charts/kpi-chart'
import { targetChanges } from '../../charts/kpi-target-changes'
import { chartPoints, type ValueRow } from './actuals-rows'
import { KpiChart } from './KpiChart'
import { useActualsStore } from './useActualsStore'

/** The KPI's current values against its target, with bands, milestones and target changes. */
export function ActualsChart({ kpi, rows }: { kpi: KpiView; rows: ValueRow[] }) {
  const { t } = useTranslation()
  const revisions = useActualsStore((s) => s.revisions)
  const option = useMemo(
    () =>
      buildKpiChartOption({
        points: chartPoints(rows),
        // The bands follow the light: a bare "90%" uptime is ≥ 90%.
        target: judgedTarget(kpi),
        direction: kpi.direction,
        thresholds: kpi.alertThresholds,
        milestones: kpi.milestones,
        targetChanges: targetChanges(revisions),
        labels: {
          actual: t('actuals.chart.actual'),
          target: t('actuals.chart.target'),
          bands: { red: t('actuals.chart.red'), yellow: t('actuals.chart.yellow'), green: t('actuals.chart.green') },
          targetChange: (c) => t('actuals.chart.targetChanged', { from: c.from || '—', to: c.to || '—' })
        }
      }),
    [kpi, rows, revisions, t]
  )
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('actuals.chart.empty')} data-testid="chart-empty" />
  return <KpiChart option={option} />
}
