import CaretDownOutlined from '@ant-design/icons/CaretDownOutlined'
import CaretUpOutlined from '@ant-design/icons/CaretUpOutlined'
import { Checkbox } from 'antd'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { COLUMNS, SELECT_WIDTH } from './columns'
import type { SortField, SortSpec } from './rows'

const ariaSort = (sort: SortSpec | null, key: SortField) => (sort?.field !== key ? 'none' : sort.dir === 'asc' ? 'ascending' : 'descending')

export interface SelectAll {
  /** How many of the KPIs the filter shows are ticked, out of how many. */
  ticked: number
  shown: number
  onChange: (on: boolean) => void
}

/** The sticky header row: a box ticking every KPI the filter shows; clicking a header sorts by it (asc → desc → off). */
export function GridHeader({
  ref,
  sort,
  onSort,
  selectAll
}: {
  ref: Ref<HTMLDivElement>
  sort: SortSpec | null
  onSort: (field: SortField) => void
  selectAll: SelectAll
}) {
  const { t } = useTranslation()
  const all = selectAll.shown > 0 && selectAll.ticked === selectAll.shown
  return (
    <div ref={ref} role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row">
        <div role="columnheader" className="grid-cell grid-select" style={{ width: SELECT_WIDTH }}>
          <Checkbox
            checked={all}
            indeterminate={selectAll.ticked > 0 && !all}
            disabled={selectAll.shown === 0}
            aria-label={t('table.selectAll')}
            onChange={(e) => selectAll.onChange(e.target.checked)}
            data-testid="select-all"
          />
        </div>
        {COLUMNS.map((column, index) => (
          <div
            key={column.key}
            role="columnheader"
            aria-colindex={index + 1}
            aria-sort={ariaSort(sort, column.key)}
            className="grid-cell grid-header-cell"
            style={{ width: column.width }}
            onClick={() => column.sortable !== false && onSort(column.key)}
          >
            <span>{t(column.labelKey ?? `field.${column.key === 'updatedAt' ? 'updated' : column.key}`)}</span>
            {sort?.field === column.key && (sort.dir === 'asc' ? <CaretUpOutlined /> : <CaretDownOutlined />)}
          </div>
        ))}
      </div>
    </div>
  )
}
