import type { ParsedTarget } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import type { ProposalDraft } from '../../domain/proposal'
import { frequencyLabel, stageLabel } from '../export/kpi-text'
import { orientationOf } from './attainment'
import { duplicateProposals } from './duplicates'
import { groupFindings, say, type Finding } from './findings'
import { durationText, fmtPercent, makeTarget, spanText, writesChinese, targetText, withUnit } from './format'
import { isManualSource } from './gates'
import { kpiHealth } from './health'
import { isoDate, isoTime } from './periods'
import { freshnessOf, intervalsSince } from '../../domain/freshness'
import { bucketMinutes } from '../../domain/buckets'
import { adjustingStatus } from './trial-rules'
import { operatingRetarget } from './operating-retarget'
import type { ReviewRemark } from '../../domain/assistant-views'
import { baselineOf, comparedSeries } from './trial-stats'
import type { AnalyzerKpi } from './types'

export interface OperatingOptions {
  now: Date
  staleAfterPeriods: number
  recentPeriods: number
}

const ACTIVE_STAGES = new Set(['trial', 'launched', 'operating'])
const YEAR_MS = 365 * 86_400_000
/** A series starting up to this long after "a year ago" still counts as a year (month lengths, a late first pull). */
const frequencyGraceMs = 31 * 86_400_000
/** Recent values within this share of their level: flat. */
export const FLAT_SHARE = 0.01
const LAGGING_STAGES = new Set(['draft', 'feasibility'])

/**
 * A KPI without a value for `staleAfterPeriods` periods (real-time and hourly: 2 buckets, the board's rule in
 * domain/freshness.ts). Its own finding, never a reason to retire: data missing because a schedule did not run
 * (or failed) says nothing about whether the KPI still matters.
 */
function staleFinding(kpi: AnalyzerKpi, series: Measurement[], options: OperatingOptions, zh: boolean): Finding | null {
  const frequency = kpi.fields.frequency ?? 'weekly'
  const last = series[series.length - 1]
  const freshness = freshnessOf(frequency, last?.periodEnd ?? null, kpi.realtimeMinutes, options.staleAfterPeriods)
  const since = freshness.lastDataAt ?? kpi.launchedAt ?? null
  const missed = since === null ? null : intervalsSince(freshness, since, options.now.getTime())
  if (missed !== null && missed < freshness.staleAfter) return null
  const assumed = kpi.fields.frequency ? '' : say(zh, '；未设置统计频率，按每周估算', ' (no frequency set; weekly assumed)')
  const minutes = bucketMinutes(frequency, kpi.realtimeMinutes)
  const gap = since === null ? '' : durationText(options.now.getTime() - since, zh)
  const periods = minutes
    ? say(
        zh,
        `已有 ${gap}没有数值（${frequencyLabel(frequency, 'zh-CN')}指标每 ${minutes} 分钟一个值，缺 ${freshness.staleAfter} 个即为中断）`,
        `${gap} without a value (${frequency === 'hourly' ? 'an hourly' : 'a real-time'} KPI has one value every ${minutes} min and is stale after ${freshness.staleAfter} missing)`
      )
    : say(zh, `已错过 ${missed} 个统计周期（${frequencyLabel(frequency, 'zh-CN')}${assumed}）`, `${missed} ${frequency} periods missed${assumed}`)
  const what = last
    ? say(zh, `自 ${last.periodEnd} 起没有数值，${periods}`, `no value since ${last.periodEnd}: ${periods}`)
    : since !== null
      ? say(zh, `自 ${isoDate(since)} 上线以来没有数值，${periods}`, `no value since launch on ${isoDate(since)}: ${periods}`)
      : say(zh, '从未记录过数值', 'no value has ever been recorded')
  const scheduled = kpi.fields.formula.trim() !== '' && kpi.fields.dataSource.trim() !== '' && !isManualSource(kpi.fields.dataSource)
  const failure = kpi.pullFailure
  const label = frequencyLabel(frequency, zh ? 'zh-CN' : 'en').toLowerCase()
  let cause: string
  let line: string
  if (scheduled && failure) {
    cause = say(
      zh,
      `按计划应${label}拉取，但最近 ${failure.failures} 次计划拉取均失败（${failure.errorCode}：${failure.message}）`,
      `the schedule pulls it ${label}, but its last ${failure.failures} scheduled pull(s) failed (${failure.errorCode}: ${failure.message})`
    )
    line = say(zh, '分析器：计划拉取持续失败，请修复公式或数据源。', 'Analyzer: the scheduled pull keeps failing — fix the formula or the data source.')
  } else if (scheduled) {
    cause = say(
      zh,
      `按计划应${label}从 ${kpi.fields.dataSource} 拉取，但没有计划拉取存下数值：请确认应用在运行，或 cron 在执行 kpiloop actuals pull --due`,
      `the schedule pulls it ${label} from ${kpi.fields.dataSource}, yet no scheduled pull stored a value: check that the app runs or that cron runs kpiloop actuals pull --due`
    )
    line = say(
      zh,
      '分析器：计划拉取没有运行，请保持应用运行或用 cron 执行 kpiloop actuals pull --due。',
      'Analyzer: the scheduled pull did not run — keep the app open or run kpiloop actuals pull --due from cron.'
    )
  } else {
    cause = say(zh, '该指标需手工录入，但没有人录入数值', 'it is entered by hand and nobody has entered a value')
    line = say(
      zh,
      '分析器：该指标需手工录入，已长期没有录入，请指定录入人或连接数据源。',
      'Analyzer: nobody has entered this KPI for a while — name who enters it, or connect a data source.'
    )
  }
  return {
    rule: 'operating.stale',
    title: say(zh, '数据中断', 'stale'),
    note: { line, rationale: say(zh, `${kpi.fields.code} ${what}；${cause}。`, `${kpi.fields.code} has ${what}; ${cause}.`) }
  }
}

function isBetter(candidate: number, target: ParsedTarget, orientation: string): boolean {
  return orientation === 'higher' ? candidate > target.value : orientation === 'lower' ? candidate < target.value : false
}

/** Periods overlapping the last year; null when the series does not reach a year back. */
function lastYear(series: Measurement[], now: Date): Measurement[] | null {
  const from = now.getTime() - YEAR_MS
  if (series.length === 0 || isoTime(series[0]!.periodStart) > from + frequencyGraceMs) return null
  return series.filter((point) => isoTime(point.periodEnd) > from)
}

function allGreen(kpi: AnalyzerKpi, series: Measurement[], start: number): boolean {
  for (let i = start; i < series.length; i++) {
    const health = kpiHealth(kpi.fields, series[i]!.value, series[i - 1]?.value)
    if (health.level !== 'green' || (health.attainment !== null && health.attainment < 1)) return false
  }
  return true
}

/**
 * Green and on target in each recent period: re-baseline to the level kept in 3 periods out of 4.
 * Retirement is proposed only when that held for a whole year: a few good months prove nothing.
 */
function alwaysGreen(
  kpi: AnalyzerKpi,
  series: Measurement[],
  options: OperatingOptions,
  zh: boolean
): { findings: Finding[]; retire: ProposalDraft | null } | null {
  const target = kpi.fields.target?.parsed
  const { recentPeriods } = options
  if (!target || series.length < recentPeriods + (target.change ? 1 : 0)) return null
  const start = series.length - recentPeriods
  if (!allGreen(kpi, series, start)) return null
  const values = comparedSeries(series.slice(target.change ? start - 1 : start), target)
  const orientation = orientationOf(target, kpi.fields.direction)
  const baseline = baselineOf(values, orientation)
  const unit = target.unit ?? (kpi.fields.unit.trim() || null)
  const valueSpan = spanText(Math.min(...values), Math.max(...values), unit)
  const span = say(
    zh,
    `最近 ${recentPeriods} 个周期全部为绿（数值 ${valueSpan}，目标 ${targetText(target, zh)}）`,
    `green in each of the last ${recentPeriods} periods (values ${valueSpan} against ${targetText(target, zh)})`
  )
  const { code, name } = kpi.fields
  const findings: Finding[] = []
  if (baseline !== null && isBetter(baseline, target, orientation)) {
    const raised = makeTarget({ ...target, value: baseline }, zh)
    findings.push(
      {
        rule: 'operating.always-green',
        title: say(zh, '长期全绿', 'always green'),
        patch: {
          field: 'target',
          value: raised,
          rationale: say(
            zh,
            `${code} ${span}，已经说明不了什么。建议把基线调到 ${raised.text}（4 个周期中有 3 个能保持的水平）。`,
            `${code} was ${span}: it no longer tells anything. Re-baseline to ${raised.text} (the level kept in 3 periods out of 4).`
          )
        }
      },
      ...adjustingStatus(kpi.fields, zh)
    )
  }
  const year = lastYear(series, options.now)
  const yearStart = year ? series.length - year.length : -1
  if (!year || year.length < recentPeriods || !allGreen(kpi, series, Math.max(yearStart, target.change ? 1 : 0))) return { findings, retire: null }
  const yearValues = year.map((point) => point.value)
  const rationale = say(
    zh,
    `${code} ${name} 自 ${year[0]!.periodStart} 起一整年的 ${year.length} 个周期全部为绿（数值 ${spanText(Math.min(...yearValues), Math.max(...yearValues), unit)}，目标 ${targetText(target, zh)}）；如果没有决策依赖它，建议退役。`,
    `${code} ${name} was green in all ${year.length} periods of a whole year since ${year[0]!.periodStart} (values ${spanText(Math.min(...yearValues), Math.max(...yearValues), unit)} against ${targetText(target, zh)}); retire it if no decision depends on it.`
  )
  return { findings, retire: { kind: 'retire', code, rationale, rule: 'operating.always-green-retire' } }
}

/** A value that has not moved for a year tells nothing new: retire it, or replace it with a measure that moves. */
function flatRetire(kpi: AnalyzerKpi, series: Measurement[], options: OperatingOptions, zh: boolean): ProposalDraft | null {
  const year = lastYear(series, options.now)
  if (!year || year.length < options.recentPeriods) return null
  const recent = year.map((point) => point.value)
  const low = Math.min(...recent)
  const high = Math.max(...recent)
  const scale = Math.max(Math.abs(low), Math.abs(high))
  if (high - low > FLAT_SHARE * scale) return null
  const { code, name } = kpi.fields
  const unit = kpi.fields.target?.parsed?.unit ?? (kpi.fields.unit.trim() || null)
  const level = low === high ? withUnit(low, unit) : spanText(low, high, unit)
  return {
    kind: 'retire',
    code,
    rationale: say(
      zh,
      `${code} ${name} 自 ${year[0]!.periodStart} 起一整年的 ${year.length} 个周期几乎没有变化（${level}，波动不到 ${fmtPercent(FLAT_SHARE)}），不再提供新信息；建议退役，或换成更敏感的指标。`,
      `${code} ${name} has not moved in the ${year.length} periods of a whole year since ${year[0]!.periodStart} (${level}, within ${fmtPercent(FLAT_SHARE)}): it tells nothing new. Retire it, or replace it with a measure that moves.`
    ),
    rule: 'operating.flat'
  }
}

function laggingFinding(kpi: AnalyzerKpi, advanced: number, total: number, zh: boolean): Finding {
  const stage = kpi.fields.stage
  const stageZh = stageLabel(stage, 'zh-CN')
  return {
    rule: 'operating.lagging-stage',
    title: say(zh, '落后于看板进度', 'behind the board'),
    note: {
      line: say(
        zh,
        `分析器：看板上其他指标已上线或运营，此指标仍处于${stageZh}阶段，请推进或退役。`,
        `Analyzer: the rest of the board is launched or operating while this KPI is still in ${stage} — move it forward or retire it.`
      ),
      rationale: say(
        zh,
        `看板上 ${total} 个指标中已有 ${advanced} 个上线或运营，${kpi.fields.code} 仍处于${stageZh}阶段。`,
        `${advanced} of ${total} KPIs on the board are launched or operating; ${kpi.fields.code} is still in ${stage}.`
      )
    }
  }
}

/**
 * Operating review; pass the whole board so that KPIs left behind in draft or feasibility are found. A KPI
 * with a target and no proposal gets a remark saying why its target stays.
 */
export function operatingProposals(
  kpis: AnalyzerKpi[],
  measurements: Map<number, Measurement[]>,
  options: OperatingOptions
): { proposals: ProposalDraft[]; remarks: ReviewRemark[] } {
  const live = kpis.filter((kpi) => kpi.fields.stage !== 'retired')
  const advanced = live.filter((kpi) => kpi.fields.stage === 'launched' || kpi.fields.stage === 'operating').length
  const boardAhead = live.length > 1 && advanced * 2 >= live.length
  const active = live.filter((kpi) => ACTIVE_STAGES.has(kpi.fields.stage))
  const proposals: ProposalDraft[] = []
  const remarks: ReviewRemark[] = []

  for (const kpi of live) {
    const zh = writesChinese(kpi)
    const findings: Finding[] = []
    const retires: ProposalDraft[] = []
    if (LAGGING_STAGES.has(kpi.fields.stage)) {
      if (boardAhead) findings.push(laggingFinding(kpi, advanced, live.length, zh))
    } else {
      const series = measurements.get(kpi.id) ?? []
      const stale = staleFinding(kpi, series, options, zh)
      const green = stale ? null : alwaysGreen(kpi, series, options, zh)
      const flat = stale || green?.retire ? null : flatRetire(kpi, series, options, zh)
      if (flat) retires.push(flat)
      if (stale) {
        findings.push(stale)
      } else if (green) {
        findings.push(...green.findings)
        if (green.retire) retires.push(green.retire)
      } else {
        const retarget = operatingRetarget(kpi, series, options.recentPeriods, zh)
        findings.push(...retarget.findings)
        if (retarget.remark && !flat) remarks.push({ code: kpi.fields.code, text: retarget.remark })
      }
    }
    const grouped = groupFindings(kpi, findings, { zh: '运营复盘', en: 'Operating review' })
    if (grouped) proposals.push(grouped)
    proposals.push(...retires)
  }
  proposals.push(...duplicateProposals(active, measurements))
  const proposed = new Set(proposals.map((proposal) => (proposal.kind === 'add' ? proposal.fields.code : proposal.code)))
  return { proposals, remarks: remarks.filter((remark) => !proposed.has(remark.code)) }
}
