import { median, quantile } from 'simple-statistics'
import type { Direction, KpiFields, ParsedTarget } from '../domain/kpi'
import type { Measurement } from '../domain/measurement'
import type { ProposalDraft } from '../domain/proposal'
import { orientationOf, rangeBounds, rawAttainment } from './attainment'
import { groupFindings, say, type Finding } from './findings'
import { fmt, fmtPercent, makeTarget, prefersChinese, roundNice, targetText } from './format'
import { isoTime } from './periods'
import { baselineOf, comparedSeries, trialStats } from './trial-stats'
import type { AnalyzerKpi } from './types'

/** Every period at or above this attainment: the target is too easy. */
export const WIDE_MARGIN = 1.2
/** Every period below this attainment: the target is out of reach. */
export const BAD_MISS = 0.7
/** Coefficient of variation above which the series is too unstable to lock a target on. */
export const VOLATILE_CV = 0.5

export function inWindow(points: Measurement[], window: { start: string; end: string } | undefined): Measurement[] {
  if (!window) return points
  const start = isoTime(window.start)
  const end = isoTime(window.end)
  return points.filter((point) => {
    const time = isoTime(point.periodStart)
    return time >= start && time < end
  })
}

function baselineWhy(orientation: string): string {
  if (orientation === 'higher') return '25th percentile of the data: reached in 3 periods out of 4'
  if (orientation === 'lower') return '75th percentile of the data: kept in 3 periods out of 4'
  return 'centred on the median, same width'
}

/** A target moved to what the data shows, when every period beat it widely or missed it badly. */
export function retargetFinding(fields: KpiFields, values: number[], target: ParsedTarget, rulePrefix: string, allowRaise: boolean): Finding | null {
  const orientation = orientationOf(target, fields.direction)
  if (orientation !== 'range' && target.value <= 0) return null
  const attainments = values.map((value) => rawAttainment(value, target, orientation))
  const over = allowRaise && orientation !== 'range' && attainments.every((a) => a >= WIDE_MARGIN)
  const under = attainments.every((a) => a < BAD_MISS)
  if (!over && !under) return null
  let proposed: ParsedTarget
  if (orientation === 'range') {
    const { low, high } = rangeBounds(target)
    const centre = roundNice(median(values))
    proposed = target.comparator === 'between'
      ? { ...target, value: roundNice(centre - (high - low) / 2), upper: roundNice(centre + (high - low) / 2) }
      : { ...target, value: centre }
  } else {
    const baseline = roundNice(quantile(values, orientation === 'higher' ? 0.25 : 0.75))
    if (baseline <= 0) return null
    proposed = { ...target, value: baseline }
  }
  const finite = attainments.filter(Number.isFinite)
  const spread = finite.length > 0 ? ` attainment ${fmtPercent(Math.min(...finite))}–${fmtPercent(Math.max(...finite))},` : ''
  const observed = `values ${fmt(Math.min(...values))}–${fmt(Math.max(...values))},${spread} mean ${fmt(values.reduce((a, b) => a + b, 0) / values.length)}`
  const verdict = over ? `beaten by at least ${fmtPercent(WIDE_MARGIN)}` : `missed badly (below ${fmtPercent(BAD_MISS)} attainment)`
  const move = over ? (orientation === 'higher' ? 'Raise' : 'Tighten') : orientation === 'range' ? 'Move' : 'Lower the bar'
  return {
    rule: `${rulePrefix}.${over ? 'overachieved' : 'underachieved'}`,
    title: over ? 'target too easy' : 'target out of reach',
    patch: {
      field: 'target',
      value: makeTarget(proposed),
      rationale: `${targetText(target)} was ${verdict} in all ${values.length} periods (${observed}). ${move} to ${targetText(proposed)} (${baselineWhy(orientation)}).`
    }
  }
}

function suggestedTarget(fields: KpiFields, values: number[], direction: Direction): Finding {
  const unit = fields.unit.trim() || null
  const parsed: ParsedTarget = direction === 'range'
    ? { comparator: 'between', value: roundNice(quantile(values, 0.25)), upper: roundNice(quantile(values, 0.75)), unit }
    : { comparator: direction === 'higher' ? '>=' : '<=', value: baselineOf(values, direction)!, unit }
  return {
    rule: 'trial.no-target',
    title: 'no structured target',
    patch: { field: 'target', value: makeTarget(parsed), rationale: `Suggestion from the trial data (${values.length} periods, ${direction === 'range' ? 'interquartile range' : baselineWhy(direction)}), to confirm: the KPI has no structured target to compare with.` }
  }
}

/** Marks the KPI 调整中 / adjusting while its target moves, as on the user's board. */
export function adjustingStatus(fields: KpiFields): Finding[] {
  if (fields.status === 'adjusting') return []
  return [{ rule: 'status.adjusting', title: 'status adjusting', patch: { field: 'status', value: 'adjusting', rationale: 'The target is being re-set from measured data.' } }]
}

/** Trial review of one KPI over its points in the trial window. */
export function trialProposals(kpi: AnalyzerKpi, points: Measurement[], minTrialPoints: number): ProposalDraft[] {
  const fields = kpi.fields
  const zh = prefersChinese(fields.name, fields.description)
  const target = fields.target?.parsed ?? null
  const values = comparedSeries(points, target)
  const findings: Finding[] = []
  if (values.length < minTrialPoints) {
    findings.push({
      rule: 'trial.more-data',
      title: 'not enough trial data',
      note: {
        line: say(zh, `分析器：试运行数据不足（至少需要 ${minTrialPoints} 个周期），暂不调整目标，请继续收集。`, `Analyzer: not enough trial data (at least ${minTrialPoints} periods needed); keep collecting before changing the target.`),
        rationale: `Only ${values.length} of ${minTrialPoints} periods so far: too few to judge the target.`
      }
    })
  } else if (!target) {
    findings.push(suggestedTarget(fields, values, fields.direction))
  } else {
    const retarget = retargetFinding(fields, values, target, 'trial', true)
    if (retarget) findings.push(retarget, ...adjustingStatus(fields))
    const stats = trialStats(points, target, fields.direction)
    if (stats.volatility !== null && stats.volatility > VOLATILE_CV) {
      findings.push({
        rule: 'trial.volatile',
        title: 'unstable values',
        note: {
          line: say(zh, '分析器：试运行数值波动很大，锁定目标前请检查公式与统计周期。', 'Analyzer: trial values swing widely; check the formula and the period before locking the target.'),
          rationale: `Coefficient of variation ${fmt(stats.volatility)} over ${stats.n} periods (min ${fmt(stats.min)}, max ${fmt(stats.max)}).`
        }
      })
    }
  }
  const grouped = groupFindings(kpi, findings, 'Trial review')
  return grouped ? [grouped] : []
}
