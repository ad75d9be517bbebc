import { Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import { StageTag, StatusText } from '../../components/StageTag'
import { TargetBadge } from '../../components/TargetBadge'
import type { GridColumn } from './columns'

/** What a cell shows when it is not being edited; all text is rendered as text. */
export function CellContent({ kpi, column, onOpen }: { kpi: KpiView; column: GridColumn; onOpen: (kpiId: number) => void }) {
  const { t } = useTranslation()
  switch (column.key) {
    case 'code':
      return (
        <Typography.Link className="cell-code" onClick={() => onOpen(kpi.id)} title={t('table.open')}>
          {kpi.code}
        </Typography.Link>
      )
    case 'name':
      return (
        <div className="cell-stack">
          <span className="cell-main">{kpi.name}</span>
          {kpi.description && <span className="cell-sub">{kpi.description}</span>}
        </div>
      )
    case 'target':
      return (
        <div className="cell-stack">
          <span className="cell-main">{kpi.target?.text ?? ''}</span>
          <TargetBadge target={kpi.target} />
        </div>
      )
    case 'stage':
      return <StageTag stage={kpi.stage} />
    case 'status':
      return <StatusText status={kpi.status} />
    case 'frequency':
      return <span>{kpi.frequency ? t(`frequency.${kpi.frequency}`) : ''}</span>
    case 'updatedAt':
      return <span className="cell-muted">{dayjs(kpi.updatedAt).format('YYYY-MM-DD HH:mm')}</span>
    default:
      return <span className="cell-text">{String(kpi[column.key] ?? '')}</span>
  }
}
