import { WholeBoard } from '../kpis/WholeBoard'
import { KanbanView } from './KanbanView'
import { OverviewView } from './OverviewView'
import type { BoardView } from './useReviewStore'

/** The board shown other than as the grid: both count every KPI, so they wait for the board to finish loading. */
export function BoardAltView({ view }: { view: Exclude<BoardView, 'grid'> }) {
  return <WholeBoard>{view === 'kanban' ? <KanbanView /> : <OverviewView />}</WholeBoard>
}
