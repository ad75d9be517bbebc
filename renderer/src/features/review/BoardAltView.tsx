import { KanbanView } from './KanbanView'
import { OverviewView } from './OverviewView'
import type { BoardView } from './useReviewStore'

/** The board shown other than as the grid. */
export function BoardAltView({ view }: { view: Exclude<BoardView, 'grid'> }) {
  return view === 'kanban' ? <KanbanView /> : <OverviewView />
}
