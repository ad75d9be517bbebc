import type { KpiFields, Stage } from '../../domain/kpi'
import type { GateItem } from './types'

export interface GateContext {
  measurementCount: number
  formulaRuns?: boolean
  manualEntry?: boolean
  minTrialPoints?: number
  /** Set by the UI once the user confirmed the target to lock. */
  targetConfirmed?: boolean
  /** The launch plan's first full review period after launch: whether it has ended, and which one it is. */
  reviewCycle?: { open: boolean; detail: string }
}

const MANUAL_SOURCES = new Set(['manual', '手工', '手动', '人工', '手工录入', '人工录入'])

export function isManualSource(dataSource: string): boolean {
  return MANUAL_SOURCES.has(dataSource.trim().toLowerCase())
}

/**
 * What must hold to enter `to` from the stage before it. Gates are per step, not cumulative;
 * draft and retired have no gate, launched → operating is automatic.
 */
export function gateChecklist(fields: KpiFields, to: Stage, ctx: GateContext): GateItem[] {
  switch (to) {
    case 'feasibility': {
      const parsed = fields.target?.parsed ?? null
      const unit = parsed?.unit || fields.unit.trim()
      return [
        {
          id: 'gate.target-structured',
          ok: parsed !== null && Number.isFinite(parsed.value) && unit !== '',
          label: 'Target is structured (comparator, value, unit)'
        },
        { id: 'gate.formula', ok: fields.formula.trim() !== '' || fields.description.trim() !== '', label: 'A formula or definition exists' },
        { id: 'gate.data-source', ok: fields.dataSource.trim() !== '' || fields.sourceNote.trim() !== '', label: 'A data source is named' },
        { id: 'gate.frequency', ok: fields.frequency !== null, label: 'A collection frequency is set' },
        { id: 'gate.owner', ok: fields.owner.trim() !== '', label: 'An owner is set' }
      ]
    }
    case 'trial':
      return [
        {
          id: 'gate.formula-runs',
          ok: ctx.formulaRuns === true || ctx.manualEntry === true || isManualSource(fields.dataSource),
          label: 'The formula runs read-only and returns a number, or the KPI is entered manually'
        }
      ]
    case 'launched': {
      const needed = ctx.minTrialPoints ?? 3
      return [
        {
          id: 'gate.trial-points',
          ok: ctx.measurementCount >= needed,
          label: `At least ${needed} actual values in the trial window (${ctx.measurementCount} so far)`
        },
        { id: 'gate.target-confirmed', ok: ctx.targetConfirmed === true, label: 'The user confirmed the target to lock' }
      ]
    }
    case 'operating':
      // Without a launch plan there is no cycle to wait for: the user moves the KPI when the team starts reviewing it.
      return [{ id: 'gate.review-cycle', ok: ctx.reviewCycle?.open ?? true, label: 'Opens automatically with the first review cycle' }]
    case 'draft':
    case 'retired':
      return []
  }
}
