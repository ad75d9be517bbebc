import type { AlertThresholds, Direction, ParsedTarget } from '../../domain/kpi'
import { defaultDirection } from '../../domain/target/parse-target'
import type { HealthLevel, JudgedRule } from './types'

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
  /** The rule of the one colour rule that decided, and the verdict it overrode (an absolute red value beside the ratios). */
  decidedBy: JudgedRule
  overrode: { rule: 'ratio'; level: Exclude<HealthLevel, 'none'> } | null
}

/**
 * The colour rule (documented in this folder's README): a value that meets the target is green; else a
 * range goes yellow outside and red beyond `1 − redRatio` of its width, a zero lower-is-better target red;
 * else an absolute red value, when set, decides red (and replaces the red ratio), else red below `redRatio`
 * of target; what is not red is yellow below `yellowRatio`, green from it. Lower-is-better mirrors the
 * ratios on target / value (red above 125 %, yellow above ~111 % of target by default).
 */
export function assess(value: number, target: ParsedTarget, direction: Direction, thresholds: AlertThresholds | null): Assessment {
  const orientation = orientationOf(target, direction)
  const attainment = rawAttainment(value, target, orientation)
  const meets = meetsTarget(value, target, orientation)
  const redRatio = thresholds?.redRatio ?? DEFAULT_RED_RATIO
  const yellowRatio = thresholds?.yellowRatio ?? DEFAULT_YELLOW_RATIO
  const redValue = thresholds?.redValue ?? null
  const result = (level: Assessment['level'], decidedBy: JudgedRule, overrode: Assessment['overrode'] = null): Assessment => ({
    level,
    attainment,
    orientation,
    meets,
    decidedBy,
    overrode
  })

  if (meets) return result('green', 'target')
  if (orientation === 'range') return result(attainment < redRatio ? 'red' : 'yellow', 'range')
  if (orientation === 'lower' && target.value === 0) return result('red', 'zero-target')
  if (Number.isNaN(attainment)) return result('red', 'comparison')
  const byRatio: Assessment['level'] = attainment < redRatio ? 'red' : attainment < yellowRatio ? 'yellow' : 'green'
  if (redValue === null) return result(byRatio, 'ratio')
  const beyondRedValue = orientation === 'higher' ? value < redValue : value > redValue
  const level: Assessment['level'] = beyondRedValue ? 'red' : attainment < yellowRatio ? 'yellow' : 'green'
  if (level !== byRatio) return result(level, 'red-value', { rule: 'ratio', level: byRatio })
  return result(level, beyondRedValue ? 'red-value' : 'ratio')
}
