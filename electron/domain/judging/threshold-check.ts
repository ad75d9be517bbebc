import type { AlertThresholds, Direction, ParsedTarget } from '../kpi'
import { defaultDirection } from '../target/parse-target'

/** How thresholds can contradict the target: each would make the colour rule say two things at once. */
export type ThresholdProblem = 'yellow-below-red' | 'ratio-above-target' | 'red-value-beyond-target'

/**
 * Thresholds that agree with the target and its direction: red below yellow, neither above the target
 * (a ratio > 100 % would colour an on-target value), and an absolute red value on the bad side of the target.
 * Null when they agree.
 */
export function thresholdProblem(thresholds: AlertThresholds | null, target: ParsedTarget | null, direction: Direction): ThresholdProblem | null {
  if (!thresholds) return null
  if (thresholds.yellowRatio < thresholds.redRatio) return 'yellow-below-red'
  if (thresholds.redRatio > 1 || thresholds.yellowRatio > 1) return 'ratio-above-target'
  const redValue = thresholds.redValue ?? null
  if (redValue === null || !target || target.change) return null
  const orientation = target.comparator === '=' ? direction : defaultDirection(target)
  if (orientation === 'higher' && redValue >= target.value) return 'red-value-beyond-target'
  if (orientation === 'lower' && redValue <= target.value) return 'red-value-beyond-target'
  if (orientation === 'range') {
    const low = target.comparator === 'between' ? Math.min(target.value, target.upper ?? target.value) : target.value - Math.abs(target.tolerance ?? 0)
    const high = target.comparator === 'between' ? Math.max(target.value, target.upper ?? target.value) : target.value + Math.abs(target.tolerance ?? 0)
    if (redValue >= low && redValue <= high) return 'red-value-beyond-target'
  }
  return null
}
