import { useState } from 'react'
import { useNotify } from '../../components/useNotify'
import { CutSuggestion } from './CutSuggestion'
import { ReviewDrawer } from './ReviewDrawer'
import { StageMoveDialog } from './StageMoveDialog'
import { useReviewEvents } from './useReviewEvents'

/** Everything the lifecycle adds to an open board that is not in the grid: the review panel and the stage-move dialogs. */
export function ReviewMount({ boardId, boardName }: { boardId: number; boardName: string }) {
  const notify = useNotify()
  const [cutLabel, setCutLabel] = useState<string | null>(null)
  useReviewEvents(boardId, notify.error)
  return (
    <>
      <ReviewDrawer boardId={boardId} boardName={boardName} />
      <StageMoveDialog onSuggestCut={setCutLabel} />
      <CutSuggestion boardId={boardId} label={cutLabel} onClose={() => setCutLabel(null)} />
    </>
  )
}
