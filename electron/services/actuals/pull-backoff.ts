import type { PullResult } from '../../domain/views'
import type { SettingsService } from '../settings/settings-service'
import { queryHash } from './pull-service'

/** A KPI whose scheduled pull failed: why, how often in a row, and when the scheduler tries again. */
export interface PullFailure {
  formulaHash: string
  failures: number
  errorCode: string
  message: string
  lastAttemptAt: number
  nextAttemptAt: number
}

const KEY = 'pull.scheduled.failures'
const FIRST_DELAY_MS = 15 * 60_000
const LONGEST_DELAY_MS = 24 * 60 * 60_000

/** 15 min, 30 min, 1 h … capped at a day: a broken formula is retried less and less, never in a loop. */
export function retryDelay(failures: number): number {
  return Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1))
}

/**
 * Kept in the workspace, so a restart does not run a failing formula again at once. A changed
 * formula or data source starts afresh.
 */
export function createPullBackoff(settings: SettingsService, now: () => number) {
  const read = (): Record<string, PullFailure> => settings.get<Record<string, PullFailure>>(KEY) ?? {}
  const keyOf = (kpi: { formula: string; dataSource: string }): string => queryHash(`${kpi.dataSource}\n${kpi.formula}`)
  return {
    /** True while the KPI waits out its delay after a failure of the same formula. */
    waiting(kpi: { id: number; formula: string; dataSource: string }): boolean {
      const failure = read()[kpi.id]
      return failure !== undefined && failure.formulaHash === keyOf(kpi) && failure.nextAttemptAt > now()
    },
    record(kpis: Map<number, { formula: string; dataSource: string }>, results: PullResult[]): void {
      const state = read()
      for (const result of results) {
        const kpi = kpis.get(result.kpiId)
        if (!kpi || result.outcome === 'skipped') continue
        if (result.outcome === 'pulled') {
          delete state[result.kpiId]
          continue
        }
        const previous = state[result.kpiId]
        const failures = previous && previous.formulaHash === keyOf(kpi) ? previous.failures + 1 : 1
        state[result.kpiId] = {
          formulaHash: keyOf(kpi),
          failures,
          errorCode: result.errorCode ?? 'QUERY_FAILED',
          message: result.message ?? '',
          lastAttemptAt: now(),
          nextAttemptAt: now() + retryDelay(failures)
        }
      }
      settings.set(KEY, state)
    },
    failures: (): Record<string, PullFailure> => read(),
    /** The KPI's recorded failure, unless its formula or data source changed since. */
    failureOf(kpi: { id: number; formula: string; dataSource: string }): PullFailure | undefined {
      const failure = read()[kpi.id]
      return failure?.formulaHash === keyOf(kpi) ? failure : undefined
    }
  }
}
export type PullBackoff = ReturnType<typeof createPullBackoff>
