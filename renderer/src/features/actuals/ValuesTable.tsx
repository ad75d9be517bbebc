import { Switch, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { describePeriod } from '../../../../electron/domain/period'
import { useTranslation } from 'react-i18next'
import { formatFigure } from '../../../../electron/domain/judging/format-figure'
import type { ValueRowView } from '../../../../electron/api'
import { PAGE_SIZE, useActualsStore } from './useActualsStore'

const periodText = (r: ValueRowView) => describePeriod({ start: r.periodStart, end: r.periodEnd })

/** The values of a KPI, newest period first, a page at a time from the core; history shows what re-pulls and corrections replaced. */
export function ValuesTable({ unit }: { unit: string | null }) {
  const { t } = useTranslation()
  const loading = useActualsStore((s) => s.loading)
  const page = useActualsStore((s) => s.page)
  const pageIndex = useActualsStore((s) => s.pageIndex)
  const showPage = useActualsStore((s) => s.showPage)
  const showHistory = useActualsStore((s) => s.showHistory)
  const setShowHistory = useActualsStore((s) => s.setShowHistory)
  const total = page?.total ?? 0

  return (
    <div className="actuals-values">
      <div className="actuals-values-head">
        <Typography.Text strong data-testid="values-count" data-count={total}>
          {t('actuals.table.title', { count: total })}
        </Typography.Text>
        <span>
          <Switch size="small" checked={showHistory} onChange={(on) => void setShowHistory(on)} data-testid="values-history" />{' '}
          <Typography.Text type="secondary">{t('actuals.table.history')}</Typography.Text>
        </span>
      </div>
      <Table<ValueRowView>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={page?.rows ?? []}
        pagination={{
          current: pageIndex + 1,
          pageSize: PAGE_SIZE,
          total,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: (n) => void showPage(n - 1)
        }}
        locale={{ emptyText: t('actuals.table.empty') }}
        rowClassName={(r) => (r.superseded ? 'value-superseded' : '')}
        data-testid="values-table"
        onRow={(r) => ({ 'data-period': r.periodStart, 'data-superseded': String(r.superseded) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('actuals.table.period'), key: 'period', width: 170, render: (_, r) => periodText(r) },
          {
            title: t('actuals.table.value'),
            dataIndex: 'value',
            width: 120,
            align: 'right',
            render: (v: number, r) => (
              <span>
                {formatFigure(v, unit)} {r.superseded && <Tag>{t('actuals.table.superseded')}</Tag>}
              </span>
            )
          },
          { title: t('actuals.table.source'), dataIndex: 'source', width: 100, render: (s: ValueRowView['source']) => <Tag>{t(`actuals.source.${s}`)}</Tag> },
          { title: t('actuals.table.note'), dataIndex: 'note', ellipsis: true },
          {
            title: t('actuals.table.recorded'),
            key: 'recorded',
            width: 170,
            render: (_, r) => <Typography.Text type="secondary">{`${dayjs(r.recordedAt).format('YYYY-MM-DD HH:mm')} · ${r.author}`}</Typography.Text>
          }
        ]}
      />
    </div>
  )
}
