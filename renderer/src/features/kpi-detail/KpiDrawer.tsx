import { Button, Drawer, Popconfirm, Space, Tabs, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { StageTag } from '../../components/StageTag'
import { TargetBadge } from '../../components/TargetBadge'
import { useNotify } from '../../components/useNotify'
import { useKpiStore } from '../kpis/useKpiStore'
import { Freshness } from '../review/Freshness'
import { StageMoveButton } from '../review/StageMoveButton'
import { useUiStore } from '../ui/useUiStore'
import { ActualsTab } from '../actuals/ActualsTab'
import { LaunchNote } from '../launch/LaunchNote'
import { KpiHealthPanel } from '../health/KpiHealthPanel'
import { KpiForm } from './KpiForm'
import { RevisionTimeline } from './RevisionTimeline'

/** One KPI: its fields as a form, retire/reinstate, and its revision history. */
export function KpiDrawer() {
  const { t } = useTranslation()
  const notify = useNotify()
  const kpiId = useUiStore((s) => s.detailKpiId)
  const openDetail = useUiStore((s) => s.openDetail)
  const kpi = useKpiStore((s) => s.kpis.find((k) => k.id === kpiId))
  const put = useKpiStore((s) => s.put)
  const retired = kpi?.stage === 'retired'

  const toggleRetired = () => {
    if (!kpi) return
    const call = retired ? api.call('kpi.reinstate', { kpiId: kpi.id }) : api.call('kpi.retire', { kpiId: kpi.id })
    call.then(put, notify.error)
  }

  return (
    <Drawer
      open={kpi !== undefined}
      onClose={() => openDetail(null)}
      size={760}
      className="kpi-drawer"
      title={
        kpi && (
          <Space size={8}>
            <span data-testid="drawer-title">{t('drawer.title', { code: kpi.code, name: kpi.name })}</span>
            <StageTag stage={kpi.stage} />
            <TargetBadge target={kpi.target} />
            <Tag>{t('drawer.revision', { number: kpi.revisionNumber })}</Tag>
            <Freshness kpiId={kpi.id} />
          </Space>
        )
      }
      extra={
        kpi && (
          <Space>
            <StageMoveButton kpiId={kpi.id} />
            <Popconfirm
              title={retired ? t('drawer.reinstate') : t('drawer.confirmRetire', { code: kpi.code })}
              okText={t('app.ok')}
              cancelText={t('app.cancel')}
              onConfirm={toggleRetired}
            >
              <Button danger={!retired}>{retired ? t('drawer.reinstate') : t('drawer.retire')}</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {kpi && <LaunchNote kpi={kpi} />}
      {kpi && <KpiHealthPanel kpi={kpi} />}
      {kpi && (
        <Tabs
          items={[
            { key: 'fields', label: t('drawer.fields'), children: <KpiForm kpi={kpi} /> },
            { key: 'history', label: t('drawer.history'), children: <RevisionTimeline kpi={kpi} /> },
            { key: 'actuals', label: t('actuals.tab'), children: <ActualsTab kpi={kpi} /> }
          ]}
        />
      )}
    </Drawer>
  )
}
