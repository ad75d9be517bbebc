import { createHash } from 'node:crypto'
import type { PullResult, PullSummary } from '../../domain/views'
import type { KpiView } from '../../domain/views'
import type { FormulaPreview } from '../../domain/formula-preview'
import { AppError, isAppError } from '../../domain/errors'
import { parsePeriodLabel, type LabelledPeriod, type Period } from '../../domain/period'
import { boundMs, bucketsBetween } from '../../domain/buckets'
import { bucketOf, duePeriods, lastCompletePeriod, previewPeriod } from '../../domain/period-binding'
import { formatMapping, type ResultMapping } from '../../domain/result-mapping'
import type { KpiService } from '../kpis/kpi-service'
import type { SourceService } from '../sources/source-service'
import type { EventBus } from '../events/event-bus'
import type { MeasurementService, NewMeasurement } from './measurement-service'
import { previewFormula, type PreviewDraft } from './formula-preview'
import { kpiValues } from './kpi-values'
import { periodsBetween } from './periods'

export { lastCompletePeriod }

export interface PullRequest {
  boardId: number
  kpiIds?: number[]
  from?: string
  to?: string
  /** A day, ISO week, month or quarter (2025-W47, 2025-Q4): the range a backfill covers. */
  period?: string
}

/** What produced a value: the formula and the mapping that read it. */
export const queryHash = (sql: string, mapping: ResultMapping | null = null) =>
  createHash('sha256')
    .update(sql.trim() + (mapping ? `\n${formatMapping(mapping)}` : ''))
    .digest('hex')
    .slice(0, 16)

/** The range a request names, as [from, to): a period label or two dates; none for the latest period. */
function requestedRange(request: PullRequest): Period | null {
  if (request.period) {
    const { start, end } = parsePeriodLabel(request.period)
    return { start, end }
  }
  if (request.from && request.to) return { start: request.from, end: request.to }
  if (request.from || request.to) throw new AppError('VALIDATION', 'A backfill needs both its first day (from) and the day after its last (to).')
  return null
}

/** The periods a backfill of [start, end) fills: the frequency's periods, or a bucketed KPI's complete buckets. */
function periodsOfRange(range: Period, kpi: KpiView, minutes: number | null, now: number): Period[] {
  if (minutes === null) return periodsBetween(range.start, range.end, kpi.frequency)
  return bucketsBetween(boundMs(range.start), Math.min(boundMs(range.end), now), minutes).filter((b) => boundMs(b.end) <= now)
}

/**
 * Runs KPI formulas on their data sources and stores the numbers as measurements, one per period the
 * result describes: a mapped report query backfills a whole range in one query.
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

  return {
    async pull(
      request: PullRequest,
      actor: string,
      options: { signal?: AbortSignal; onProgress?: (done: number, total: number, code: string) => void } = {}
    ): Promise<PullSummary> {
      const range = requestedRange(request)
      const all = kpis.list(request.boardId)
      const chosen = request.kpiIds ? all.filter((k) => request.kpiIds!.includes(k.id)) : all
      const now = deps.now()
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
          try {
            if (!open.has(kpi.dataSource)) open.set(kpi.dataSource, sources.open(kpi.dataSource))
            const { connector, source } = open.get(kpi.dataSource)!
            const minutes = bucketOf(kpi, source.realtimeMinutes)
            const have = minutes === null ? [] : measurements.list(kpi.id).map((m) => ({ start: m.periodStart, end: m.periodEnd }))
            const periods = range ? periodsOfRange(range, kpi, minutes, now) : duePeriods(kpi, now, have, source.realtimeMinutes)
            if (periods.length === 0) {
              // Every complete bucket already has its value: a second run in the same interval asks nothing.
              results.push({ kpiId: kpi.id, code: kpi.code, outcome: 'pulled', stored: 0, values: [] })
              continue
            }
            const pulled = await kpiValues(
              connector,
              source.kind,
              kpi,
              { periods, backfill: range !== null, now: new Date(now), buckets: minutes !== null },
              options.signal
            )
            const hash = queryHash(kpi.formula, kpi.mapping)
            if (pulled.values.length) await deps.whenWritable?.(options.signal)
            const note = pulled.asOf ? `rolling, as of ${pulled.asOf}` : ''
            const items = pulled.values.map((v) => ({
              kpiId: kpi.id,
              m: {
                period: { start: v.periodStart, end: v.periodEnd },
                value: v.value,
                source: 'query',
                dataSourceId: source.id,
                queryHash: hash,
                note
              } satisfies NewMeasurement
            }))
            const stored = items.length
              ? measurements.addMany(request.boardId, items, actor, `Pulled ${kpi.code} from ${source.name} (${items.length} periods)`, true)
              : 0
            results.push({
              kpiId: kpi.id,
              code: kpi.code,
              outcome: 'pulled',
              stored,
              queryMs: pulled.queryMs,
              values: pulled.values.map(({ periodStart, periodEnd, value }) => ({ periodStart, periodEnd, value })),
              ...(pulled.empty.length ? { empty: pulled.empty.map((p) => ({ periodStart: p.start, periodEnd: p.end })) } : {}),
              ...(pulled.asOf ? { asOf: pulled.asOf } : {})
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
        // Every value read was already stored: one row says the pull ran (a failed KPI writes none, as before).
        const ran = results.filter((r) => r.outcome === 'pulled')
        if (ran.length && ran.every((r) => r.stored === 0)) {
          await deps.whenWritable?.(options.signal)
          measurements.recordNothingNew(request.boardId, actor, `Pulled ${ran.length} KPIs: nothing new`, { pulled: ran.length, stored: 0 })
        }
      } finally {
        await Promise.all([...open.values()].map(({ connector }) => connector.close()))
        const changed = results.filter((r) => r.stored > 0).map((r) => r.kpiId)
        if (changed.length) events.emit('actuals.changed', { boardId: request.boardId, kpiIds: changed })
      }
      return { results, stored: results.reduce((n, r) => n + r.stored, 0), failed: results.filter((r) => r.outcome === 'failed').length }
    },

    /** The table the formula returns for one period and what a pull would store from it; stores nothing. */
    async preview(kpiId: number, given: LabelledPeriod | Period | undefined, draft: PreviewDraft = {}, signal?: AbortSignal): Promise<FormulaPreview> {
      const kpi = kpis.get(kpiId)
      const reason = pullable({ ...kpi, formula: draft.formula ?? kpi.formula })
      if (reason) throw new AppError('SOURCE_CONFIG', `${kpi.code} cannot be pulled: ${reason.message}.`)
      // Without a period, the newest one a pull would fill (app and CLI alike): a bucket for real-time and hourly KPIs.
      const period = given ?? previewPeriod(kpi, deps.now(), sources.get(kpi.dataSource).realtimeMinutes)
      const { connector, source } = sources.open(kpi.dataSource)
      try {
        return await previewFormula(connector, source.kind, kpi, period, draft, signal)
      } finally {
        await connector.close()
      }
    }
  }
}
export type PullService = ReturnType<typeof createPullService>
