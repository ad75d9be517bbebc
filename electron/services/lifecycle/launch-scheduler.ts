import type { BoardService } from '../boards/board-service'
import type { LifecycleService } from './lifecycle-service'

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
  let running: { controller: AbortController; done: Promise<void> } | null = null
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
  function tick(): Promise<void> {
    if (running) return running.done
    const controller = new AbortController()
    const done = advance(controller.signal).finally(() => (running = null))
    running = { controller, done }
    return done
  }
  const timer = setInterval(() => void tick(), intervalMs)
  timer.unref()
  const first = setTimeout(() => void tick(), 5_000)
  first.unref()
  return {
    tick,
    async stop(): Promise<void> {
      clearInterval(timer)
      clearTimeout(first)
      running?.controller.abort()
      await running?.done
    }
  }
}
