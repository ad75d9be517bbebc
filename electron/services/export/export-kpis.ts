import type { KpiView, MeasurementView } from '../../domain/views'
import type { Core } from '../core'
import { AppError } from '../../domain/errors'
import type { ExportKpi } from './'

export interface ExportScope {
  boardId: number
  /** A board version label: its pinned revisions, and the values known when it was cut. */
  versionLabel?: string
  /** Only these KPIs (ids on the board), in board order. */
  kpiIds?: number[]
}

export interface ExportSet {
  boardName: string
  versionLabel: string | null
  kpis: ExportKpi[]
}

/** The value of the latest period among the given rows (each period's latest row wins). */
function latestValue(rows: readonly MeasurementView[]): number | null {
  let best: MeasurementView | undefined
  for (const row of rows) {
    if (!best || row.periodStart > best.periodStart || (row.periodStart === best.periodStart && row.id > best.id)) best = row
  }
  return best ? best.value : null
}

/**
 * The KPIs an export sends, as the board shows them: current fields (or a version's pinned
 * revisions), the latest measured value, the latest proposal's rationale and the version label.
 */
export function collectExportKpis(core: Core, scope: ExportScope): ExportSet {
  const board = core.boards.get(scope.boardId)
  let proposals = core.proposals.latestByKpi(board.id)
  let views: KpiView[]
  let valueOf: (kpiId: number) => number | null
  let labelOf: (view: KpiView) => string | null
  if (scope.versionLabel) {
    const version = core.versions.get(board.id, scope.versionLabel)
    views = core.versions.kpis(board.id, version.label)
    // Proposals made after the cut were not known to that version either.
    proposals = core.proposals.latestByKpi(board.id, version.createdAt)
    // Values recorded after the cut were not known to that version.
    valueOf = (kpiId) => latestValue(core.measurements.history(kpiId).filter((m) => m.recordedAt <= version.createdAt))
    labelOf = () => version.label
  } else {
    views = core.kpis.list(board.id)
    const current = core.measurements.ofBoard(board.id)
    valueOf = (kpiId) => latestValue(current.get(kpiId) ?? [])
    const latest = board.latestVersion
    const pinned = new Set(latest ? core.versions.kpis(board.id, latest).map((k) => k.revisionId) : [])
    labelOf = (view) => (pinned.has(view.revisionId) ? latest : null)
  }
  if (scope.kpiIds) {
    const wanted = new Set(scope.kpiIds)
    const missing = scope.kpiIds.filter((id) => !views.some((v) => v.id === id))
    if (missing.length > 0) {
      throw new AppError(
        'KPI_NOT_FOUND',
        `KPI ${missing.join(', ')} is not on board ${board.name}${scope.versionLabel ? ` version ${scope.versionLabel}` : ''}.`,
        { kpiIds: missing }
      )
    }
    views = views.filter((v) => wanted.has(v.id))
  }
  const kpis = views.map((view): ExportKpi => {
    const { boardId: _board, revisionNumber: _n, major: _m, updatedAt: _u, updatedBy: _b, ...fields } = view
    return { ...fields, currentValue: valueOf(view.id), latestProposal: proposals.get(view.id)?.rationale ?? null, versionLabel: labelOf(view) }
  })
  return { boardName: board.name, versionLabel: scope.versionLabel ?? null, kpis }
}
