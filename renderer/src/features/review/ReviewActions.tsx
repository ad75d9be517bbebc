import AppstoreOutlined from '@ant-design/icons/AppstoreOutlined'
import AuditOutlined from '@ant-design/icons/AuditOutlined'
import BarChartOutlined from '@ant-design/icons/BarChartOutlined'
import NodeIndexOutlined from '@ant-design/icons/NodeIndexOutlined'
import TableOutlined from '@ant-design/icons/TableOutlined'
import { Button, Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { actionScope } from '../kpis/selection'
import { useKpiStore } from '../kpis/useKpiStore'
import { useReviewStore, type BoardView } from './useReviewStore'

/** Toolbar additions: Grid/Kanban/Overview, "Move board…" (the ticked KPIs, else those the filter shows) and "Review". */
export function ReviewActions() {
  const { t } = useTranslation()
  const view = useReviewStore((s) => s.view)
  const setView = useReviewStore((s) => s.setView)
  const openPanel = useReviewStore((s) => s.openPanel)
  const openMove = useReviewStore((s) => s.openMove)

  const moveBoard = () => {
    const { kpis, query, selected } = useKpiStore.getState()
    const scope = actionScope(kpis, query, selected)
    openMove({ scope: 'board', ...(scope.kind === 'board' ? {} : { kpiIds: scope.ids }) })
  }

  return (
    <>
      <Segmented<BoardView>
        value={view}
        onChange={setView}
        data-testid="board-view"
        options={[
          { value: 'grid', label: t('review.view.grid'), icon: <TableOutlined /> },
          { value: 'kanban', label: t('review.view.kanban'), icon: <AppstoreOutlined /> },
          { value: 'overview', label: t('review.view.overview'), icon: <BarChartOutlined /> }
        ]}
      />
      <Button icon={<NodeIndexOutlined />} onClick={moveBoard} data-testid="move-board">
        {t('review.move.board')}
      </Button>
      <Button icon={<AuditOutlined />} onClick={() => openPanel()} data-testid="open-review">
        {t('review.open')}
      </Button>
    </>
  )
}
