import { quantile } from 'simple-statistics'
import type { Direction, KpiFields, ParsedTarget } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import type { ProposalDraft } from '../../domain/proposal'
import { groupFindings, say, type Finding } from './findings'
import { makeTarget, roundNice, writesChinese } from './format'
import { isoTime } from './periods'
import { calibration, volatilityFinding } from './trial-calibration'
import { trialEvidence } from './trial-evidence'
import { baselineOf, comparedSeries } from './trial-stats'
import type { AnalyzerKpi } from './types'

export function inWindow(points: Measurement[], window: { start: string; end: string } | undefined): Measurement[] {
  if (!window) return points
  const start = isoTime(window.start)
  const end = isoTime(window.end)
  return points.filter((point) => {
    const time = isoTime(point.periodStart)
    return time >= start && time < end
  })
}

function baselineWhy(orientation: string, zh: boolean): string {
  if (orientation === 'higher') return say(zh, '数据的第 25 百分位：4 个周期中有 3 个能达到', '25th percentile of the data: reached in 3 periods out of 4')
  if (orientation === 'lower') return say(zh, '数据的第 75 百分位：4 个周期中有 3 个能保持', '75th percentile of the data: kept in 3 periods out of 4')
  return say(zh, '以中位数为中心，宽度不变', 'centred on the median, same width')
}

function suggestedTarget(fields: KpiFields, values: number[], direction: Direction, zh: boolean): Finding {
  const unit = fields.unit.trim() || null
  const parsed: ParsedTarget =
    direction === 'range'
      ? { comparator: 'between', value: roundNice(quantile(values, 0.25)), upper: roundNice(quantile(values, 0.75)), unit }
      : { comparator: direction === 'higher' ? '>=' : '<=', value: baselineOf(values, direction)!, unit }
  const how = direction === 'range' ? say(zh, '四分位区间', 'interquartile range') : baselineWhy(direction, zh)
  return {
    rule: 'trial.no-target',
    title: say(zh, '缺少结构化目标', 'no structured target'),
    patch: {
      field: 'target',
      value: makeTarget(parsed, zh),
      rationale: say(
        zh,
        `根据试运行数据给出的建议（${values.length} 个周期，${how}），待确认：该指标没有可供比较的结构化目标。`,
        `Suggestion from the trial data (${values.length} periods, ${how}), to confirm: the KPI has no structured target to compare with.`
      )
    }
  }
}

/** Marks the KPI 调整中 / adjusting while its target moves, as on the user's board. */
export function adjustingStatus(fields: KpiFields, zh: boolean): Finding[] {
  if (fields.status === 'adjusting') return []
  return [
    {
      rule: 'status.adjusting',
      title: say(zh, '状态改为调整中', 'status adjusting'),
      patch: { field: 'status', value: 'adjusting', rationale: say(zh, '目标正在根据实测数据重新设定。', 'The target is being re-set from measured data.') }
    }
  ]
}

export interface TrialReview {
  proposals: ProposalDraft[]
  /** Why nothing is proposed, in the KPI's language, when nothing is. */
  remark?: string
}

/**
 * Trial review of one KPI over its points in the trial window: graded calibration of the target from the
 * trial's evidence, and a threshold or aggregation proposal for a volatile series; when it proposes
 * nothing it says why.
 */
export function trialReview(kpi: AnalyzerKpi, points: Measurement[], minTrialPoints: number): TrialReview {
  const fields = kpi.fields
  const zh = writesChinese(kpi)
  const target = fields.target?.parsed ?? null
  const values = comparedSeries(points, target)
  const findings: Finding[] = []
  let remark: string | undefined
  if (values.length < minTrialPoints) {
    findings.push({
      rule: 'trial.more-data',
      title: say(zh, '试运行数据不足', 'not enough trial data'),
      note: {
        line: say(
          zh,
          `分析器：试运行数据不足（至少需要 ${minTrialPoints} 个周期），暂不调整目标，请继续收集。`,
          `Analyzer: not enough trial data (at least ${minTrialPoints} periods needed); keep collecting before changing the target.`
        ),
        rationale: say(
          zh,
          `目前只有 ${values.length} 个周期（需要 ${minTrialPoints} 个），不足以判断目标。`,
          `Only ${values.length} of ${minTrialPoints} periods so far: too few to judge the target.`
        )
      }
    })
  } else if (!target) {
    findings.push(suggestedTarget(fields, values, fields.direction, zh))
  } else {
    const evidence = trialEvidence(points, target, fields.direction)!
    const calibrated = calibration(fields, target, evidence, zh)
    if (calibrated.finding) findings.push(calibrated.finding, ...(calibrated.finding.patch ? adjustingStatus(fields, zh) : []))
    const volatile = volatilityFinding(fields, points, target, evidence, zh)
    if (volatile) findings.push(volatile)
    remark = calibrated.remark
  }
  const grouped = groupFindings(kpi, findings, { zh: '试运行复盘', en: 'Trial review' })
  return grouped ? { proposals: [grouped] } : { proposals: [], remark }
}
