import dayjs from 'dayjs'
import type { TFunction } from 'i18next'
import type { KpiStatus, KpiView } from '../../../../electron/api'
import { STAGE_COLOR, STATUS_COLOR } from '../../components/StageTag'
import { formatParsedTarget, type TargetWords } from '../../components/target-format'
import { unitOf } from '../../../../electron/domain/judging/format-figure'
import { currentValueCell, latestProposalCell, statusLightCell } from '../review/StatusCells'
import { judgedAttainment } from './board-sort'
import type { GridColumn } from './columns'
import { formatAttainment } from '../review/review-format'

/** The grid's light badge (plain spans, native tooltip): thousands of antd Tags and Tooltips would slow scrolling. */
function gridTargetBadge(target: KpiView['target'], { t, words }: CellContext) {
  if (!target?.text.trim()) return null
  if (!target.parsed) {
    return (
      <span className="grid-tag tag-error" data-testid="target-unparsed" title={t('target.unparsed', { issue: target.issue ?? '' })}>
        ⚠ {t('table.unparsed')}
      </span>
    )
  }
  return (
    <span className={`grid-tag outlined ${target.issue ? 'tag-warning' : 'tag-blue'}`} data-testid="target-parsed" title={target.issue}>
      {formatParsedTarget(target.parsed, words)}
    </span>
  )
}

/** What every cell needs, computed once per grid render instead of once per cell. */
export interface CellContext {
  t: TFunction
  words: TargetWords
  onOpen: (kpiId: number) => void
  /** Status lights and latest proposals by KPI id. */
  statuses: Record<number, KpiStatus>
}

/** What a cell shows when it is not being edited; all text is rendered as text. A plain function: no hooks per cell. */
export function cellContent(kpi: KpiView, column: GridColumn, ctx: CellContext) {
  const { t, onOpen } = ctx
  switch (column.key) {
    case 'code':
      return (
        <button type="button" className="cell-code" onClick={() => onOpen(kpi.id)} title={t('table.open')}>
          {kpi.code}
        </button>
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
          {gridTargetBadge(kpi.target, ctx)}
        </div>
      )
    case 'stage':
      return <span className={`grid-tag tag-${STAGE_COLOR[kpi.stage]}`}>{t(`stage.${kpi.stage}`)}</span>
    case 'status':
      return <span className={`grid-tag outlined tag-${STATUS_COLOR[kpi.status]}`}>{t(`status.${kpi.status}`)}</span>
    case 'frequency':
      return <span>{kpi.frequency ? t(`frequency.${kpi.frequency}`) : ''}</span>
    case 'currentValue':
      return currentValueCell(ctx.statuses[kpi.id], unitOf(kpi), t)
    case 'light':
      return statusLightCell(ctx.statuses[kpi.id], unitOf(kpi), t)
    case 'proposal':
      return latestProposalCell(ctx.statuses[kpi.id], t)
    case 'attainment':
      return <span className="cell-text">{formatAttainment(judgedAttainment(ctx.statuses[kpi.id])) ?? '—'}</span>
    case 'updatedAt':
      return <span className="cell-muted">{dayjs(kpi.updatedAt).format('YYYY-MM-DD HH:mm')}</span>
    default:
      return <span className="cell-text">{String(kpi[column.key] ?? '')}</span>
  }
}
