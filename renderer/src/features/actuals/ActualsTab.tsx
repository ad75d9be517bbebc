import CloudDownloadOutlined from '@ant-design/icons/CloudDownloadOutlined'
import { Button, Collapse, Space, Typography } from 'antd'
import { useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import { ActualsChart } from './ActualsChart'
import { CsvUpload } from './CsvUpload'
import { ManualEntryForm } from './ManualEntryForm'
import { QueryPreview } from './QueryPreview'
import { useActualsStore } from './useActualsStore'
import { usePullStore } from './usePullStore'
import { ValuesTable } from './ValuesTable'
import './actuals.css'

/** The KPI drawer's Actuals tab: chart, values, pull, manual entry, CSV upload and query preview. */
export function ActualsTab({ kpi }: { kpi: KpiView }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const load = useActualsStore((s) => s.load)
  const openPull = usePullStore((s) => s.open)
  const tab = useRef<HTMLDivElement>(null)
  // The chart's plotting width (its grid keeps 80 px for the axes): the core sends at most two points per pixel of it.
  const reload = useCallback(
    () => void load(kpi.id, Math.max(160, Math.round((tab.current?.clientWidth || 720) - 80))).catch(notify.error),
    [load, kpi.id, notify.error]
  )

  useEffect(() => {
    reload()
  }, [reload, kpi.revisionId])
  useEffect(() => api.on('actuals.changed', ({ kpiIds }) => kpiIds.includes(kpi.id) && reload()), [kpi.id, reload])

  const source = kpi.dataSource || (kpi.sourceNote ? t('actuals.noConnection', { note: kpi.sourceNote }) : t('actuals.noSource'))
  return (
    <div className="actuals-tab" data-testid="actuals-tab" ref={tab}>
      <div className="actuals-head">
        <Typography.Text type="secondary">{t('actuals.sourceLine', { source })}</Typography.Text>
        <Space>
          <Button
            type="primary"
            icon={<CloudDownloadOutlined />}
            onClick={() => openPull({ boardId: kpi.boardId, kpiIds: [kpi.id], label: kpi.code })}
            data-testid="drawer-pull"
          >
            {t('actuals.pull.one')}
          </Button>
        </Space>
      </div>
      <ActualsChart kpi={kpi} />
      <ValuesTable unit={kpi.target?.parsed?.unit ?? (kpi.unit || null)} />
      <Collapse
        size="small"
        className="actuals-tools"
        items={[
          { key: 'manual', label: t('actuals.manual.title'), children: <ManualEntryForm kpiId={kpi.id} onSaved={reload} /> },
          { key: 'csv', label: t('actuals.csv.title'), children: <CsvUpload boardId={kpi.boardId} onStored={reload} /> },
          { key: 'preview', label: t('actuals.query.title'), children: <QueryPreview kpi={kpi} /> }
        ]}
      />
    </div>
  )
}
