import type { GateItem, KpiView, StageMove } from '../../domain/views'
import type { MeasurementService } from '../actuals/measurement-service'
import type { PullService } from '../actuals/pull-service'
import { gateChecklist, isManualSource } from '../analyzer/gates'
import type { Stage } from '../../domain/kpi'
import { stageIndex } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import type { KpiService } from '../kpis/kpi-service'
import { suggestLabel } from '../versions/labels'
import type { VersionService } from '../versions/version-service'
import { addDays } from '../../domain/period'
import { operatingRule } from '../../domain/launch-plan'
import type { LaunchPlanService } from './launch-plan-service'

export interface StageOptions {
  /** Moves past an unmet gate; recorded in the revision. */
  reason?: string
  /** The user confirms the target that launch will lock. */
  confirmTarget?: boolean
  minTrialPoints?: number
}

/** Stage gates of the lifecycle; a KPI skipping stages must pass every gate on the way. */
export function createLifecycleService(deps: {
  kpis: KpiService
  measurements: MeasurementService
  pull: PullService
  versions: VersionService
  launchPlans: LaunchPlanService
  now: () => number
}) {
  const { kpis, measurements, pull, versions, launchPlans } = deps

  /** Whether the launch plan's first full review period after the KPI's launch has ended (no plan: nothing to wait for). */
  function reviewCycle(kpi: KpiView): { open: boolean; detail: string } | undefined {
    const schedule = launchPlans.scheduleOf(kpi.id, kpi.boardId)
    if (!schedule) return undefined
    const { firstReview } = schedule
    const span = `${firstReview.label}: ${firstReview.start} – ${addDays(firstReview.end, -1)}`
    return { open: schedule.due, detail: schedule.due ? `${span} has ended` : `the first review period ${span} has not ended yet` }
  }

  async function formulaRuns(kpi: KpiView, signal?: AbortSignal): Promise<{ runs: boolean; detail?: string }> {
    try {
      // The period a pull would fill (pullPeriod), as the preview binds it without one.
      const preview = await pull.preview(kpi.id, undefined, {}, signal)
      const problem = preview.valueError ?? preview.pullBlocked
      if (problem) return { runs: false, detail: problem.message }
      if (preview.mappingSource === 'proposal')
        return { runs: false, detail: 'The formula returns a table: confirm its mapping (value and period columns) first.' }
      if (preview.values.length === 0) return { runs: false, detail: `No value for ${preview.period.label} (the formula returned NULL).` }
      return { runs: true, detail: preview.values.length === 1 ? `${preview.values[0]!.value}` : `${preview.values.length} points` }
    } catch (error) {
      return { runs: false, detail: (error as Error).message }
    }
  }

  async function checklist(kpi: KpiView, to: Stage, options: StageOptions, signal?: AbortSignal): Promise<GateItem[]> {
    if (to === 'retired' || stageIndex(to) <= stageIndex(kpi.stage)) return []
    const items: GateItem[] = []
    for (let i = stageIndex(kpi.stage) + 1; i <= stageIndex(to); i++) {
      const step = (['draft', 'feasibility', 'trial', 'launched', 'operating'] as const)[i]
      if (!step) continue
      const manualEntry = isManualSource(kpi.dataSource)
      const run = step === 'trial' && !manualEntry ? await formulaRuns(kpi, signal) : undefined
      const cycle = step === 'operating' ? reviewCycle(kpi) : undefined
      const gate = gateChecklist(kpi, step, {
        measurementCount: measurements.list(kpi.id).length,
        formulaRuns: run?.runs,
        manualEntry,
        minTrialPoints: options.minTrialPoints,
        targetConfirmed: options.confirmTarget,
        reviewCycle: cycle
      })
      const detailOf = (id: string) => (id === 'gate.formula-runs' ? run?.detail : id === 'gate.review-cycle' ? cycle?.detail : undefined)
      for (const item of gate) items.push({ ...item, stage: step, detail: detailOf(item.id) })
    }
    return items
  }

  async function setStage(kpiId: number, to: Stage, options: StageOptions, actor: string, signal?: AbortSignal): Promise<StageMove> {
    const kpi = kpis.get(kpiId)
    if (kpi.stage === to) return { kpi, checklist: [], overridden: false }
    const items = await checklist(kpi, to, options, signal)
    const unmet = items.filter((i) => !i.ok)
    if (unmet.length && !options.reason?.trim()) {
      throw new AppError('GATE_BLOCKED', `${kpi.code} cannot move to ${to}: ${unmet.map((i) => i.label).join('; ')}. Give a reason to override.`, {
        code: kpi.code,
        checklist: items
      })
    }
    const reason = unmet.length ? `Gate overridden (${unmet.map((i) => i.id).join(', ')}): ${options.reason}` : (options.reason ?? '')
    const moved = to === 'retired' ? kpis.retire(kpiId, { actor, reason }) : kpis.edit(kpiId, { stage: to }, { actor, reason }, 'stage')
    return { kpi: moved, checklist: items, overridden: unmet.length > 0 }
  }

  return {
    checklist: async (kpiId: number, to: Stage, options: StageOptions = {}, signal?: AbortSignal) => checklist(kpis.get(kpiId), to, options, signal),
    /** The gates for a KPI as given (e.g. with a proposal's other fields applied), not as stored. */
    checklistFor: checklist,
    setStage,
    /**
     * Moves every launched KPI whose first full review period (by the board's launch plan) has ended to operating,
     * through the operating gate, with the rule as the revision's reason (and so in the audit log).
     */
    async advanceDue(boardIds: number[], actor: string, signal?: AbortSignal): Promise<{ boardId: number; code: string; rule: string }[]> {
      const moved: { boardId: number; code: string; rule: string }[] = []
      for (const boardId of boardIds) {
        const plan = launchPlans.get(boardId)
        if (!plan) continue
        for (const due of launchPlans.due(boardId)) {
          const rule = operatingRule(due, plan.cadence)
          await setStage(due.kpiId, 'operating', { reason: rule }, actor, signal)
          moved.push({ boardId, code: due.code, rule })
        }
      }
      return moved
    },
    /** Moves every KPI of the board (or a selection) that is behind `to`; blocked ones are reported. */
    async moveBoard(boardId: number, to: Stage, options: StageOptions & { kpiIds?: number[] }, actor: string, signal?: AbortSignal) {
      const chosen = kpis.list(boardId).filter((k) => (options.kpiIds ? options.kpiIds.includes(k.id) : stageIndex(k.stage) < stageIndex(to)))
      const moved: StageMove[] = []
      const blocked: { code: string; checklist: GateItem[] }[] = []
      for (const kpi of chosen) {
        try {
          moved.push(await setStage(kpi.id, to, options, actor, signal))
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'GATE_BLOCKED') throw error
          blocked.push({ code: kpi.code, checklist: (error.details?.checklist as GateItem[]) ?? [] })
        }
      }
      const labels = versions.list(boardId).map((v) => v.label)
      return { moved, blocked, suggestedLabel: suggestLabel(to, labels) }
    }
  }
}
export type LifecycleService = ReturnType<typeof createLifecycleService>
