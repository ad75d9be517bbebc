import AppstoreOutlined from '@ant-design/icons/AppstoreOutlined'
import AuditOutlined from '@ant-design/icons/AuditOutlined'
import BarChartOutlined from '@ant-design/icons/BarChartOutlined'
import NodeIndexOutlined from '@ant-design/icons/NodeIndexOutlined'
import TableOutlined from '@ant-design/icons/TableOutlined'
import { Button, Segmented } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import { useNotify } from '../../components/useNotify'
import { boardActionScope } from '../kpis/board-action-scope'
import { useReviewStore, type BoardView } from './useReviewStore'

/** Grid/Kanban/Overview as icons, each named by its tooltip and for screen readers: the toolbar has one line. */
export function BoardViewSwitch() {
  const { t } = useTranslation()
  const view = useReviewStore((s) => s.view)
  const setView = useReviewStore((s) => s.setView)
  const option = (value: BoardView, icon: ReactNode) => ({
    value,
    title: t(`review.view.${value}`),
    icon,
    label: <span className="sr-only">{t(`review.view.${value}`)}</span>
  })
  return (
    <Segmented<BoardView>
      value={view}
      onChange={setView}
      data-testid="board-view"
      options={[option('grid', <TableOutlined />), option('kanban', <AppstoreOutlined />), option('overview', <BarChartOutlined />)]}
    />
  )
}

/** "Move board…": the ticked KPIs, else those the filter shows. */
export function MoveBoardButton() {
  const { t } = useTranslation()
  const notify = useNotify()
  const openMove = useReviewStore((s) => s.openMove)
  const [waiting, setWaiting] = useState(false)
  const moveBoard = async () => {
    setWaiting(true)
    try {
      const scope = await boardActionScope()
      openMove({ scope: 'board', ...(scope.kind === 'board' ? {} : { kpiIds: scope.ids }) })
    } finally {
      setWaiting(false)
    }
  }
  return (
    <Button icon={<NodeIndexOutlined />} loading={waiting} onClick={() => void moveBoard().catch(notify.error)} data-testid="move-board">
      {t('review.move.board')}
    </Button>
  )
}

/** "Review": the review panel. */
export function OpenReviewButton() {
  const { t } = useTranslation()
  const openPanel = useReviewStore((s) => s.openPanel)
  return (
    <Button icon={<AuditOutlined />} onClick={() => openPanel()} data-testid="open-review">
      {t('review.open')}
    </Button>
  )
}
