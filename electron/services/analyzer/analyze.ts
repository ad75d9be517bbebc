import pLimit from 'p-limit'
import type { ProposalDraft } from '../../domain/proposal'
import { AppError, isAppError } from '../../domain/errors'
import { draftProposal } from './draft-rules'
import { feasibilityProposals } from './feasibility-rules'
import { isManualSource } from './gates'
import { operatingProposals } from './operating-rules'
import { STALE_AFTER_PERIODS } from '../../domain/freshness'
import type { ReviewRemark } from '../../domain/assistant-views'
import { inWindow, trialReview } from './trial-rules'
import type { AnalyzerInput, AnalyzerKpi, FormulaCheck } from './types'

const CHECK_CONCURRENCY = 4

function resolveOptions(input: AnalyzerInput) {
  const options = {
    staleAfterPeriods: input.options?.staleAfterPeriods ?? STALE_AFTER_PERIODS,
    minTrialPoints: input.options?.minTrialPoints ?? 3,
    recentPeriods: input.options?.recentPeriods ?? 6,
    trialWindow: input.options?.trialWindow
  }
  for (const key of ['staleAfterPeriods', 'minTrialPoints', 'recentPeriods'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 1)
      throw new AppError('VALIDATION', `Analyzer option ${key} must be a positive integer.`, { [key]: options[key] })
  }
  const window = options.trialWindow
  if (window && !(Date.parse(window.start) < Date.parse(window.end))) {
    throw new AppError('VALIDATION', 'The trial window must have a start date before its end date.', { trialWindow: window })
  }
  return options
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'The analysis was cancelled.')
}

async function runCheck(input: AnalyzerInput, kpi: AnalyzerKpi): Promise<FormulaCheck | null> {
  const { checkFormula } = input
  if (!checkFormula || kpi.fields.formula.trim() === '' || isManualSource(kpi.fields.dataSource)) return null
  try {
    return await checkFormula(kpi)
  } catch (error) {
    if (isAppError(error) && error.code === 'CANCELLED') throw error
    return { ok: false, code: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
}

/** Deterministic offline review of the given KPIs at one stage; proposals come in board order. */
export async function analyze(input: AnalyzerInput): Promise<ProposalDraft[]> {
  return (await analyzeWithRemarks(input)).proposals
}

export interface AnalyzerResult {
  proposals: ProposalDraft[]
  /** KPIs reviewed without a proposal, and why. */
  remarks: ReviewRemark[]
}

/** The review, with the reasons it proposes nothing for some KPIs. */
export async function analyzeWithRemarks(input: AnalyzerInput): Promise<AnalyzerResult> {
  const options = resolveOptions(input)
  const { kpis, signal, onProgress } = input
  const total = kpis.length
  throwIfAborted(signal)

  switch (input.stage) {
    case 'draft':
    case 'trial': {
      const proposals: ProposalDraft[] = []
      const remarks: ReviewRemark[] = []
      kpis.forEach((kpi, index) => {
        if (index % 100 === 0) throwIfAborted(signal)
        if (input.stage === 'draft') {
          const proposal = draftProposal(kpi)
          if (proposal) proposals.push(proposal)
        } else {
          const points = inWindow(input.measurements.get(kpi.id) ?? [], options.trialWindow)
          const review = trialReview(kpi, points, options.minTrialPoints)
          proposals.push(...review.proposals)
          if (review.remark) remarks.push({ code: kpi.fields.code, text: review.remark })
        }
        onProgress?.(index + 1, total)
      })
      return { proposals, remarks }
    }
    case 'feasibility': {
      const limit = pLimit(CHECK_CONCURRENCY)
      let done = 0
      const perKpi = await Promise.all(
        kpis.map((kpi) =>
          limit(async () => {
            throwIfAborted(signal)
            const proposals = feasibilityProposals(kpi, await runCheck(input, kpi))
            onProgress?.(++done, total)
            return proposals
          })
        )
      )
      return { proposals: perKpi.flat(), remarks: [] }
    }
    case 'launched':
    case 'operating': {
      const result = operatingProposals(kpis, input.measurements, {
        now: input.now,
        staleAfterPeriods: options.staleAfterPeriods,
        recentPeriods: options.recentPeriods
      })
      onProgress?.(total, total)
      return result
    }
    case 'retired':
      return { proposals: [], remarks: [] }
  }
}
