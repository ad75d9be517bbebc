import { todayOf } from '../../domain/judging/period-values'
import type { KpiStatus } from '../../domain/views'
import type { MeasurementService } from '../actuals/measurement-service'
import { judgeKpi } from '../analyzer/health'
import { freshnessOf, isStale } from '../../domain/freshness'
import type { KpiService } from '../kpis/kpi-service'
import type { ProposalService } from '../proposals/proposal-service'
import type { SourceService } from '../sources/source-service'

const MEASURED = new Set(['trial', 'launched', 'operating'])

/**
 * Red/yellow/green of every live KPI over its latest target period (in progress while it runs), with its latest
 * proposal and how fresh its latest value is.
 */
export function boardStatus(
  deps: { kpis: KpiService; measurements: MeasurementService; proposals: ProposalService; sources: SourceService; deps: { now: () => number } },
  boardId: number
): KpiStatus[] {
  const now = deps.deps.now()
  const series = deps.measurements.ofBoard(boardId)
  const latestProposals = deps.proposals.latestByKpi(boardId)
  const today = todayOf(now)
  const realtime = new Map(deps.sources.list().map((s) => [s.name, s.realtimeMinutes]))
  return deps.kpis.list(boardId).map((kpi) => {
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
