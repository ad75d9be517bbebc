import { Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PreviewTable } from '../../../../electron/api'

/** The formula's table as the database returned it: each column with its type (SQLite gives none for expressions: what the values are), the first rows, the row count. */
export function ResultTable({ table }: { table: PreviewTable }) {
  const { t } = useTranslation()
  const columns = table.columns.map((c, i) => ({
    key: String(i),
    dataIndex: String(i),
    title: (
      <span className="result-column">
        {c.name} <Tag className="result-type">{/^(expression|unknown)$/.test(c.type) ? c.kind : c.type}</Tag>
      </span>
    ),
    align: c.kind === 'number' ? ('right' as const) : ('left' as const),
    render: (cell: unknown) => (cell === null ? <Typography.Text type="secondary">NULL</Typography.Text> : String(cell))
  }))
  const rows = table.rows.map((row, r) => Object.fromEntries([['key', r], ...row.map((cell, i) => [String(i), cell])]))
  return (
    <div data-testid="result-table" data-rows={table.rowCount} data-columns={table.columns.length}>
      <Typography.Text type="secondary">{t('actuals.query.firstRows', { count: table.rows.length, total: table.rowCount })}</Typography.Text>
      <Table size="small" pagination={false} scroll={{ x: 'max-content', y: 240 }} columns={columns} dataSource={rows} />
    </div>
  )
}
