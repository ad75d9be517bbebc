import AuditOutlined from '@ant-design/icons/AuditOutlined'
import BranchesOutlined from '@ant-design/icons/BranchesOutlined'
import HistoryOutlined from '@ant-design/icons/HistoryOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import SearchOutlined from '@ant-design/icons/SearchOutlined'
import { Button, Input } from 'antd'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { AssignSourceButton } from '../actuals/AssignSourceButton'
import { PullActualsButton } from '../actuals/PullActualsButton'
import { ExportButton } from '../export/ExportButton'
import { LaunchButton } from '../launch/LaunchDrawer'
import { BoardViewSwitch, MoveBoardButton, OpenReviewButton } from '../review/ReviewActions'
import { useUiStore } from '../ui/useUiStore'
import { BoardFilters } from './BoardFilters'
import { ColumnChooser } from './ColumnChooser'
import { MoreActions } from './MoreActions'
import { useElementWidth } from './useElementWidth'
import { useKpiStore } from './useKpiStore'

/** From this toolbar width on (1440 px windows), Review and Export leave the "More" menu for the toolbar itself. */
const WIDE = 1100

/** One line: search, filters, the view, the frequent actions; the rest under "More". */
export function BoardToolbar({ onCutVersion }: { onCutVersion: () => void }) {
  const { t } = useTranslation()
  const text = useKpiStore((s) => s.query.text)
  const setQuery = useKpiStore((s) => s.setQuery)
  const openPanel = useUiStore((s) => s.openPanel)
  const setAddingKpi = useUiStore((s) => s.setAddingKpi)
  const bar = useRef<HTMLDivElement>(null)
  const wide = useElementWidth(bar) >= WIDE

  return (
    <div ref={bar} className="board-toolbar" data-testid="board-toolbar">
      <div className="toolbar-group">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('toolbar.filter')}
          value={text}
          onChange={(e) => setQuery({ text: e.target.value })}
          style={{ width: 170 }}
          data-testid="kpi-filter"
        />
        <BoardFilters />
        <BoardViewSwitch />
      </div>
      <div className="toolbar-group">
        {wide && <OpenReviewButton />}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingKpi(true)} data-testid="add-kpi">
          {t('toolbar.addKpi')}
        </Button>
        <PullActualsButton />
        {wide && <ExportButton />}
        <ColumnChooser />
        <MoreActions>
          {!wide && <OpenReviewButton />}
          <MoveBoardButton />
          {!wide && <ExportButton />}
          <AssignSourceButton />
          <Button icon={<BranchesOutlined />} onClick={onCutVersion} data-testid="cut-version">
            {t('toolbar.cutVersion')}
          </Button>
          <Button icon={<HistoryOutlined />} onClick={() => openPanel('versions')} data-testid="open-versions">
            {t('toolbar.versions')}
          </Button>
          <LaunchButton />
          <Button icon={<AuditOutlined />} onClick={() => openPanel('audit')} data-testid="open-audit">
            {t('toolbar.audit')}
          </Button>
        </MoreActions>
      </div>
    </div>
  )
}
