import { createHash } from 'node:crypto'
import dayjs from 'dayjs'
import type { PullResult, PullSummary } from '../../domain/views'
import type { Connector, FormulaResult } from '../connectors'
import type { KpiView } from '../../domain/views'
import { AppError, isAppError } from '../../domain/errors'
import type { KpiService } from '../kpis/kpi-service'
import type { SourceService } from '../sources/source-service'
import type { EventBus } from '../events/event-bus'
import type { MeasurementService, NewMeasurement } from './measurement-service'
import { periodContaining, periodsBetween, type Period } from './periods'

export interface PullRequest {
  boardId: number
  kpiIds?: number[]
  from?: string
  to?: string
}

export const queryHash = (sql: string) => createHash('sha256').update(sql.trim()).digest('hex').slice(0, 16)

/** The last complete period of the KPI's frequency before `today`. */
export function lastCompletePeriod(today: string, frequency: KpiView['frequency']): Period {
  const current = periodContaining(today, frequency)
  return periodContaining(dayjs(current.start).subtract(1, 'day').format('YYYY-MM-DD'), frequency)
}

/**
 * Runs KPI formulas on their data sources and stores the numbers as measurements.
 * A formula returning (period, value) rows backfills a whole range in one query.
 */
export function createPullService(deps: {
  kpis: KpiService
  sources: SourceService
  measurements: MeasurementService
  events: EventBus
  now: () => number
  /** Waits, without blocking the app, while another window or command writes (the scheduler has no dispatcher to do it). */
  whenWritable?: (signal?: AbortSignal) => Promise<void>
}) {
  const { kpis, sources, measurements, events } = deps

  function pullable(kpi: KpiView): { reason: NonNullable<PullResult['skipReason']>; message: string } | null {
    if (!kpi.formula.trim()) return { reason: 'no-formula', message: 'no formula' }
    if (!kpi.dataSource.trim() || kpi.dataSource === 'manual') return { reason: 'manual', message: 'manual entry' }
    try {
      sources.get(kpi.dataSource)
      return null
    } catch {
      return { reason: 'not-connected', message: `data source "${kpi.dataSource}" is not connected` }
    }
  }

  /** The values of a KPI for some periods, and the time spent in the source database. */
  async function valuesFor(connector: Connector, kpi: KpiView, periods: Period[], signal?: AbortSignal) {
    let queryMs = 0
    if (periods.length > 1) {
      const whole = await connector.runFormula(kpi.formula, { start: periods[0]!.start, end: periods.at(-1)!.end }, signal)
      queryMs += whole.elapsedMs
      if (whole.kind === 'series') return { values: matchSeries(whole, periods, kpi), queryMs }
    }
    const values: { period: Period; value: number }[] = []
    for (const period of periods) {
      signal?.throwIfAborted()
      const result = await connector.runFormula(kpi.formula, period, signal)
      queryMs += result.elapsedMs
      if (result.kind === 'series') values.push(...matchSeries(result, [period], kpi))
      else values.push({ period, value: result.value })
    }
    return { values, queryMs }
  }

  function matchSeries(result: Extract<FormulaResult, { kind: 'series' }>, periods: Period[], kpi: KpiView) {
    const byStart = new Map(periods.map((p) => [p.start, p]))
    return result.points.flatMap((point) => {
      const period = byStart.get(periodContaining(point.periodStart.slice(0, 10), kpi.frequency).start)
      return period ? [{ period, value: point.value }] : []
    })
  }

  return {
    async pull(
      request: PullRequest,
      actor: string,
      options: { signal?: AbortSignal; onProgress?: (done: number, total: number, code: string) => void } = {}
    ): Promise<PullSummary> {
      const all = kpis.list(request.boardId)
      const chosen = request.kpiIds ? all.filter((k) => request.kpiIds!.includes(k.id)) : all
      const today = dayjs(deps.now()).format('YYYY-MM-DD')
      const open = new Map<string, ReturnType<SourceService['open']>>()
      const results: PullResult[] = []
      try {
        for (const [index, kpi] of chosen.entries()) {
          options.signal?.throwIfAborted()
          options.onProgress?.(index, chosen.length, kpi.code)
          const skipped = pullable(kpi)
          if (skipped) {
            results.push({ kpiId: kpi.id, code: kpi.code, outcome: 'skipped', skipReason: skipped.reason, stored: 0, values: [], message: skipped.message })
            continue
          }
          const periods = request.from && request.to ? periodsBetween(request.from, request.to, kpi.frequency) : [lastCompletePeriod(today, kpi.frequency)]
          try {
            if (!open.has(kpi.dataSource)) open.set(kpi.dataSource, sources.open(kpi.dataSource))
            const { connector, source } = open.get(kpi.dataSource)!
            const { values, queryMs } = await valuesFor(connector, kpi, periods, options.signal)
            const hash = queryHash(kpi.formula)
            if (values.length) await deps.whenWritable?.(options.signal)
            const items = values.map(({ period, value }) => ({
              kpiId: kpi.id,
              m: { period, value, source: 'query', dataSourceId: source.id, queryHash: hash } satisfies NewMeasurement
            }))
            const stored = items.length
              ? measurements.addMany(request.boardId, items, actor, `Pulled ${kpi.code} from ${source.name} (${items.length} periods)`, false)
              : 0
            results.push({
              kpiId: kpi.id,
              code: kpi.code,
              outcome: 'pulled',
              stored,
              queryMs,
              values: values.map((v) => ({ periodStart: v.period.start, periodEnd: v.period.end, value: v.value }))
            })
          } catch (error) {
            if (options.signal?.aborted) throw new AppError('CANCELLED', 'Pull cancelled.', { done: results.length })
            const message = isAppError(error) ? error.message : (error as Error).message
            results.push({
              kpiId: kpi.id,
              code: kpi.code,
              outcome: 'failed',
              stored: 0,
              values: [],
              message,
              errorCode: isAppError(error) ? error.code : 'QUERY_FAILED'
            })
          }
        }
        options.onProgress?.(chosen.length, chosen.length, '')
      } finally {
        await Promise.all([...open.values()].map(({ connector }) => connector.close()))
        const changed = results.filter((r) => r.stored > 0).map((r) => r.kpiId)
        if (changed.length) events.emit('actuals.changed', { boardId: request.boardId, kpiIds: changed })
      }
      return { results, stored: results.reduce((n, r) => n + r.stored, 0), failed: results.filter((r) => r.outcome === 'failed').length }
    },

    /** The bound SQL and its result for one period; stores nothing. */
    async preview(kpiId: number, period: Period, signal?: AbortSignal): Promise<FormulaResult> {
      const kpi = kpis.get(kpiId)
      const reason = pullable(kpi)
      if (reason) throw new AppError('SOURCE_CONFIG', `${kpi.code} cannot be pulled: ${reason.message}.`)
      const { connector } = sources.open(kpi.dataSource)
      try {
        return await connector.runFormula(kpi.formula, period, signal)
      } finally {
        await connector.close()
      }
    }
  }
}
export type PullService = ReturnType<typeof createPullService>
