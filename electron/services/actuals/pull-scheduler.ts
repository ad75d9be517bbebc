import type { DuePullSummary } from '../../domain/views'
import type { BoardService } from '../boards/board-service'
import type { KpiService } from '../kpis/kpi-service'
import type { SettingsService } from '../settings/settings-service'
import type { SourceService } from '../sources/source-service'
import type { MeasurementService } from './measurement-service'
import { createPullBackoff } from './pull-backoff'
import { bucketOf, duePeriods } from '../../domain/period-binding'
import type { PullService } from './pull-service'
import { startTicker } from '../scheduling/ticker'

export interface SchedulerDeps {
  boards: BoardService
  kpis: KpiService
  measurements: MeasurementService
  settings: SettingsService
  sources: SourceService
  pull: PullService
  now: () => number
  actor: string
  onError?: (error: unknown) => void
}

type DueDeps = Omit<SchedulerDeps, 'pull' | 'actor' | 'onError'>

/** The scheduled KPIs (a formula, a source, past draft) of every board, or of one, with their source's real-time interval. */
function* scheduled(deps: DueDeps, boardId?: number) {
  const realtime = new Map(deps.sources.list().map((s) => [s.name, s.realtimeMinutes]))
  for (const board of deps.boards.list()) {
    if (boardId !== undefined && board.id !== boardId) continue
    for (const kpi of deps.kpis.list(board.id)) {
      if (!kpi.formula.trim() || !kpi.dataSource.trim() || kpi.dataSource === 'manual' || kpi.stage === 'draft') continue
      yield { board, kpi, realtimeMinutes: realtime.get(kpi.dataSource) ?? null }
    }
  }
}

/**
 * KPIs whose last complete period (or, real-time and hourly, a complete bucket after their newest value)
 * has no value yet, per board; a KPI whose scheduled pull failed waits out its back-off first.
 */
export function duePulls(deps: DueDeps, boardId?: number): Map<number, number[]> {
  const backoff = createPullBackoff(deps.settings, deps.now)
  const now = deps.now()
  const due = new Map<number, number[]>()
  const series = new Map<number, ReturnType<MeasurementService['ofBoard']>>()
  for (const { board, kpi, realtimeMinutes } of scheduled(deps, boardId)) {
    if (backoff.waiting(kpi)) continue
    if (!series.has(board.id)) series.set(board.id, deps.measurements.ofBoard(board.id))
    const stored = (series.get(board.id)!.get(kpi.id) ?? []).map((m) => ({ start: m.periodStart, end: m.periodEnd }))
    const missing = duePeriods(kpi, now, stored, realtimeMinutes)
    if (missing.every((p) => stored.some((m) => m.start === p.start && m.end === p.end))) continue
    due.set(board.id, [...(due.get(board.id) ?? []), kpi.id])
  }
  return due
}

const CALENDAR_TICK_MS = 15 * 60_000

/**
 * How long the app waits before its next look: half the shortest bucket of a scheduled real-time or
 * hourly KPI (so a value is never two intervals old while the app runs), at most 15 minutes.
 */
export function nextTickMs(deps: DueDeps): number {
  let shortest = CALENDAR_TICK_MS
  for (const { kpi, realtimeMinutes } of scheduled(deps)) {
    const minutes = bucketOf(kpi, realtimeMinutes)
    if (minutes !== null) shortest = Math.min(shortest, (minutes * 60_000) / 2)
  }
  return shortest
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

/** How often the app's scheduler wakes to ask whether its next look is due: the finest pace it can keep. */
const WAKE_MS = 30_000

/**
 * Pulls on schedule while the app is open: each KPI whose latest complete period (by its frequency) or
 * bucket has no value yet. One tick at a time; stop() cancels a running one. Failures are recorded in the
 * workspace and delay the next try (pull-backoff.ts). Without a fixed interval it wakes every 30 s and
 * looks when nextTickMs since its last look has passed (the wake itself reads nothing).
 */
export function startPullScheduler(deps: SchedulerDeps, intervalMs?: number) {
  let nextLookAt = 0
  // A workspace that cannot be read for a moment keeps the calendar pace rather than stopping the schedule.
  const pace = () => {
    try {
      return nextTickMs(deps)
    } catch {
      return CALENDAR_TICK_MS
    }
  }
  async function run(signal: AbortSignal) {
    if (intervalMs === undefined && deps.now() < nextLookAt) return
    try {
      const { boards } = await pullDue(deps, { signal })
      for (const failed of boards.flatMap((board) => board.results).filter((r) => r.outcome === 'failed')) {
        deps.onError?.(new Error(`${failed.code}: ${failed.message ?? failed.errorCode}`))
      }
    } catch (error) {
      if (!signal.aborted) deps.onError?.(error)
    }
    if (intervalMs === undefined) nextLookAt = deps.now() + pace()
  }
  return startTicker(run, intervalMs ?? WAKE_MS)
}
