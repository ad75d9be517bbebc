import { linearRegression, linearRegressionLine, median, quantile, rSquared } from 'simple-statistics'
import type { Direction, ParsedTarget } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import { meetsTarget, orientationOf, rawAttainment, type Orientation } from './attainment'
import { roundNice } from './format'
import { isoDate, isoTime } from './periods'
import { comparedSeries } from './trial-stats'

/** Median attainment below this over enough periods: the target is consistently missed. */
export const UNDER_MEDIAN = 0.9
/** Median attainment above this over enough periods: the target is consistently beaten. */
export const OVER_MEDIAN = 1.15
/** Periods needed before a calibration is proposed: fewer cannot tell a level from luck. */
export const MIN_CALIBRATION_PERIODS = 4
/** A trend counts when the line explains this share of the variance … */
export const TREND_R2 = 0.6
/** … and moves the value by at least this share of its median over the trial. */
export const TREND_MOVE = 0.1
/** Robust coefficient of variation above which the colours would flip on noise alone. */
export const VOLATILE_CV = 0.25
/** Within this distance of the target a period counts as "on target" (the ±10% in "within ±10% in 7 of 8 periods"). */
export const ON_TARGET_BAND = 0.1

export type TrialGrade = 'far-under' | 'under' | 'on-target' | 'over' | 'far-over'

export interface TrendEvidence {
  /** Least-squares change per period, in the KPI's unit. */
  slope: number
  r2: number
  significant: boolean
  /** Moves towards the better side of the target (up for higher-is-better, towards the range for ranges). */
  improving: boolean
  /** The line's value at the target period (`TrialEvidence.horizon`). */
  next: number
}

/**
 * The period a trend is extrapolated to: the one after the trial, or, for a deadline target (6个月内达到 …,
 * "within 6 months"), the end of its window counted from the trial's first period.
 */
export interface Horizon {
  /** The date the extrapolation describes: the next period's start, or the window's end. */
  at: string
  /** Periods after the trial's first one (the regression's x). */
  index: number
  deadline: boolean
}

/** What the trial shows for one KPI: the numbers every trial finding, proposal and the assistant's prompt cite. */
export interface TrialEvidence {
  periods: number
  firstPeriod: string
  lastPeriod: string
  /** Start of the period right after the trial. */
  nextPeriod: string
  /** Where a trend is extrapolated to. */
  horizon: Horizon
  orientation: Orientation
  median: number
  p25: number
  p75: number
  min: number
  max: number
  /** Median of the per-period attainments; null when attainment has no meaning (target ≤ 0). */
  medianAttainment: number | null
  /** Periods within ±10% of the target (inside the range for ranges). */
  onTarget: number
  /** Periods that met the target. */
  met: number
  trend: TrendEvidence | null
  /**
   * Robust coefficient of variation: interquartile range / (1.349 × |median|). It equals the CV for normally
   * distributed values but is not inflated by a few spikes (those are what alerts are for); null for a zero median.
   */
  cv: number | null
  grade: TrialGrade | null
}

const WINDOW_MONTHS: Partial<Record<string, number>> = { month: 1, quarter: 3, year: 12 }
const WINDOW_DAYS: Partial<Record<string, number>> = { day: 1, week: 7 }

function horizonOf(dated: Measurement[], target: ParsedTarget | null): Horizon {
  const n = dated.length
  const next: Horizon = { at: dated[n - 1]!.periodEnd, index: n, deadline: false }
  const window = target?.window
  if (window?.kind !== 'within' || !window.amount) return next
  const end = new Date(isoTime(dated[0]!.periodStart))
  if (WINDOW_MONTHS[window.unit]) end.setUTCMonth(end.getUTCMonth() + window.amount * WINDOW_MONTHS[window.unit]!)
  else if (WINDOW_DAYS[window.unit]) end.setUTCDate(end.getUTCDate() + window.amount * WINDOW_DAYS[window.unit]!)
  else return next
  // Periods are evenly spaced on average; the last period inside the window is the one the deadline judges.
  const spacing = (isoTime(dated[n - 1]!.periodEnd) - isoTime(dated[0]!.periodStart)) / n
  const index = Math.round((end.getTime() - isoTime(dated[0]!.periodStart)) / spacing) - 1
  return index > n - 1 ? { at: isoDate(end.getTime()), index, deadline: true } : next
}

function trendOf(values: number[], orientation: Orientation, target: ParsedTarget | null, horizon: Horizon): TrendEvidence | null {
  if (values.length < 3) return null
  const points = values.map((value, index) => [index, value])
  const line = linearRegression(points)
  const r2 = new Set(values).size === 1 ? 0 : rSquared(points, linearRegressionLine(line))
  const scale = Math.abs(median(values)) || Math.abs(target?.value ?? 0)
  const moved = Math.abs(line.m * (values.length - 1))
  const significant = values.length >= MIN_CALIBRATION_PERIODS && r2 >= TREND_R2 && scale > 0 && moved >= TREND_MOVE * scale
  let improving = orientation === 'higher' ? line.m > 0 : orientation === 'lower' ? line.m < 0 : false
  if (orientation === 'range' && target) {
    const centre = target.comparator === 'between' ? (target.value + (target.upper ?? target.value)) / 2 : target.value
    improving = Math.abs(line.b + line.m * (values.length - 1) - centre) < Math.abs(line.b - centre)
  }
  return { slope: line.m, r2, significant, improving, next: line.b + line.m * horizon.index }
}

/** The IQR of a normal distribution is 1.349 standard deviations. */
const IQR_PER_SD = 1.349

export function robustCv(values: number[]): number | null {
  if (values.length < 2) return null
  const centre = Math.abs(median(values))
  return centre === 0 ? null : (quantile(values, 0.75) - quantile(values, 0.25)) / (IQR_PER_SD * centre)
}

function gradeOf(medianAttainment: number | null, orientation: Orientation, periods: number): TrialGrade | null {
  if (medianAttainment === null || periods < MIN_CALIBRATION_PERIODS) return null
  if (medianAttainment < 0.7) return 'far-under'
  if (medianAttainment < UNDER_MEDIAN) return 'under'
  if (orientation !== 'range' && medianAttainment > 1.5) return 'far-over'
  if (orientation !== 'range' && medianAttainment > OVER_MEDIAN) return 'over'
  return 'on-target'
}

/** Evidence of a trial series against its target (or the KPI's direction when it has none); null without values. */
export function trialEvidence(points: Measurement[], target: ParsedTarget | null, direction: Direction): TrialEvidence | null {
  const values = comparedSeries(points, target)
  if (values.length === 0) return null
  // A change-rate series starts one period later than the values it is computed from.
  const dated = points.slice(points.length - values.length)
  const orientation = target ? orientationOf(target, direction) : direction
  const attainments = target ? values.map((value) => rawAttainment(value, target, orientation)).filter((a) => !Number.isNaN(a)) : []
  const medianAttainment = attainments.length > 0 ? median(attainments) : null
  const horizon = horizonOf(dated, target)
  return {
    periods: values.length,
    firstPeriod: dated[0]!.periodStart,
    lastPeriod: dated[dated.length - 1]!.periodStart,
    nextPeriod: dated[dated.length - 1]!.periodEnd,
    horizon,
    orientation,
    median: median(values),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    min: Math.min(...values),
    max: Math.max(...values),
    medianAttainment,
    onTarget: target ? attainments.filter((a) => Math.abs(a - 1) <= ON_TARGET_BAND + 1e-9).length : 0,
    met: target ? values.filter((value) => meetsTarget(value, target, orientation)).length : 0,
    trend: trendOf(values, orientation, target, horizon),
    cv: robustCv(values),
    grade: gradeOf(medianAttainment, orientation, values.length)
  }
}

/** The evidence as plain numbers for the assistant's prompt: rounded, nothing that needs our wording. */
export function evidenceForPrompt(evidence: TrialEvidence): Record<string, unknown> {
  const r = (value: number | null) => (value === null ? null : roundNice(value))
  return {
    periods: evidence.periods,
    from: evidence.firstPeriod,
    to: evidence.lastPeriod,
    median: r(evidence.median),
    p25: r(evidence.p25),
    p75: r(evidence.p75),
    min: r(evidence.min),
    max: r(evidence.max),
    medianAttainmentPercent: evidence.medianAttainment === null || !Number.isFinite(evidence.medianAttainment) ? null : r(evidence.medianAttainment * 100),
    periodsWithin10PercentOfTarget: evidence.onTarget,
    periodsMeetingTarget: evidence.met,
    trendPerPeriod: evidence.trend ? r(evidence.trend.slope) : null,
    trendR2: evidence.trend ? r(evidence.trend.r2) : null,
    trendSignificant: evidence.trend?.significant ?? false,
    robustCoefficientOfVariation: r(evidence.cv),
    grade: evidence.grade
  }
}
