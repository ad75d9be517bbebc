import type { Aggregation } from '../kpi'
import type { Grain } from '../period'

export type HealthLevel = 'green' | 'yellow' | 'red' | 'none'

/** The part of the colour rule that gave a colour. */
export type JudgedRule = 'target' | 'ratio' | 'red-value' | 'range' | 'zero-target' | 'comparison'

/** Why there is no colour: nothing to judge, or a value that must not be judged (yet). */
export type UnjudgedRule = 'no-target' | 'no-value' | 'no-previous' | 'in-progress' | 'not-aggregable' | 'incomplete'

export type HealthRule = JudgedRule | UnjudgedRule

/** What decided a light, for its tooltip and the KPI drawer (the UI words it from these). */
export interface HealthDecision {
  rule: HealthRule
  /** The verdict the deciding rule overrode (the ratio's colour when an absolute red value decided otherwise). */
  overrode: { rule: 'ratio'; level: Exclude<HealthLevel, 'none'> } | null
  redRatio: number
  yellowRatio: number
  redValue: number | null
}

/** How the KPI is judged, as set or inferred, for the drawer. */
export interface JudgingView {
  frequency: Grain | null
  /** The period judged: set, from a target per period, else the frequency's own. */
  targetPeriod: Grain | null
  aggregation: Aggregation
  inferred: { targetPeriod: boolean; aggregation: boolean }
}
