import type { KpiField, Stage } from './kpi'

/** Stages after launch: the target is what the KPI is judged against, so it no longer changes by a plain edit. */
export const LOCKED_STAGES: readonly Stage[] = ['launched', 'operating']

/** Why a field cannot be edited in place; the UI translates it (`locked.<reason>`) and offers the way to change it. */
export type FieldLock = 'target'

/**
 * The lock on a KPI's field, or null when it can be edited. After launch the target changes only as a
 * re-baseline with a reason (the core refuses anything else, revision-kind.ts); the UI shows it read-only.
 */
export function fieldLock(kpi: { stage: Stage }, field: KpiField | null): FieldLock | null {
  return field === 'target' && LOCKED_STAGES.includes(kpi.stage) ? 'target' : null
}
