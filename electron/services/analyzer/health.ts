import type { KpiFields, ParsedTarget } from '../domain/kpi'
import { assess, publicAttainment, rangeBounds } from './attainment'
import { fmt, fmtPercent, targetText } from './format'
import type { KpiHealth } from './types'

/**
 * The value a change-rate target (每月增长20%) is compared with: percent change over the previous
 * period when the target is in %, the absolute difference otherwise. Null when it cannot be computed.
 */
export function changeValue(target: ParsedTarget, value: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined) return null
  if (target.unit === '%') return previous === 0 ? null : ((value - previous) / Math.abs(previous)) * 100
  return value - previous
}

/** Red/yellow/green of the latest value against the KPI's target and alert thresholds. */
export function kpiHealth(fields: KpiFields, value: number | null, previous?: number | null): KpiHealth {
  const target = fields.target?.parsed ?? null
  if (!target) return { level: 'none', attainment: null, reason: 'The target is missing or not structured.' }
  if (value === null || Number.isNaN(value)) return { level: 'none', attainment: null, reason: 'No value for this period yet.' }

  let compared = value
  if (target.change) {
    const change = changeValue(target, value, previous)
    if (change === null) {
      return { level: 'none', attainment: null, reason: 'A change-rate target needs the previous period’s value.' }
    }
    compared = change
  }

  const result = assess(compared, target, fields.direction, fields.alertThresholds)
  const attainment = publicAttainment(result.attainment)
  const shown = `${target.change ? 'change ' : ''}${fmt(compared)}${target.unit === '%' ? '%' : ''}`
  const goal = fields.target?.text || targetText(target)
  return { level: result.level, attainment, reason: explain(result.level, result.orientation, shown, goal, attainment, target) }
}

function explain(
  level: KpiHealth['level'],
  orientation: string,
  shown: string,
  goal: string,
  attainment: number | null,
  target: ParsedTarget
): string {
  if (orientation === 'range') {
    const { low, high } = rangeBounds(target)
    if (level === 'green') return `${shown} is inside the target range ${fmt(low)}–${fmt(high)}.`
    return `${shown} is outside the target range ${fmt(low)}–${fmt(high)} (${level === 'red' ? 'by more than the red margin' : 'within the red margin'}).`
  }
  if (orientation === 'lower' && target.value === 0) {
    return level === 'green' ? `${shown} meets the zero target.` : `${shown} against a zero target (${goal}): any value above 0 is red.`
  }
  const share = attainment === null ? '' : ` (attainment ${fmtPercent(attainment)})`
  const verdict = { green: 'on track', yellow: 'below the yellow threshold', red: 'below the red threshold', none: '' }[level]
  return `${shown} against ${goal}${share}: ${verdict}.`
}
