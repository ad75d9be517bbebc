import type { ProposalView } from '../../domain/views'
import type { MeasurementService } from '../actuals/measurement-service'
import type { PullService } from '../actuals/pull-service'
import type { ReviewRemark } from '../../domain/assistant-views'
import { analyzeWithRemarks } from './analyze'
import type { Stage } from '../../domain/kpi'
import type { KpiService } from '../kpis/kpi-service'
import type { BoardService } from '../boards/board-service'
import type { ProposalService } from '../proposals/proposal-service'
import type { SourceService } from '../sources/source-service'
import { createFormulaCheck } from './formula-check'
import type { PrdPassages } from '../prd-import/passages'
import type { SettingsService } from '../settings/settings-service'
import { createPullBackoff } from '../actuals/pull-backoff'

export interface ReviewRequest {
  boardId: number
  stage: Stage
  kpiIds?: number[]
}

export interface ReviewOutcome {
  engine: 'analyzer' | 'assistant'
  proposals: ProposalView[]
  /** KPIs reviewed without a proposal, and why. */
  remarks: ReviewRemark[]
  reviewed: number
  note?: string
}

/** Runs the offline analyzer on a board at one stage and stores what it proposes. */
export function createAnalyzerReview(deps: {
  boards: BoardService
  kpis: KpiService
  measurements: MeasurementService
  proposals: ProposalService
  sources: SourceService
  pull: PullService
  passages: PrdPassages
  settings: SettingsService
  now: () => number
}) {
  return async (request: ReviewRequest, options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<ReviewOutcome> => {
    const board = deps.kpis.list(request.boardId)
    const chosen = request.kpiIds ? board.filter((k) => request.kpiIds!.includes(k.id)) : board.filter((k) => k.stage === request.stage)
    // The operating review compares KPIs with each other, so it sees the whole live board.
    const reviewed = request.stage === 'operating' && !request.kpiIds ? board : chosen
    const series = deps.measurements.ofBoard(request.boardId)
    // The draft review works from the PRD's own words for each KPI, when it was imported from one.
    const passages = request.stage === 'draft' ? deps.passages.latest(request.boardId) : new Map()
    // A KPI whose scheduled pull keeps failing is stale for that reason, and the operating review says so.
    const backoff = createPullBackoff(deps.settings, deps.now)
    const realtime = new Map(deps.sources.list().map((s) => [s.name, s.realtimeMinutes]))
    // A board whose language was chosen has its findings written in it; otherwise each KPI's own text decides.
    const language = deps.boards.get(request.boardId).languageSet ? deps.boards.language(request.boardId) : undefined
    const { proposals: drafts, remarks } = await analyzeWithRemarks({
      stage: request.stage,
      kpis: reviewed.map((k) => {
        const failure = backoff.failureOf(k)
        return {
          id: k.id,
          fields: k,
          language,
          passage: passages.get(k.id)?.text,
          realtimeMinutes: realtime.get(k.dataSource) ?? null,
          ...(failure
            ? { pullFailure: { failures: failure.failures, errorCode: failure.errorCode, message: failure.message, lastAttemptAt: failure.lastAttemptAt } }
            : {})
        }
      }),
      measurements: series,
      now: new Date(deps.now()),
      checkFormula: request.stage === 'feasibility' ? createFormulaCheck(deps) : undefined,
      signal: options.signal,
      onProgress: options.onProgress
    })
    const proposals = deps.proposals.store(request.boardId, request.stage, 'analyzer', drafts)
    return { engine: 'analyzer', proposals, remarks, reviewed: reviewed.length }
  }
}
