import type { KpiStatus } from '../../domain/views'
import type { MeasurementService } from '../actuals/measurement-service'
import { kpiHealth } from '../analyzer'
import { isoTime, periodsSince, STALE_AFTER_PERIODS } from '../analyzer/periods'
import type { KpiService } from '../kpis/kpi-service'
import type { ProposalService } from '../proposals/proposal-service'

const MEASURED = new Set(['trial', 'launched', 'operating'])

/** Red/yellow/green of every live KPI from its latest value, with its latest proposal. */
export function boardStatus(
  deps: { kpis: KpiService; measurements: MeasurementService; proposals: ProposalService; now: () => number },
  boardId: number
): KpiStatus[] {
  const now = deps.now()
  const series = deps.measurements.ofBoard(boardId)
  const latestProposals = deps.proposals.latestByKpi(boardId)
  return deps.kpis.list(boardId).map((kpi) => {
    const points = series.get(kpi.id) ?? []
    const latest = points.at(-1)
    const previous = points.at(-2)
    const health = kpiHealth(kpi, latest?.value ?? null, previous?.value ?? null)
    return {
      kpiId: kpi.id,
      code: kpi.code,
      value: latest?.value ?? null,
      periodStart: latest?.periodStart ?? null,
      periodEnd: latest?.periodEnd ?? null,
      level: health.level,
      attainment: health.attainment,
      reason: health.reason,
      latestProposal: latestProposals.get(kpi.id) ?? null,
      lastValueAt: latest?.recordedAt ?? null,
      stale: latest !== undefined && MEASURED.has(kpi.stage) && periodsSince(kpi.frequency, isoTime(latest.periodEnd), now) >= STALE_AFTER_PERIODS
    }
  })
}
