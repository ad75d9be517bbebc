import type { DuePullSummary } from '../../domain/views'
import type { BoardService } from '../boards/board-service'
import type { KpiService } from '../kpis/kpi-service'
import type { SettingsService } from '../settings/settings-service'
import type { MeasurementService } from './measurement-service'
import { createPullBackoff } from './pull-backoff'
import { localDay, pullPeriod } from '../../domain/period-binding'
import type { PullService } from './pull-service'
import { startTicker } from '../scheduling/ticker'

export interface SchedulerDeps {
  boards: BoardService
  kpis: KpiService
  measurements: MeasurementService
  settings: SettingsService
  pull: PullService
  now: () => number
  actor: string
  onError?: (error: unknown) => void
}

/**
 * KPIs with a formula and a source whose last complete period has no value yet, per board;
 * a KPI whose scheduled pull failed waits out its back-off first.
 */
export function duePulls(deps: Omit<SchedulerDeps, 'pull' | 'actor' | 'onError'>, boardId?: number): Map<number, number[]> {
  const backoff = createPullBackoff(deps.settings, deps.now)
  const today = localDay(deps.now())
  const due = new Map<number, number[]>()
  for (const board of deps.boards.list()) {
    if (boardId !== undefined && board.id !== boardId) continue
    const series = deps.measurements.ofBoard(board.id)
    for (const kpi of deps.kpis.list(board.id)) {
      if (!kpi.formula.trim() || !kpi.dataSource.trim() || kpi.dataSource === 'manual' || kpi.stage === 'draft') continue
      if (backoff.waiting(kpi)) continue
      const period = pullPeriod(kpi, today)
      if ((series.get(kpi.id) ?? []).some((m) => m.periodStart === period.start && m.periodEnd === period.end)) continue
      due.set(board.id, [...(due.get(board.id) ?? []), kpi.id])
    }
  }
  return due
}

/**
 * One scheduled run: pulls every due KPI (of one board, or all), records failures for the back-off and
 * returns what each board's pull did. The app's timer and `kpiloop actuals pull --due` (cron) both run it.
 */
export async function pullDue(
  deps: Omit<SchedulerDeps, 'onError'>,
  options: { boardId?: number; signal?: AbortSignal; onProgress?: (done: number, total: number, code: string) => void } = {}
): Promise<DuePullSummary> {
  const backoff = createPullBackoff(deps.settings, deps.now)
  const boards: DuePullSummary['boards'] = []
  for (const [boardId, kpiIds] of duePulls(deps, options.boardId)) {
    const kpis = new Map(kpiIds.map((id) => [id, deps.kpis.get(id)]))
    const summary = await deps.pull.pull({ boardId, kpiIds }, deps.actor, { signal: options.signal, onProgress: options.onProgress })
    backoff.record(kpis, summary.results)
    boards.push({ boardId, board: deps.boards.get(boardId).name, ...summary })
  }
  return { boards, stored: boards.reduce((sum, b) => sum + b.stored, 0), failed: boards.reduce((sum, b) => sum + b.failed, 0) }
}

/**
 * Pulls on schedule while the app is open: every tick, each KPI whose latest complete period
 * (by its frequency) has no value yet. One tick at a time; stop() cancels a running one.
 * Failures are recorded in the workspace and delay the next try (pull-backoff.ts).
 */
export function startPullScheduler(deps: SchedulerDeps, intervalMs = 15 * 60_000) {
  async function run(signal: AbortSignal) {
    try {
      const { boards } = await pullDue(deps, { signal })
      for (const failed of boards.flatMap((board) => board.results).filter((r) => r.outcome === 'failed')) {
        deps.onError?.(new Error(`${failed.code}: ${failed.message ?? failed.errorCode}`))
      }
    } catch (error) {
      if (!signal.aborted) deps.onError?.(error)
    }
  }
  return startTicker(run, intervalMs)
}
