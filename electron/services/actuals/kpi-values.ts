import { AppError } from '../../domain/errors'
import type { MappedValue, PeriodDependence } from '../../domain/formula-preview'
import type { KpiFields } from '../../domain/kpi'
import { describePeriod, type Period } from '../../domain/period'
import type { Connector, QueryResult, SourceKind } from '../connectors'
import { periodDependence } from '../connectors/date-bindings'
import { applyMapping, effectiveMapping } from './apply-mapping'

type Kpi = Pick<KpiFields, 'code' | 'formula' | 'mapping' | 'frequency'>

export interface KpiValues {
  values: MappedValue[]
  /** Periods whose value came back NULL: nothing stored for them. */
  empty: Period[]
  queryMs: number
  /** Set for a rolling KPI: the moment its value describes. */
  asOf?: string
}

/** Why a result that is the same for every period is refused, in the words of what the formula reads. */
export function notPeriodic(code: string, dependence: PeriodDependence): AppError {
  const literals = dependence.findings.filter((f) => f.kind === 'literal').map((f) => f.text)
  const clock = dependence.findings.filter((f) => f.kind === 'clock').map((f) => f.text)
  const reads = [literals.length ? `the fixed dates ${literals.join(', ')}` : '', clock.length ? `the clock (${[...new Set(clock)].join(', ')})` : ''].filter(
    Boolean
  )
  const what = reads.length ? `reads ${reads.join(' and ')} instead of :period_start / :period_end` : 'uses neither :period_start nor :period_end'
  return new AppError(
    'FORMULA_NOT_PERIODIC',
    `${code}: the formula ${what}, and its result has no period column, so it gives the same result for every period. Nothing is stored for a period it does not describe: accept the rewrite that binds its dates (actuals preview), map a period column, or mark the KPI rolling.`,
    { code, findings: dependence.findings }
  )
}

/** The problem that keeps a pull from storing a result that does not depend on the period; null when there is none. */
export function periodProblem(kpi: Kpi, dependence: PeriodDependence, result: QueryResult): AppError | null {
  if (kpi.mapping?.rolling || dependence.binds) return null
  try {
    return effectiveMapping(result, kpi.mapping).period ? null : notPeriodic(kpi.code, dependence)
  } catch {
    return null
  }
}

/**
 * The values of one KPI for consecutive periods. A result with a period column is fetched once for the
 * whole range (a backfill in one query); a one-number formula runs once per period. A rolling KPI is
 * read once, as of now, and never backfilled.
 */
export async function kpiValues(
  connector: Connector,
  kind: SourceKind,
  kpi: Kpi,
  request: { periods: Period[]; backfill: boolean; now: Date; buckets?: boolean },
  signal?: AbortSignal
): Promise<KpiValues> {
  const { periods } = request
  const dependence = periodDependence(kpi.formula, kind, kpi.frequency)
  const mapping = kpi.mapping
  let queryMs = 0
  const run = async (period: Period) => {
    signal?.throwIfAborted()
    const result = await connector.runQuery(kpi.formula, period, signal)
    queryMs += result.elapsedMs
    return result
  }
  const mapped = (result: QueryResult, range: Period) => applyMapping(result, mapping, { range, frequency: kpi.frequency, sql: kpi.formula })

  if (mapping?.rolling) {
    if (request.backfill) {
      throw new AppError(
        'ROLLING_NO_BACKFILL',
        `${kpi.code} is rolling: its formula describes the time of the pull, so it cannot say what ${describePeriod({ start: periods[0]!.start, end: periods.at(-1)!.end })} was. Pull it without a range, or rewrite its dates as :period_start / :period_end.`,
        { code: kpi.code }
      )
    }
    const asOf = request.now.toISOString()
    // The day the pull gave (pullPeriod: the local day), which the schedule checks for a value.
    const day = periods[0]!
    const { values, empty } = mapped(await run(day), day)
    return { values, empty, queryMs, asOf }
  }

  if (request.buckets && mapping?.period) {
    throw new AppError(
      'PERIOD_INVALID',
      `${kpi.code} is real-time or hourly: its formula returns one number for the bucket bound as :period_start / :period_end, so a period column ("${mapping.period}") cannot be mapped.`,
      { code: kpi.code }
    )
  }
  // The same number for every bucket describes none of them.
  if (request.buckets && !dependence.binds) throw notPeriodic(kpi.code, dependence)
  const whole = { start: periods[0]!.start, end: periods.at(-1)!.end }
  // A mapping without a period column says the result is one number: each period needs its own run.
  const oneNumber = mapping !== null && !mapping.period && Boolean(mapping.value || mapping.segment || mapping.combine)
  // A bucket is one number of its own: no whole-range report query is tried first.
  if (!request.buckets && (!dependence.binds || mapping?.period || (periods.length > 1 && !oneNumber))) {
    const result = await run(whole)
    const problem = periodProblem(kpi, dependence, result)
    if (problem) throw problem
    if (!dependence.binds || effectiveMapping(result, mapping).period) {
      const { values, empty, outside } = mapped(result, whole)
      if (values.length === 0 && empty.length === 0 && outside > 0) {
        throw new AppError('QUERY_OUT_OF_PERIOD', `${kpi.code}: the formula returned ${outside} periods, none within ${describePeriod(whole)}.`, { outside })
      }
      return { values, empty, queryMs }
    }
  }
  const values: MappedValue[] = []
  const empty: Period[] = []
  for (const period of periods) {
    const found = mapped(await run(period), period)
    values.push(...found.values)
    empty.push(...found.empty)
  }
  return { values, empty, queryMs }
}
