import type { AlertThresholds, Direction, ParsedTarget } from '../../domain/kpi'
import { defaultDirection } from '../../domain/target/parse-target'
import type { HealthLevel } from './types'

export type Orientation = 'higher' | 'lower' | 'range'

export const DEFAULT_RED_RATIO = 0.8
export const DEFAULT_YELLOW_RATIO = 0.9

/** The comparator decides; a bare `=` falls back to the KPI's declared direction. */
export function orientationOf(target: ParsedTarget, direction: Direction): Orientation {
  return target.comparator === '=' ? direction : defaultDirection(target)
}

/** Inclusive bounds of a range target; `=` on an in-range KPI is a zero-width range. */
export function rangeBounds(target: ParsedTarget): { low: number; high: number } {
  if (target.comparator === 'between' && target.upper !== undefined) {
    return { low: Math.min(target.value, target.upper), high: Math.max(target.value, target.upper) }
  }
  const tolerance = target.comparator === '±' ? Math.abs(target.tolerance ?? 0) : 0
  return { low: target.value - tolerance, high: target.value + tolerance }
}

/** Signed distance outside the range: negative below, positive above, 0 inside. */
export function rangeOffset(value: number, target: ParsedTarget): number {
  const { low, high } = rangeBounds(target)
  if (value < low) return value - low
  if (value > high) return value - high
  return 0
}

/**
 * Ratio to target, 1.0 = on target, higher is always better.
 * Lower-is-better mirrors as target / value, so a value at 0 is +Infinity (the best possible).
 * Ranges: 1 inside, then 1 − distance / width. NaN when a ratio has no meaning (target ≤ 0).
 */
export function rawAttainment(value: number, target: ParsedTarget, orientation: Orientation): number {
  const t = target.value
  if (orientation === 'higher') return t > 0 ? value / t : Number.NaN
  if (orientation === 'lower') {
    if (t === 0) return value <= 0 ? 1 : 0
    if (t < 0) return Number.NaN
    return value > 0 ? t / value : Number.POSITIVE_INFINITY
  }
  const { low, high } = rangeBounds(target)
  const distance = Math.abs(rangeOffset(value, target))
  if (distance === 0) return 1
  const scale = high - low > 0 ? high - low : Math.abs(target.value)
  return scale > 0 ? Math.max(0, 1 - distance / scale) : 0
}

export function publicAttainment(raw: number): number | null {
  return Number.isFinite(raw) ? raw : null
}

export function meetsTarget(value: number, target: ParsedTarget, orientation: Orientation): boolean {
  if (orientation === 'higher') return target.comparator === '>' ? value > target.value : value >= target.value
  if (orientation === 'lower') return target.comparator === '<' ? value < target.value : value <= target.value
  return rangeOffset(value, target) === 0
}

export interface Assessment {
  level: Exclude<HealthLevel, 'none'>
  attainment: number
  orientation: Orientation
  meets: boolean
}

/**
 * Red/yellow/green of one value. Defaults: red below 80 % of target, yellow below 90 %;
 * lower-is-better mirrors on target / value (red above 125 %, yellow above ~111 % of target).
 * `redValue` replaces the ratio red boundary; ranges go yellow outside and red beyond 20 % of the width.
 */
export function assess(value: number, target: ParsedTarget, direction: Direction, thresholds: AlertThresholds | null): Assessment {
  const orientation = orientationOf(target, direction)
  const attainment = rawAttainment(value, target, orientation)
  const meets = meetsTarget(value, target, orientation)
  const redRatio = thresholds?.redRatio ?? DEFAULT_RED_RATIO
  const yellowRatio = thresholds?.yellowRatio ?? DEFAULT_YELLOW_RATIO
  const redValue = thresholds?.redValue ?? null
  const result = (level: Assessment['level']): Assessment => ({ level, attainment, orientation, meets })

  if (orientation === 'range') {
    if (meets) return result('green')
    return result(attainment < redRatio ? 'red' : 'yellow')
  }
  if (orientation === 'lower' && target.value === 0) return result(meets ? 'green' : 'red')
  if (Number.isNaN(attainment)) return result(meets ? 'green' : 'red')
  const beyondRedValue = redValue !== null && (orientation === 'higher' ? value < redValue : value > redValue)
  const red = redValue !== null ? beyondRedValue : attainment < redRatio
  if (red) return result('red')
  return result(attainment < yellowRatio ? 'yellow' : 'green')
}
