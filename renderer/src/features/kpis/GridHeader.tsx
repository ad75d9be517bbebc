import CaretDownOutlined from '@ant-design/icons/CaretDownOutlined'
import CaretUpOutlined from '@ant-design/icons/CaretUpOutlined'
import { Checkbox } from 'antd'
import type { PointerEvent as ReactPointerEvent, Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardColumnKey } from '../../../../electron/domain/board-columns'
import { columnLabelKey, frozenClass, frozenStyle, SELECT_WIDTH, type ShownColumn } from './columns'
import type { SortField, SortSpec } from './rows'

const ariaSort = (sort: SortSpec | null, key: SortField) => (sort?.field !== key ? 'none' : sort.dir === 'asc' ? 'ascending' : 'descending')

export interface SelectAll {
  /** How many of the KPIs the filter shows are ticked, out of how many. */
  ticked: number
  shown: number
  /** The board is still streaming in: "every KPI shown" is not known yet. */
  waiting: boolean
  onChange: (on: boolean) => void
}

/** A column's new width while its edge is dragged (`done` false) and when it is let go. */
export type OnResize = (key: BoardColumnKey, width: number, done: boolean) => void

/** The handle on a header's right edge: dragging it sets the column's width. */
function ResizeHandle({ column, label, onResize }: { column: ShownColumn; label: string; onResize: OnResize }) {
  const onPointerDown = (e: ReactPointerEvent<HTMLSpanElement>) => {
    e.preventDefault()
    e.stopPropagation()
    const handle = e.currentTarget
    const startX = e.clientX
    const widthAt = (x: number) => column.width + x - startX
    handle.setPointerCapture(e.pointerId)
    const move = (ev: PointerEvent) => onResize(column.key, widthAt(ev.clientX), false)
    const up = (ev: PointerEvent) => {
      handle.removeEventListener('pointermove', move)
      handle.removeEventListener('pointerup', up)
      onResize(column.key, widthAt(ev.clientX), true)
    }
    handle.addEventListener('pointermove', move)
    handle.addEventListener('pointerup', up)
  }
  return (
    <span
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      className="col-resize"
      onPointerDown={onPointerDown}
      onClick={(e) => e.stopPropagation()}
      data-testid={`resize-${column.key}`}
    />
  )
}

/** The sticky header row: a box ticking every KPI the filter shows; clicking a header sorts by it (asc → desc → off). */
export function GridHeader({
  ref,
  columns,
  sort,
  onSort,
  onResize,
  selectAll
}: {
  ref: Ref<HTMLDivElement>
  columns: readonly ShownColumn[]
  sort: SortSpec | null
  onSort: (field: SortField) => void
  onResize: OnResize
  selectAll: SelectAll
}) {
  const { t } = useTranslation()
  const all = selectAll.shown > 0 && selectAll.ticked === selectAll.shown
  return (
    <div ref={ref} role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row">
        <div role="columnheader" className="grid-cell grid-select frozen" style={{ width: SELECT_WIDTH, left: 0 }}>
          <Checkbox
            checked={all}
            indeterminate={selectAll.ticked > 0 && !all}
            disabled={selectAll.shown === 0 || selectAll.waiting}
            aria-label={t('table.selectAll')}
            onChange={(e) => selectAll.onChange(e.target.checked)}
            data-testid="select-all"
          />
        </div>
        {columns.map((column, index) => {
          const label = t(columnLabelKey(column))
          return (
            <div
              key={column.key}
              role="columnheader"
              aria-colindex={index + 1}
              aria-sort={ariaSort(sort, column.key)}
              data-col={column.key}
              className={`grid-cell grid-header-cell${frozenClass(column)}`}
              style={{ width: column.width, ...frozenStyle(column) }}
              onClick={() => onSort(column.key)}
            >
              <span className="header-label">{label}</span>
              {sort?.field === column.key && (sort.dir === 'asc' ? <CaretUpOutlined /> : <CaretDownOutlined />)}
              <ResizeHandle column={column} label={t('columns.resize', { column: label })} onResize={onResize} />
            </div>
          )
        })}
      </div>
    </div>
  )
}
