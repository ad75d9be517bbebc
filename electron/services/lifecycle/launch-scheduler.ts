import type { BoardService } from '../boards/board-service'
import type { LifecycleService } from './lifecycle-service'
import { startTicker } from '../scheduling/ticker'

export interface LaunchSchedulerDeps {
  boards: BoardService
  lifecycle: LifecycleService
  actor: string
  onMoved?: (moved: { boardId: number; code: string; rule: string }[]) => void
  onError?: (error: unknown) => void
}

/**
 * While the app runs, moves launched KPIs whose first full review period has ended to operating (the lifecycle
 * service's gated path, audited), soon after start and then every tick. One tick at a time; stop() cancels it.
 */
export function startLaunchScheduler(deps: LaunchSchedulerDeps, intervalMs = 15 * 60_000) {
  async function advance(signal: AbortSignal) {
    try {
      const moved = await deps.lifecycle.advanceDue(
        deps.boards.list().map((b) => b.id),
        deps.actor,
        signal
      )
      if (moved.length > 0) deps.onMoved?.(moved)
    } catch (error) {
      if (!signal.aborted) deps.onError?.(error)
    }
  }
  return startTicker(advance, intervalMs)
}
