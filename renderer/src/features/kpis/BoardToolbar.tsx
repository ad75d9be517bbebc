import AuditOutlined from '@ant-design/icons/AuditOutlined'
import BranchesOutlined from '@ant-design/icons/BranchesOutlined'
import HistoryOutlined from '@ant-design/icons/HistoryOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import SearchOutlined from '@ant-design/icons/SearchOutlined'
import { Button, Checkbox, Input, Select, Space, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { STAGES } from '../../../../electron/domain/kpi'
import { ExportButton } from '../export/ExportButton'
import { LaunchButton } from '../launch/LaunchDrawer'
import { ImportMenu } from '../import/ImportMenu'
import { ReviewActions } from '../review/ReviewActions'
import { useUiStore } from '../ui/useUiStore'
import { AssignSourceButton } from '../actuals/AssignSourceButton'
import { PullActualsButton } from '../actuals/PullActualsButton'
import { distinctValues, type GroupBy } from './rows'
import { useKpiStore } from './useKpiStore'

/** Filters, grouping and the board's actions. */
export function BoardToolbar({ shown, onCutVersion }: { shown: number; onCutVersion: () => void }) {
  const { t, i18n } = useTranslation()
  const kpis = useKpiStore((s) => s.kpis)
  const query = useKpiStore((s) => s.query)
  const setQuery = useKpiStore((s) => s.setQuery)
  const includeRetired = useKpiStore((s) => s.includeRetired)
  const setIncludeRetired = useKpiStore((s) => s.setIncludeRetired)
  const ticked = useKpiStore((s) => s.selected.size)
  const clearSelection = useKpiStore((s) => s.clearSelection)
  const openPanel = useUiStore((s) => s.openPanel)
  const setAddingKpi = useUiStore((s) => s.setAddingKpi)
  const owners = useMemo(() => distinctValues(kpis, 'owner', i18n.language), [kpis, i18n.language])
  const categories = useMemo(() => distinctValues(kpis, 'category', i18n.language), [kpis, i18n.language])
  const groups: GroupBy[] = ['none', 'stage', 'owner', 'category']

  return (
    <div className="board-toolbar">
      <Space wrap size={8}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('toolbar.filter')}
          value={query.text}
          onChange={(e) => setQuery({ text: e.target.value })}
          style={{ width: 220 }}
          data-testid="kpi-filter"
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('toolbar.allStages')}
          value={query.stages}
          onChange={(stages) => setQuery({ stages })}
          options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          style={{ width: 160 }}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('toolbar.allOwners')}
          value={query.owners}
          onChange={(owners) => setQuery({ owners })}
          options={owners.map((o) => ({ value: o, label: o }))}
          style={{ width: 150 }}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('toolbar.allCategories')}
          value={query.categories}
          onChange={(categories) => setQuery({ categories })}
          options={categories.map((c) => ({ value: c, label: c }))}
          style={{ width: 150 }}
        />
        <Select
          prefix={t('toolbar.groupBy')}
          value={query.groupBy}
          onChange={(groupBy) => setQuery({ groupBy, collapsed: [] })}
          options={groups.map((g) => ({ value: g, label: g === 'none' ? t('toolbar.groupNone') : t(`field.${g}`) }))}
          style={{ width: 170 }}
          data-testid="group-by"
        />
        <Checkbox checked={includeRetired} onChange={(e) => void setIncludeRetired(e.target.checked)}>
          {t('toolbar.retired')}
        </Checkbox>
      </Space>
      <Space wrap size={8}>
        <Typography.Text type="secondary" data-testid="kpi-count">
          {t('toolbar.showing', { shown, total: kpis.length })}
        </Typography.Text>
        {ticked > 0 && (
          <Space size={4} data-testid="selection">
            <Typography.Text strong data-testid="selection-count">
              {t('toolbar.selected', { count: ticked })}
            </Typography.Text>
            <Button size="small" type="link" onClick={clearSelection} data-testid="clear-selection">
              {t('toolbar.clearSelection')}
            </Button>
          </Space>
        )}
        <ReviewActions />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingKpi(true)} data-testid="add-kpi">
          {t('toolbar.addKpi')}
        </Button>
        <ImportMenu />
        <ExportButton />
        <Button icon={<BranchesOutlined />} onClick={onCutVersion} data-testid="cut-version">
          {t('toolbar.cutVersion')}
        </Button>
        <AssignSourceButton />
        <PullActualsButton />
        <Button icon={<HistoryOutlined />} onClick={() => openPanel('versions')} data-testid="open-versions">
          {t('toolbar.versions')}
        </Button>
        <LaunchButton />
        <Button icon={<AuditOutlined />} onClick={() => openPanel('audit')} data-testid="open-audit">
          {t('toolbar.audit')}
        </Button>
      </Space>
    </div>
  )
}
