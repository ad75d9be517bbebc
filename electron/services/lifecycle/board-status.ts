import { todayOf } from '../../domain/judging/period-values'
import type { BoardPage, KpiStatus, KpiView, MeasurementView } from '../../domain/views'
import type { MeasurementService } from '../actuals/measurement-service'
import { judgeKpi } from '../analyzer/health'
import { freshnessOf, isStale } from '../../domain/freshness'
import type { KpiService } from '../kpis/kpi-service'
import type { ProposalService } from '../proposals/proposal-service'
import type { SourceService } from '../sources/source-service'

const MEASURED = new Set(['trial', 'launched', 'operating'])

type StatusDeps = { kpis: KpiService; measurements: MeasurementService; proposals: ProposalService; sources: SourceService; deps: { now: () => number } }
type LatestProposals = ReturnType<ProposalService['latestByKpi']>

function statusesOf(deps: StatusDeps, kpis: KpiView[], series: Map<number, MeasurementView[]>, latestProposals: LatestProposals, now: number): KpiStatus[] {
  const today = todayOf(now)
  const realtime = new Map(deps.sources.list().map((s) => [s.name, s.realtimeMinutes]))
  return kpis.map((kpi) => {
    const points = series.get(kpi.id) ?? []
    const latest = points.at(-1)
    const health = judgeKpi(kpi, points, today)
    const measured = freshnessOf(kpi.frequency, latest?.periodEnd ?? null, realtime.get(kpi.dataSource))
    // Before trial nothing is pulled on schedule: such a KPI never reads stale.
    const freshness = MEASURED.has(kpi.stage) ? measured : { ...measured, staleAt: null }
    return {
      kpiId: kpi.id,
      code: kpi.code,
      value: health.value,
      periodStart: health.period?.start ?? null,
      periodEnd: health.period?.end ?? null,
      periodLabel: health.period?.label ?? null,
      level: health.level,
      attainment: health.attainment,
      reason: health.reason,
      decidedBy: health.decidedBy,
      inProgress: health.inProgress,
      projection: health.projection,
      parts: health.parts,
      expectedParts: health.expectedParts,
      judging: health.judging,
      latestProposal: latestProposals.get(kpi.id) ?? null,
      lastValueAt: latest?.recordedAt ?? null,
      freshness,
      stale: isStale(freshness, now)
    }
  })
}

/**
 * Red/yellow/green of every live KPI over its latest target period (in progress while it runs), with its latest
 * proposal and how fresh its latest value is.
 */
export function boardStatus(deps: StatusDeps, boardId: number): KpiStatus[] {
  const now = deps.deps.now()
  return statusesOf(deps, deps.kpis.list(boardId), deps.measurements.ofBoard(boardId), deps.proposals.latestByKpi(boardId), now)
}

/** The same for one keyset page of the live KPIs (the pages of `kpi.page` without retired ones): values and proposals read for its id range only. */
export function boardStatusPage(deps: StatusDeps, boardId: number, after: number, limit: number): BoardPage<KpiStatus> {
  const now = deps.deps.now()
  const page = deps.kpis.page(boardId, { includeRetired: false, after, limit })
  const through = page.rows.at(-1)?.id ?? after
  const series = deps.measurements.ofBoard(boardId, { after, through })
  return { ...page, rows: statusesOf(deps, page.rows, series, deps.proposals.latestInRange(boardId, after, through), now) }
}

/** The lights of some KPIs of a board (those an event named); one that is retired, gone or on another board has none. */
export function boardStatusOf(deps: StatusDeps, boardId: number, kpiIds: number[]): KpiStatus[] {
  const now = deps.deps.now()
  deps.kpis.store.requireBoard(boardId)
  return [...new Set(kpiIds)].flatMap((id) => {
    // A one-row page starting at the id: the KPI if it is a live one of this board.
    const [kpi] = deps.kpis.store.pageBoard(boardId, false, id - 1, 1)
    if (kpi?.id !== id) return []
    const range = { after: id - 1, through: id }
    return statusesOf(deps, [kpi], deps.measurements.ofBoard(boardId, range), deps.proposals.latestInRange(boardId, range.after, range.through), now)
  })
}
