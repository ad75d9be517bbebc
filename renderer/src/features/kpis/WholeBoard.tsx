import { Empty } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BoardProgress } from './BoardProgress'
import { useKpiStore } from './useKpiStore'

/**
 * What counts the whole board (Kanban, Overview, the review's stage) waits for its last page, showing how far it got;
 * if a page failed it says so, with the Retry.
 */
export function WholeBoard({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const progress = useKpiStore((s) => s.progress)
  if (!progress) return children
  return (
    <Empty
      className="board-waiting"
      data-testid="whole-board-waiting"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        progress.failed ? t('table.wholeBoardFailed', { loaded: progress.loaded, total: progress.total }) : t('table.wholeBoard', { total: progress.total })
      }
    >
      <BoardProgress />
    </Empty>
  )
}
