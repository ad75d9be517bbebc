import type { Aggregation, KpiFields, PeriodUnit } from '../kpi'
import { GRAIN_OF_FREQUENCY, type Grain } from '../period'

/** How a KPI is judged: the grain its values are stored at, the period its target speaks of and how one becomes the other. */
export interface Judging {
  /** The grain of the KPI's values (from its frequency); null when no frequency is set. */
  valueGrain: Grain | null
  /** The period values are combined into before judgment (set, or read from a target per period); null: each value is judged over its own period. */
  targetPeriod: Grain | null
  aggregation: Aggregation
  /** Which of the two were inferred rather than set on the KPI. */
  inferred: { targetPeriod: boolean; aggregation: boolean }
}

type Hints = Pick<KpiFields, 'name' | 'description' | 'unit' | 'target'>

const PERCENTILE = /(^|[^a-z])(p\d{2}(\.\d+)?|percentile|quantile|median)([^a-z]|$)|分位|中位/i
const LEVEL =
  /(^|[^a-z])(mau|wau|total|cumulative|registered|subscribers?|headcount|backlog|balance|installed base)([^a-z]|$)|累计|总数|总量|注册用户|存量|余额|订阅数/i
const RATE = /rate|ratio|share|percent|uptime|availability|satisfaction|csat|nps|score|average|mean|avg|dau|率|占比|满意|评分|均值|平均|日活/i
const RATE_UNITS = new Set(['%', 'score', 'ms', 's', 'min', 'h', 'day'])

/**
 * The aggregation a KPI's words imply: none for a percentile (P95, median), last for a level that stands
 * at a moment (MAU, total users, 累计), mean for rates, scores, durations and daily averages, sum for
 * counts and amounts (orders, revenue, sign-ups).
 */
export function inferAggregation(fields: Hints): Aggregation {
  const parsed = fields.target?.parsed
  const words = `${fields.name} ${fields.description}`
  if (parsed?.percentile !== undefined || PERCENTILE.test(fields.name)) return 'none'
  if (LEVEL.test(fields.name)) return 'last'
  const unit = (fields.unit || parsed?.unit || '').trim().toLowerCase()
  if (RATE_UNITS.has(unit) || (parsed?.scale !== undefined && parsed.scale > 0) || RATE.test(words)) return 'mean'
  return 'sum'
}

const GRAIN_OF_WINDOW: Partial<Record<PeriodUnit, Grain>> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter' }

/** The target's own period: "≥ 1,000 a month" (`per month`) speaks of months; a deadline (within 6 months) names none. */
export function targetPeriodOf(fields: Pick<KpiFields, 'target'>): Grain | null {
  const window = fields.target?.parsed?.window
  if (!window || window.kind !== 'per' || (window.amount !== undefined && window.amount !== 1)) return null
  return GRAIN_OF_WINDOW[window.unit] ?? null
}

/**
 * The KPI's judging as set, with what is not set inferred: the target period from a target per period
 * ("≥ 1,000 a month"); without one each value is judged over the period it was measured for, whatever its grain.
 */
export function judgingOf(fields: Hints & Pick<KpiFields, 'frequency' | 'targetPeriod' | 'aggregation'>): Judging {
  const valueGrain = fields.frequency ? GRAIN_OF_FREQUENCY[fields.frequency] : null
  const targetPeriod = fields.targetPeriod ?? targetPeriodOf(fields)
  return {
    valueGrain,
    targetPeriod,
    aggregation: fields.aggregation ?? inferAggregation(fields),
    inferred: { targetPeriod: fields.targetPeriod === null, aggregation: fields.aggregation === null }
  }
}
