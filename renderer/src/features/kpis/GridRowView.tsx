import CaretDownOutlined from '@ant-design/icons/CaretDownOutlined'
import CaretRightOutlined from '@ant-design/icons/CaretRightOutlined'
import { memo, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import { cellContent, type CellContext } from './CellContent'
import { CellEditor, type EditEnd } from './CellEditor'
import { frozenClass, frozenStyle, SELECT_WIDTH, type ShownColumn } from './columns'
import { fieldLock } from '../../../../electron/domain/field-locks'
import type { GridRow } from './rows'

interface Props {
  row: GridRow
  columns: readonly ShownColumn[]
  /** The width of all columns: every row spans it, so frozen cells stay in place however far the grid scrolls. */
  width: number
  index: number
  style: CSSProperties
  /** The active column when this row holds the cursor, else -1. */
  activeCol: number
  editing: boolean
  seed: string | null
  selected: boolean
  /** Ticks or unticks this row; `range` (shift held) extends from the last row ticked. */
  onSelect: (row: number, on: boolean, range: boolean) => void
  onCellClick: (row: number, col: number, edit: boolean) => void
  onToggleGroup: (key: string) => void
  ctx: CellContext
  onCommit: (kpi: KpiView, col: number, text: string, how: EditEnd) => Promise<boolean>
  onCancel: () => void
}

export const cellId = (row: number, col: number) => `kpi-cell-${row}-${col}`

function GroupLabel({ row }: { row: Extract<GridRow, { kind: 'group' }> }) {
  const { t } = useTranslation()
  const label = row.key === '' ? t('table.noValue') : row.groupBy === 'stage' ? t(`stage.${row.key}`) : row.key
  return <>{t('table.group', { label, count: row.count })}</>
}

/** One virtual row: a collapsible group header or a KPI with one cell per column. */
export const GridRowView = memo(function GridRowView(props: Props) {
  const { row, index, style, activeCol } = props
  if (row.kind === 'group') {
    return (
      <div role="row" aria-rowindex={index + 2} aria-expanded={!row.collapsed} className="grid-row grid-group" style={{ ...style, width: props.width }}>
        <div
          role="gridcell"
          id={cellId(index, 0)}
          aria-colindex={1}
          aria-colspan={props.columns.length}
          aria-selected={activeCol >= 0}
          className={`grid-cell grid-group-cell${activeCol >= 0 ? ' active' : ''}`}
          onClick={() => {
            props.onCellClick(index, 0, false)
            props.onToggleGroup(row.key)
          }}
        >
          <span className="grid-group-label">
            {row.collapsed ? <CaretRightOutlined /> : <CaretDownOutlined />}
            <GroupLabel row={row} />
          </span>
        </div>
      </div>
    )
  }
  const { kpi } = row
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      data-kpi-code={kpi.code}
      className={`grid-row${props.selected ? ' selected' : ''}`}
      style={{ ...style, width: props.width }}
    >
      <div role="gridcell" className="grid-cell grid-select frozen" style={{ width: SELECT_WIDTH, left: 0 }}>
        {/* A plain checkbox named by the code cell: an antd one, or a translated label, per row
            made a scroll step over 10,000 KPIs markedly slower. */}
        <input
          type="checkbox"
          className="row-select"
          checked={props.selected}
          aria-labelledby={cellId(index, 0)}
          onChange={(e) => props.onSelect(index, e.target.checked, (e.nativeEvent as MouseEvent).shiftKey)}
          data-testid="row-select"
        />
      </div>
      {props.columns.map((column, col) => {
        const active = col === activeCol
        const editing = active && props.editing
        const lock = fieldLock(kpi, column.field)
        return (
          <div
            key={column.key}
            role="gridcell"
            id={cellId(index, col)}
            aria-colindex={col + 1}
            aria-selected={active}
            aria-readonly={column.editor === null || lock !== null}
            data-col={column.key}
            data-locked={lock ? 'true' : undefined}
            title={lock ? props.ctx.t(`locked.${lock}`) : undefined}
            className={`grid-cell${frozenClass(column)}${active ? ' active' : ''}${editing ? ' editing' : ''}${lock ? ' locked' : ''}`}
            style={{ width: column.width, ...frozenStyle(column) }}
            onClick={() => props.onCellClick(index, col, false)}
            onDoubleClick={() => props.onCellClick(index, col, true)}
          >
            {editing ? (
              <CellEditor kpi={kpi} column={column} seed={props.seed} onCommit={(text, how) => props.onCommit(kpi, col, text, how)} onCancel={props.onCancel} />
            ) : (
              cellContent(kpi, column, props.ctx)
            )}
          </div>
        )
      })}
    </div>
  )
})
