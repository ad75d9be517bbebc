import { linearRegression, max, mean, median, min, quantile, sampleStandardDeviation } from 'simple-statistics'
import type { Direction, ParsedTarget } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import { orientationOf, publicAttainment, rangeOffset, rawAttainment, type Orientation } from './attainment'
import { changeValue } from './health'
import { roundNice } from './format'
import type { TrialStats } from './types'

/** The series a target is judged on: the values, or their period-over-period changes for change-rate targets. */
export function comparedSeries(points: Measurement[], target: ParsedTarget | null): number[] {
  if (!target?.change) return points.map((point) => point.value)
  const changes: number[] = []
  for (let i = 1; i < points.length; i++) {
    const change = changeValue(target, points[i]!.value, points[i - 1]!.value)
    if (change !== null) changes.push(change)
  }
  return changes
}

/**
 * The level the trial reached reliably, in three periods out of four: the 25th percentile when
 * higher is better, the 75th when lower is better, the median for ranges.
 */
export function baselineOf(values: number[], orientation: Orientation): number | null {
  if (values.length === 0) return null
  const raw = orientation === 'higher' ? quantile(values, 0.25) : orientation === 'lower' ? quantile(values, 0.75) : median(values)
  return roundNice(raw)
}

export function trialStats(points: Measurement[], target: ParsedTarget | null, direction: Direction): TrialStats {
  const values = comparedSeries(points, target)
  const n = values.length
  if (n === 0) {
    return { n, mean: null, latest: null, attainment: null, gap: null, slope: null, volatility: null, min: null, max: null, suggestedBaseline: null }
  }
  const average = mean(values)
  const orientation = target ? orientationOf(target, direction) : direction
  let attainment: number | null = null
  let gap: number | null = null
  if (target) {
    attainment = publicAttainment(rawAttainment(average, target, orientation))
    gap = orientation === 'range' ? rangeOffset(average, target) : average - target.value
  }
  const spread = n >= 2 ? sampleStandardDeviation(values) : null
  return {
    n,
    mean: average,
    latest: values[n - 1]!,
    attainment,
    gap,
    slope: n >= 2 ? linearRegression(values.map((value, index) => [index, value])).m : null,
    volatility: spread !== null && average !== 0 ? spread / Math.abs(average) : null,
    min: min(values),
    max: max(values),
    suggestedBaseline: baselineOf(values, orientation)
  }
}
