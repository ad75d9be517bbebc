import FilterOutlined from '@ant-design/icons/FilterOutlined'
import { Badge, Button, Checkbox, Popover, Select } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { STAGES } from '../../../../electron/domain/kpi'
import { distinctValues, type GroupBy } from './rows'
import { useKpiStore } from './useKpiStore'

const GROUPS: GroupBy[] = ['none', 'stage', 'owner', 'category']

/** "Filter & group": stages, owners, categories, grouping and retired KPIs in one popover; the badge counts what is on. */
export function BoardFilters() {
  const { t, i18n } = useTranslation()
  const kpis = useKpiStore((s) => s.kpis)
  const query = useKpiStore((s) => s.query)
  const setQuery = useKpiStore((s) => s.setQuery)
  const includeRetired = useKpiStore((s) => s.includeRetired)
  const setIncludeRetired = useKpiStore((s) => s.setIncludeRetired)
  const owners = useMemo(() => distinctValues(kpis, 'owner', i18n.language), [kpis, i18n.language])
  const categories = useMemo(() => distinctValues(kpis, 'category', i18n.language), [kpis, i18n.language])
  const active = [query.stages.length > 0, query.owners.length > 0, query.categories.length > 0, query.groupBy !== 'none', includeRetired].filter(
    Boolean
  ).length
  const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, style: { width: '100%' } }

  const content = (
    <div className="board-filters" data-testid="board-filters-panel">
      <Select
        {...multi}
        placeholder={t('toolbar.allStages')}
        value={query.stages}
        onChange={(stages) => setQuery({ stages })}
        options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
        data-testid="filter-stages"
      />
      <Select
        {...multi}
        placeholder={t('toolbar.allOwners')}
        value={query.owners}
        onChange={(owners) => setQuery({ owners })}
        options={owners.map((o) => ({ value: o, label: o }))}
      />
      <Select
        {...multi}
        placeholder={t('toolbar.allCategories')}
        value={query.categories}
        onChange={(categories) => setQuery({ categories })}
        options={categories.map((c) => ({ value: c, label: c }))}
      />
      <Select
        prefix={t('toolbar.groupBy')}
        value={query.groupBy}
        onChange={(groupBy) => setQuery({ groupBy, collapsed: [] })}
        options={GROUPS.map((g) => ({ value: g, label: g === 'none' ? t('toolbar.groupNone') : t(`field.${g}`) }))}
        style={{ width: '100%' }}
        data-testid="group-by"
      />
      <Checkbox checked={includeRetired} onChange={(e) => void setIncludeRetired(e.target.checked)} data-testid="show-retired">
        {t('toolbar.retired')}
      </Checkbox>
    </div>
  )

  return (
    <Popover trigger="click" placement="bottomLeft" content={content}>
      <Badge count={active} size="small">
        <Button icon={<FilterOutlined />} data-testid="board-filters">
          {t('filters.button')}
        </Button>
      </Badge>
    </Popover>
  )
}
