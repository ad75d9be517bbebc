import { judgedTarget } from '../../../../electron/domain/judging/judged-target'
import { Empty } from 'antd'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import { buildKpiChartOption } from '../../charts/kpi-chart'
import { targetChanges } from '../../charts/kpi-target-changes'
import { KpiChart, type ZoomPercent } from './KpiChart'
import { localMidnight, seriesPoints } from './series-points'
import { useActualsStore } from './useActualsStore'

/** Zooming asks the core again once the wheel or the slider has rested this long. */
const ZOOM_DEBOUNCE_MS = 250
const HEIGHT = 300

/** The KPI's current values against its target, with bands, milestones and target changes; zooming re-reads the visible range. */
export function ActualsChart({ kpi }: { kpi: KpiView }) {
  const { t } = useTranslation()
  const revisions = useActualsStore((s) => s.revisions)
  const overview = useActualsStore((s) => s.overview)
  const detail = useActualsStore((s) => s.detail)
  const zoom = useActualsStore((s) => s.zoom)
  const zoomTo = useActualsStore((s) => s.zoomTo)
  const extent = useMemo(
    () => (overview?.first && overview.last ? { min: localMidnight(Date.parse(overview.first)), max: localMidnight(Date.parse(overview.last)) } : null),
    [overview]
  )
  const option = useMemo(
    () =>
      buildKpiChartOption({
        points: seriesPoints(overview, detail),
        total: overview?.total ?? 0,
        extent,
        zoom,
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
    [kpi, overview, detail, extent, zoom, revisions, t]
  )

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const onZoom = useCallback(
    ({ start, end }: ZoomPercent) => {
      if (!extent) return
      const span = extent.max - extent.min
      const visible = start <= 0 && end >= 100 ? null : { start: extent.min + (span * start) / 100, end: extent.min + (span * end) / 100 }
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void zoomTo(visible), ZOOM_DEBOUNCE_MS)
    },
    [extent, zoomTo]
  )

  if (!overview) return <div className="kpi-chart-pending" style={{ height: HEIGHT }} />
  if (!overview.total) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('actuals.chart.empty')} data-testid="chart-empty" />
  const shown = detail ?? overview
  return (
    <div
      data-testid="actuals-series"
      data-total={overview.total}
      data-in-range={shown.inRange}
      data-points={shown.points.length}
      data-exact={String(shown.exact)}
      data-from={shown.from ?? ''}
      data-to={shown.to ?? ''}
    >
      <KpiChart option={option} height={HEIGHT} onZoom={onZoom} />
    </div>
  )
}
