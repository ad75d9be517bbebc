import { DatePicker, Drawer, Select, Space, Table } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditPage, AuditView } from '../../../../electron/api'
import { api } from '../../api/client'
import { useSubmit } from '../../components/useSubmit'
import { useKpiStore } from '../kpis/useKpiStore'
import { useUiStore } from '../ui/useUiStore'
import { actionLabel, auditSentence } from './audit-sentence'

const PAGE_SIZE = 50

interface Filters {
  kpiId?: number
  actor?: string
  action?: string
  dates?: [Dayjs, Dayjs]
}

/** Every mutation of the board, newest first, as sentences in the user's language; filtered and paged by the core. */
export function AuditDrawer({ boardId }: { boardId: number }) {
  const { t, i18n } = useTranslation()
  const open = useUiStore((s) => s.panel === 'audit')
  const openPanel = useUiStore((s) => s.openPanel)
  const kpis = useKpiStore((s) => s.kpis)
  const [filters, setFilters] = useState<Filters>({})
  const [page, setPage] = useState(1)
  const [result, setResult] = useState<AuditPage>({ entries: [], total: 0, actors: [], actions: [] })
  const { busy: loading, run } = useSubmit()

  useEffect(() => {
    if (!open) return
    const { kpiId, actor, action, dates } = filters
    const range = dates ? { from: dates[0].startOf('day').valueOf(), to: dates[1].add(1, 'day').startOf('day').valueOf() } : {}
    const query = { boardId, kpiId, actor, action, ...range, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }
    void run(async () => setResult(await api.call('audit.search', query)))
  }, [open, boardId, filters, page, run])

  const codes = useMemo(() => new Map(kpis.map((k) => [k.id, k.code])), [kpis])
  const exists = (key: string) => i18n.exists(key)
  // "Any KPI change" first: a KPI's history spans several actions (edit, stage, re-baseline …).
  const actions = useMemo(() => (result.actions.some((a) => a.startsWith('kpi.')) ? ['kpi.', ...result.actions] : result.actions), [result.actions])
  const filter = (change: Filters) => {
    setFilters((f) => ({ ...f, ...change }))
    setPage(1)
  }

  return (
    <Drawer title={t('audit.title')} open={open} onClose={() => openPanel(null)} size={860} className="audit-drawer">
      <Space wrap size={8} className="audit-filters" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('auditLog.filterKpi')}
          value={filters.kpiId}
          onChange={(kpiId?: number) => filter({ kpiId })}
          options={kpis.map((k) => ({ value: k.id, label: `${k.code} ${k.name}` }))}
          style={{ width: 220 }}
          data-testid="audit-filter-kpi"
        />
        <Select
          allowClear
          placeholder={t('auditLog.filterActor')}
          value={filters.actor}
          onChange={(actor?: string) => filter({ actor })}
          options={result.actors.map((a) => ({ value: a, label: a }))}
          style={{ width: 150 }}
          data-testid="audit-filter-actor"
        />
        <Select
          allowClear
          placeholder={t('auditLog.filterAction')}
          value={filters.action}
          onChange={(action?: string) => filter({ action })}
          options={actions.map((a) => ({ value: a, label: actionLabel(a, t, exists) }))}
          style={{ width: 170 }}
          data-testid="audit-filter-action"
        />
        <DatePicker.RangePicker
          value={filters.dates ?? null}
          placeholder={[t('auditLog.filterFrom'), t('auditLog.filterTo')]}
          onChange={(dates) => filter({ dates: dates?.[0] && dates[1] ? [dates[0], dates[1]] : undefined })}
          data-testid="audit-filter-dates"
        />
      </Space>
      <Table<AuditView>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={result.entries}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result.total,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (count) => t('auditLog.total', { count }),
          onChange: setPage
        }}
        locale={{ emptyText: t('audit.empty') }}
        data-testid="audit-table"
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 150, render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          {
            title: t('auditLog.sentenceColumn'),
            key: 'sentence',
            render: (_: unknown, entry) => (
              <span data-testid="audit-sentence" data-action={entry.action}>
                {auditSentence(entry, t, exists, (id) => codes.get(id))}
              </span>
            )
          }
        ]}
      />
    </Drawer>
  )
}
