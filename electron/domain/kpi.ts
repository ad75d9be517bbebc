import * as z from './zod'
import { GRAINS } from './period'
import { resultMappingSchema } from './result-mapping'

// The lifecycle stages in order; `retired` sits outside the forward path.
export const STAGES = ['draft', 'feasibility', 'trial', 'launched', 'operating', 'retired'] as const
export type Stage = (typeof STAGES)[number]

export const STATUSES = ['proposed', 'adjusting', 'adopted', 'stable', 'at-risk', 'retired'] as const
export type Status = (typeof STATUSES)[number]

/** higher-is-better, lower-is-better, in-range */
export const DIRECTIONS = ['higher', 'lower', 'range'] as const
export type Direction = (typeof DIRECTIONS)[number]

export const FREQUENCIES = ['realtime', 'hourly', 'daily', 'weekly', 'monthly', 'quarterly'] as const
export type Frequency = (typeof FREQUENCIES)[number]

/**
 * How the values of a period finer than the target's become the target period's value: sum for counts and
 * amounts, mean or last for rates and levels, none for percentiles (a P95 of weeks is no P95 of the month).
 */
export const AGGREGATIONS = ['sum', 'mean', 'last', 'none'] as const
export type Aggregation = (typeof AGGREGATIONS)[number]

export const REVISION_SOURCES = ['human', 'import', 'assistant', 'analyzer', 'rollback', 'system'] as const
export type RevisionSource = (typeof REVISION_SOURCES)[number]

/** What a revision did, so the timeline can show re-baselines and changes of meaning distinctly. */
export const REVISION_KINDS = ['create', 'edit', 'stage', 'rebaseline', 'meaning', 'restore', 'retire'] as const
export type RevisionKind = (typeof REVISION_KINDS)[number]

export const COMPARATORS = ['>=', '<=', '>', '<', '=', 'between', '±'] as const
export type Comparator = (typeof COMPARATORS)[number]

export const PERIOD_UNITS = ['hour', 'day', 'week', 'month', 'quarter', 'year'] as const
export type PeriodUnit = (typeof PERIOD_UNITS)[number]

export const parsedTargetSchema = z.strictObject({
  comparator: z.enum(COMPARATORS),
  /** The value; for `between` the lower bound, for `±` the centre. */
  value: z.number(),
  /** Upper bound of `between`. */
  upper: z.optional(z.number()),
  /** Half-width of `±`, in `unit`. */
  tolerance: z.optional(z.number()),
  /** Normalised unit: %, ms, s, min, h, day, users, $, ¥, €, count, score, requests, tasks, … or null. */
  unit: z.nullable(z.string()),
  /** Denominator of a score such as 4.2/5.0. */
  scale: z.optional(z.number()),
  /** 95 for P95. */
  percentile: z.optional(z.number()),
  /** "per month" (rate) or "within 6 months" (deadline). */
  window: z.optional(z.strictObject({ kind: z.enum(['per', 'within']), amount: z.optional(z.number()), unit: z.enum(PERIOD_UNITS) })),
  /** The target is a change rate (每月增长20%), not a level. */
  change: z.optional(z.boolean()),
  /** The text gave a bare level ("90%"); ≥ or ≤ was inferred from the metric it measures. */
  comparatorInferred: z.optional(z.boolean())
})
export type ParsedTarget = z.infer<typeof parsedTargetSchema>

/** A target always keeps the text the user typed beside what the parser understood. */
export const targetSchema = z.strictObject({
  text: z.string(),
  parsed: z.nullable(parsedTargetSchema),
  /** Why `parsed` is null (or partial), in English; the UI translates by code. */
  issue: z.optional(z.string())
})
export type Target = z.infer<typeof targetSchema>

export const SEVERITIES = ['P0', 'P1', 'P2', 'P3'] as const
export type Severity = (typeof SEVERITIES)[number]

export const changeRuleSchema = z.strictObject({
  severity: z.enum(SEVERITIES),
  /** Period-over-period comparison: day, week, month or the KPI's own period. */
  period: z.enum(['day', 'week', 'month', 'period']),
  direction: z.enum(['drop', 'rise']),
  /** Percent change that breaks the rule, e.g. 20 for "drop > 20%". */
  percent: z.number().check(z.positive()),
  text: z.optional(z.string())
})
export type ChangeRule = z.infer<typeof changeRuleSchema>

export const alertThresholdsSchema = z.strictObject({
  /** As written in the PRD, e.g. "< 目标值的80%" or "P95 > 800ms". */
  text: z.optional(z.string()),
  /** Red below this share of target (mirrored for lower-is-better). */
  redRatio: z._default(z.number().check(z.positive()), 0.8),
  yellowRatio: z._default(z.number().check(z.positive()), 0.9),
  /** An absolute red boundary when the text gives one ("< 50%" → 50). */
  redValue: z.optional(z.nullable(z.number())),
  rules: z._default(z.array(changeRuleSchema), [])
})
export type AlertThresholds = z.output<typeof alertThresholdsSchema>

export const benchmarkSchema = z.strictObject({
  label: z.string(),
  value: z.string(),
  source: z.optional(z.string())
})
export type Benchmark = z.infer<typeof benchmarkSchema>

export const milestoneSchema = z.strictObject({
  /** "Month 1", "Week 5-8", "Q2 2026". */
  label: z.string(),
  /** The target as written for that milestone ("50 MAU"). */
  target: z.string(),
  value: z.optional(z.nullable(z.number())),
  /** ISO date when the milestone is due, when known. */
  due: z.optional(z.string())
})
export type Milestone = z.infer<typeof milestoneSchema>

export const kpiFieldsSchema = z.strictObject({
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  description: z._default(z.string(), ''),
  category: z._default(z.string(), ''),
  formula: z._default(z.string(), ''),
  /** A connected data source's name or `manual`; empty until the user assigns one. */
  dataSource: z._default(z.string(), ''),
  /** Where the data comes from as a PRD describes it ("埋点事件 + 订单库"): a note, never a connection. */
  sourceNote: z._default(z.string(), ''),
  /** How the table the formula returns becomes one value per period; null for a formula returning one number. */
  mapping: z._default(z.nullable(resultMappingSchema), null),
  target: z._default(z.nullable(targetSchema), null),
  unit: z._default(z.string(), ''),
  direction: z._default(z.enum(DIRECTIONS), 'higher'),
  frequency: z._default(z.nullable(z.enum(FREQUENCIES)), null),
  /** The period the target speaks of (a month for "≥ 1,000 a month"); null: inferred from the target and frequency. */
  targetPeriod: z._default(z.nullable(z.enum(GRAINS)), null),
  /** How finer values become the target period's value; null: inferred from the unit and name. */
  aggregation: z._default(z.nullable(z.enum(AGGREGATIONS)), null),
  owner: z._default(z.string(), ''),
  alertThresholds: z._default(z.nullable(alertThresholdsSchema), null),
  benchmarks: z._default(z.array(benchmarkSchema), []),
  milestones: z._default(z.array(milestoneSchema), []),
  stage: z._default(z.enum(STAGES), 'draft'),
  status: z._default(z.enum(STATUSES), 'proposed'),
  tags: z._default(z.array(z.string()), []),
  notes: z._default(z.string(), '')
})
export type KpiFields = z.output<typeof kpiFieldsSchema>
export type KpiFieldsInput = z.input<typeof kpiFieldsSchema>
export type KpiField = keyof KpiFields
export const KPI_FIELDS = Object.keys(kpiFieldsSchema.shape) as KpiField[]

/** Stage order for gates and funnels; retired is not on the forward path. */
export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage)
}
