import { Card, Empty } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { attainmentOption } from '../../charts/overview-attainment'
import { stageFunnelOption } from '../../charts/overview-funnel'
import { statusDistributionOption } from '../../charts/overview-status'
import { useKpiStore } from '../kpis/useKpiStore'
import { EChart } from './EChart'
import { useReviewStore } from './useReviewStore'

/** The board at a glance: attainment per KPI, the spread of status lights, and how far KPIs got in the lifecycle. */
export function OverviewView() {
  const { t } = useTranslation()
  const kpis = useKpiStore((s) => s.kpis)
  const statusMap = useReviewStore((s) => s.statuses)
  const statuses = useMemo(() => {
    const shown = new Set(kpis.map((k) => k.id))
    return Object.values(statusMap).filter((s) => shown.has(s.kpiId))
  }, [statusMap, kpis])
  const measured = statuses.some((s) => s.attainment !== null)
  // The language is a dependency: the options carry translated names.
  const options = useMemo(
    () => ({
      attainment: attainmentOption(statuses, { title: t('review.overview.attainment'), target: t('review.overview.target') }),
      status: statusDistributionOption(statuses, t('review.overview.distribution'), (l) => t(`review.level.${l}`)),
      funnel: stageFunnelOption(
        kpis.map((k) => k.stage),
        t('review.overview.funnel'),
        (s) => t(`stage.${s}`)
      )
    }),
    [statuses, kpis, t]
  )

  return (
    <div className="overview" data-testid="overview" data-kpi-count={kpis.length}>
      <Card size="small" className="overview-wide">
        {measured ? <EChart option={options.attainment} height={260} testId="chart-attainment" /> : <Empty description={t('review.overview.noData')} />}
      </Card>
      <Card size="small">
        <EChart option={options.status} height={260} testId="chart-status" />
      </Card>
      <Card size="small">
        <EChart option={options.funnel} height={260} testId="chart-funnel" />
      </Card>
    </div>
  )
}
