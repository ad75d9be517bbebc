import type { BoardLanguage } from '../../domain/board-language'
import type { DateRewrite, MappingProposal } from '../../domain/formula-preview'
import type { KpiFields, Stage } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import type { HealthDecision, HealthLevel } from '../../domain/judging/health-types'

export interface AnalyzerKpi {
  id: number
  fields: KpiFields
  /** Epoch ms when the KPI entered `launched`. */
  launchedAt?: number
  /** The PRD passage the KPI was imported from (draft review). */
  passage?: string
  /** The board's language: every text the analyzer writes for this KPI is in it (default: the KPI's own). */
  language?: BoardLanguage
  /** The scheduled pull's failures in a row, when its last try failed (operating review). */
  pullFailure?: { failures: number; errorCode: string; message: string; lastAttemptAt: number }
  /** Its source's real-time interval in minutes (a real-time KPI's bucket; null: the default). */
  realtimeMinutes?: number | null
}

export type FormulaCheck =
  | {
      ok: true
      value?: number
      /** The formula returns a table the KPI has not mapped: the mapping the app proposes for it. */
      proposal?: MappingProposal
      /** The result does not depend on the period: why, and the rewrite that binds its dates. */
      unbound?: { message: string; rewrite: DateRewrite | null }
    }
  | {
      ok: false
      code: 'syntax' | 'missing-table' | 'missing-column' | 'write' | 'failed' | 'no-source'
      message: string
      missing?: string[]
    }

export interface AnalyzerOptions {
  /** ISO dates, end exclusive; without it the trial review uses every measurement. */
  trialWindow?: { start: string; end: string }
  /** Periods of the KPI's frequency without data before it counts as stale (default 3). */
  staleAfterPeriods?: number
  /** Points needed before the trial review proposes target changes (default 3). */
  minTrialPoints?: number
  /** Recent periods the operating review looks at for always-green and missed targets (default 6). */
  recentPeriods?: number
}

export interface AnalyzerInput {
  stage: Stage
  kpis: AnalyzerKpi[]
  /** Measurements per KPI id, sorted by periodStart. */
  measurements: Map<number, Measurement[]>
  now: Date
  options?: AnalyzerOptions
  /** Injected by the caller: parses the formula and runs it read-only against the KPI's source. */
  checkFormula?: (kpi: AnalyzerKpi) => Promise<FormulaCheck>
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

export type { HealthDecision, HealthLevel, HealthRule, JudgedRule } from '../../domain/judging/health-types'

export interface KpiHealth {
  level: HealthLevel
  /** Ratio to target, 1.0 = on target; null when it cannot be computed. */
  attainment: number | null
  reason: string
  decidedBy: HealthDecision
}

export interface TrialStats {
  n: number
  mean: number | null
  latest: number | null
  /** Attainment of the mean against the target. */
  attainment: number | null
  /** Mean minus the target (for ranges: distance outside the range, signed). */
  gap: number | null
  /** Least-squares slope per period. */
  slope: number | null
  /** Coefficient of variation (sample standard deviation / |mean|). */
  volatility: number | null
  min: number | null
  max: number | null
  suggestedBaseline: number | null
}

export interface GateItem {
  id: string
  ok: boolean
  label: string
}
