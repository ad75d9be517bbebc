import type { KpiFields, ParsedTarget } from '../../domain/kpi'
import { assess, publicAttainment, rangeBounds } from './attainment'
import { say } from './findings'
import { fmt, fmtPercent, prefersChinese, targetText } from './format'
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

/** Red/yellow/green of the latest value against the KPI's target and alert thresholds, explained in the KPI's language. */
export function kpiHealth(fields: KpiFields, value: number | null, previous?: number | null): KpiHealth {
  const zh = prefersChinese(fields.name, fields.description)
  const target = fields.target?.parsed ?? null
  if (!target) return { level: 'none', attainment: null, reason: say(zh, '目标缺失或未结构化。', 'The target is missing or not structured.') }
  if (value === null || Number.isNaN(value)) return { level: 'none', attainment: null, reason: say(zh, '本周期还没有数值。', 'No value for this period yet.') }

  let compared = value
  if (target.change) {
    const change = changeValue(target, value, previous)
    if (change === null) {
      return { level: 'none', attainment: null, reason: say(zh, '变化率目标需要上一周期的数值。', 'A change-rate target needs the previous period’s value.') }
    }
    compared = change
  }

  const result = assess(compared, target, fields.direction, fields.alertThresholds)
  const attainment = publicAttainment(result.attainment)
  const shown = `${target.change ? say(zh, '变化 ', 'change ') : ''}${fmt(compared)}${target.unit === '%' ? '%' : ''}`
  const goal = fields.target?.text || targetText(target, zh)
  return { level: result.level, attainment, reason: explain(result.level, result.orientation, shown, goal, attainment, target, zh) }
}

function explain(
  level: KpiHealth['level'],
  orientation: string,
  shown: string,
  goal: string,
  attainment: number | null,
  target: ParsedTarget,
  zh: boolean
): string {
  if (orientation === 'range') {
    const { low, high } = rangeBounds(target)
    const range = `${fmt(low)}–${fmt(high)}`
    if (level === 'green') return say(zh, `${shown} 在目标区间 ${range} 内。`, `${shown} is inside the target range ${range}.`)
    const margin = level === 'red' ? say(zh, '超出幅度已过红线', 'by more than the red margin') : say(zh, '仍在红线以内', 'within the red margin')
    return say(zh, `${shown} 超出目标区间 ${range}（${margin}）。`, `${shown} is outside the target range ${range} (${margin}).`)
  }
  if (orientation === 'lower' && target.value === 0) {
    return level === 'green'
      ? say(zh, `${shown} 达到零目标。`, `${shown} meets the zero target.`)
      : say(zh, `${shown} 对比零目标（${goal}）：任何大于 0 的值都是红色。`, `${shown} against a zero target (${goal}): any value above 0 is red.`)
  }
  const share = attainment === null ? '' : say(zh, `（达成率 ${fmtPercent(attainment)}）`, ` (attainment ${fmtPercent(attainment)})`)
  const verdict = zh
    ? { green: '正常', yellow: '低于黄线', red: '低于红线', none: '' }[level]
    : { green: 'on track', yellow: 'below the yellow threshold', red: 'below the red threshold', none: '' }[level]
  return say(zh, `${shown} 对比 ${goal}${share}：${verdict}。`, `${shown} against ${goal}${share}: ${verdict}.`)
}
