import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { COLUMNS } from './columns'
import type { SortField, SortSpec } from './rows'

const ariaSort = (sort: SortSpec | null, key: SortField) => (sort?.field !== key ? 'none' : sort.dir === 'asc' ? 'ascending' : 'descending')

/** The sticky header row; clicking a header sorts by it (asc → desc → off). */
export function GridHeader({ sort, onSort }: { sort: SortSpec | null; onSort: (field: SortField) => void }) {
  const { t } = useTranslation()
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row">
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
