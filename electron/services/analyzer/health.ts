import type { KpiFields, ParsedTarget } from '../../domain/kpi'
import { formatFigure, unitOf } from '../../domain/judging/format-figure'
import type { HealthDecision, HealthRule, JudgingView } from '../../domain/judging/health-types'
import { judgingOf } from '../../domain/judging/judging'
import { periodValues, type PeriodPoint, type PeriodValue } from '../../domain/judging/period-values'
import { judgedTarget } from '../../domain/judging/judged-target'
import { assess, DEFAULT_RED_RATIO, DEFAULT_YELLOW_RATIO, publicAttainment, rangeBounds, type Assessment } from './attainment'
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

function decisionOf(fields: KpiFields, rule: HealthRule, overrode: Assessment['overrode'] = null): HealthDecision {
  const t = fields.alertThresholds
  return { rule, overrode, redRatio: t?.redRatio ?? DEFAULT_RED_RATIO, yellowRatio: t?.yellowRatio ?? DEFAULT_YELLOW_RATIO, redValue: t?.redValue ?? null }
}

/** Red/yellow/green of one value against the KPI's target and alert thresholds, explained in the KPI's language. */
export function kpiHealth(fields: KpiFields, value: number | null, previous?: number | null): KpiHealth {
  const zh = prefersChinese(fields.name, fields.description)
  const target = judgedTarget(fields)
  const none = (rule: HealthRule, reason: string): KpiHealth => ({ level: 'none', attainment: null, reason, decidedBy: decisionOf(fields, rule) })
  if (!target) return none('no-target', say(zh, '目标缺失或未结构化。', 'The target is missing or not structured.'))
  if (value === null || Number.isNaN(value)) return none('no-value', say(zh, '本周期还没有数值。', 'No value for this period yet.'))

  let compared = value
  if (target.change) {
    const change = changeValue(target, value, previous)
    if (change === null) return none('no-previous', say(zh, '变化率目标需要上一周期的数值。', 'A change-rate target needs the previous period’s value.'))
    compared = change
  }

  const result = assess(compared, target, fields.direction, fields.alertThresholds)
  const attainment = publicAttainment(result.attainment)
  const shown = `${target.change ? say(zh, '变化 ', 'change ') : ''}${formatFigure(compared, target.unit === '%' ? '%' : null)}`
  const goal = fields.target?.text || targetText(target, zh)
  const reason = explain(result.level, result.orientation, shown, goal, attainment, target, zh) + overrideNote(result, fields, target, zh)
  return { level: result.level, attainment, reason, decidedBy: decisionOf(fields, result.decidedBy, result.overrode) }
}

const LEVEL_ZH = { green: '绿色', yellow: '黄色', red: '红色' } as const

function overrideNote(result: Assessment, fields: KpiFields, target: ParsedTarget, zh: boolean): string {
  if (!result.overrode) return ''
  const redValue = fields.alertThresholds?.redValue ?? 0
  const bound = `${result.orientation === 'lower' ? '>' : '<'} ${formatFigure(redValue, target.unit)}`
  const ratio = fmtPercent(fields.alertThresholds?.redRatio ?? DEFAULT_RED_RATIO)
  return say(
    zh,
    ` 由红色阈值 ${bound} 决定（它取代了 ${ratio} 的比例规则，按比例应为${LEVEL_ZH[result.overrode.level]}）。`,
    ` Decided by the red threshold ${bound}, which replaces the ${ratio} ratio rule (by the ratio it would be ${result.overrode.level}).`
  )
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

/** A KPI's health over its latest target period: judged when it has ended, "in progress" while it runs. */
export interface KpiJudgement extends KpiHealth {
  period: Pick<PeriodValue, 'start' | 'end' | 'label'> | null
  /** The period's value (so far, while in progress). */
  value: number | null
  projection: number | null
  inProgress: boolean
  parts: number
  expectedParts: number | null
  lastPointId: number | null
  judging: JudgingView
}

/** The target periods of a KPI's values, with their aggregation (see periodValues). A rolling KPI's values describe their pull, never a running period. */
export function judgedPeriods(fields: KpiFields, points: readonly PeriodPoint[], today: string, last?: number): PeriodValue[] {
  return periodValues(points, judgingOf(fields), fields.mapping?.rolling ? '9999-12-31' : today, last)
}

/** The health of one target period, given the one before it (for change targets). */
export function periodHealth(fields: KpiFields, current: PeriodValue | undefined, previous: PeriodValue | undefined): KpiJudgement {
  const zh = prefersChinese(fields.name, fields.description)
  const judging = judgingOf(fields)
  const view: JudgingView = {
    frequency: judging.valueGrain,
    targetPeriod: judging.targetPeriod ?? judging.valueGrain,
    aggregation: judging.aggregation,
    inferred: judging.inferred
  }
  const unit = unitOf(fields)
  const base = {
    period: current ? { start: current.start, end: current.end, label: current.label } : null,
    value: current?.value ?? null,
    projection: current?.projection ?? null,
    inProgress: current?.inProgress ?? false,
    parts: current?.parts ?? 0,
    expectedParts: current?.expectedParts ?? null,
    lastPointId: current?.lastPointId ?? null,
    judging: view
  }
  const unjudged = (rule: HealthRule, reason: string): KpiJudgement => ({
    ...base,
    level: 'none',
    attainment: null,
    reason,
    decidedBy: decisionOf(fields, rule)
  })
  if (current?.problem === 'not-aggregable') {
    const what = judging.aggregation === 'none' ? say(zh, '百分位数', 'percentiles') : say(zh, '数值', 'values')
    return unjudged(
      'not-aggregable',
      say(
        zh,
        `${current.label}：${what}无法如实汇总到目标周期（${current.parts} 个数值），因此不给颜色。请按目标周期采集，或把目标周期改为数值的周期。`,
        `${current.label}: ${what} cannot be combined honestly into the target period (${current.parts} values), so no colour is given. Measure it per target period, or set the target period to the values' period.`
      )
    )
  }
  if (current && fields.target?.parsed && current.inProgress) {
    const sofar = formatFigure(current.value, unit)
    const projection =
      current.projection === null
        ? ''
        : say(zh, `，预计期末 ${formatFigure(current.projection, unit)}（推算）`, `; projected ${formatFigure(current.projection, unit)} at the period's end`)
    return unjudged(
      'in-progress',
      say(
        zh,
        `${current.label} 进行中：目前 ${sofar}${projection}。周期结束前不判定红绿。`,
        `${current.label} in progress: ${sofar} so far${projection}. Not judged red or green until it ends.`
      )
    )
  }
  if (current?.problem === 'incomplete') {
    return unjudged(
      'incomplete',
      say(
        zh,
        `${current.label} 只有 ${current.parts}/${current.expectedParts} 个数值，合计不完整，因此不给颜色。`,
        `${current.label} has ${current.parts} of ${current.expectedParts} values: its sum is incomplete, so no colour is given.`
      )
    )
  }
  const health = kpiHealth(fields, current?.value ?? null, previous?.value ?? null)
  const aggregated = current && current.parts > 1 ? aggregatedNote(current, judging.aggregation, unit, zh) : ''
  return { ...base, ...health, reason: aggregated + health.reason }
}

function aggregatedNote(current: PeriodValue, aggregation: string, unit: string, zh: boolean): string {
  const how = zh
    ? ({ sum: '合计', mean: '平均', last: '期末值' } as Record<string, string>)[aggregation]
    : aggregation === 'last'
      ? 'the last value'
      : `the ${aggregation}`
  return say(
    zh,
    `${current.label}（${current.parts} 个数值的${how}）：${formatFigure(current.value, unit)}。`,
    `${current.label} (${how} of ${current.parts} values): ${formatFigure(current.value, unit)}. `
  )
}

/** The KPI's health now: its latest target period, judged when complete, "in progress" otherwise. */
export function judgeKpi(fields: KpiFields, points: readonly PeriodPoint[], today: string): KpiJudgement {
  const periods = judgedPeriods(fields, points, today, 2)
  return periodHealth(fields, periods.at(-1), periods.at(-2))
}
