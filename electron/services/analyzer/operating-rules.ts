import type { ParsedTarget } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import type { ProposalDraft } from '../../domain/proposal'
import { frequencyLabel, stageLabel } from '../export/kpi-text'
import { orientationOf } from './attainment'
import { duplicateProposals } from './duplicates'
import { groupFindings, say, type Finding } from './findings'
import { fmt, makeTarget, prefersChinese, targetText } from './format'
import { kpiHealth } from './health'
import { frequencyMs, isoDate, isoTime } from './periods'
import { adjustingStatus, retargetFinding } from './trial-rules'
import { baselineOf, comparedSeries } from './trial-stats'
import type { AnalyzerKpi } from './types'

export interface OperatingOptions {
  now: Date
  staleAfterPeriods: number
  recentPeriods: number
}

const ACTIVE_STAGES = new Set(['trial', 'launched', 'operating'])
const LAGGING_STAGES = new Set(['draft', 'feasibility'])

function staleProposals(kpi: AnalyzerKpi, series: Measurement[], options: OperatingOptions, zh: boolean): { finding: Finding; retire: ProposalDraft } | null {
  const frequency = kpi.fields.frequency ?? 'weekly'
  const last = series[series.length - 1]
  const since = last ? isoTime(last.periodEnd) : (kpi.launchedAt ?? null)
  const missed = since === null ? null : Math.floor((options.now.getTime() - since) / frequencyMs(frequency))
  if (missed !== null && missed < options.staleAfterPeriods) return null
  const assumed = kpi.fields.frequency ? '' : say(zh, '；未设置统计频率，按每周估算', ' (no frequency set; weekly assumed)')
  const periods = say(zh, `已错过 ${missed} 个统计周期（${frequencyLabel(frequency, 'zh-CN')}${assumed}）`, `${missed} ${frequency} periods missed${assumed}`)
  const what = last
    ? say(zh, `自 ${last.periodEnd} 起没有数值，${periods}`, `no value since ${last.periodEnd}: ${periods}`)
    : since !== null
      ? say(zh, `自 ${isoDate(since)} 上线以来没有数值，${periods}`, `no value since launch on ${isoDate(since)}: ${periods}`)
      : say(zh, '从未记录过数值', 'no value has ever been recorded')
  const { code, name } = kpi.fields
  return {
    finding: {
      rule: 'operating.stale',
      title: say(zh, '数据中断', 'stale'),
      note: {
        line: say(
          zh,
          '分析器：该指标长期没有数据，请修复数据源或公式，或将其退役。',
          'Analyzer: this KPI has stopped receiving data — fix its data source or formula, or retire it.'
        ),
        rationale: say(zh, `${code} ${what}。`, `${code} has ${what}.`)
      }
    },
    retire: {
      kind: 'retire',
      code,
      rationale: say(
        zh,
        `${code} ${name} ${what}；无人度量的指标无法支撑任何决策。`,
        `${code} ${name} has ${what}; a KPI nobody measures informs no decision.`
      ),
      rule: 'operating.stale-retire'
    }
  }
}

function isBetter(candidate: number, target: ParsedTarget, orientation: string): boolean {
  return orientation === 'higher' ? candidate > target.value : orientation === 'lower' ? candidate < target.value : false
}

function alwaysGreen(kpi: AnalyzerKpi, series: Measurement[], recentPeriods: number, zh: boolean): { findings: Finding[]; retire: ProposalDraft } | null {
  const target = kpi.fields.target?.parsed
  if (!target || series.length < recentPeriods + (target.change ? 1 : 0)) return null
  const start = series.length - recentPeriods
  for (let i = start; i < series.length; i++) {
    const health = kpiHealth(kpi.fields, series[i]!.value, series[i - 1]?.value)
    if (health.level !== 'green' || (health.attainment !== null && health.attainment < 1)) return null
  }
  const values = comparedSeries(series.slice(target.change ? start - 1 : start), target)
  const orientation = orientationOf(target, kpi.fields.direction)
  const baseline = baselineOf(values, orientation)
  const valueSpan = `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`
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
            `${code} ${span}，已经说明不了什么。建议把基线调到 ${raised.text}（4 个周期中有 3 个能保持的水平），或将其退役。`,
            `${code} was ${span}: it no longer tells anything. Re-baseline to ${raised.text} (the level kept in 3 periods out of 4), or retire it.`
          )
        }
      },
      ...adjustingStatus(kpi.fields, zh)
    )
  }
  const retire = say(zh, `${code} ${name} ${span}；如果没有决策依赖它，建议退役。`, `${code} ${name} was ${span}; retire it if no decision depends on it.`)
  return { findings, retire: { kind: 'retire', code, rationale: retire, rule: 'operating.always-green-retire' } }
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

/** Operating review; pass the whole board so that KPIs left behind in draft or feasibility are found. */
export function operatingProposals(kpis: AnalyzerKpi[], measurements: Map<number, Measurement[]>, options: OperatingOptions): ProposalDraft[] {
  const live = kpis.filter((kpi) => kpi.fields.stage !== 'retired')
  const advanced = live.filter((kpi) => kpi.fields.stage === 'launched' || kpi.fields.stage === 'operating').length
  const boardAhead = live.length > 1 && advanced * 2 >= live.length
  const active = live.filter((kpi) => ACTIVE_STAGES.has(kpi.fields.stage))
  const proposals: ProposalDraft[] = []

  for (const kpi of live) {
    const zh = prefersChinese(kpi.fields.name, kpi.fields.description)
    const findings: Finding[] = []
    const retires: ProposalDraft[] = []
    if (LAGGING_STAGES.has(kpi.fields.stage)) {
      if (boardAhead) findings.push(laggingFinding(kpi, advanced, live.length, zh))
    } else {
      const series = measurements.get(kpi.id) ?? []
      const stale = staleProposals(kpi, series, options, zh)
      const green = stale ? null : alwaysGreen(kpi, series, options.recentPeriods, zh)
      if (stale) {
        findings.push(stale.finding)
        retires.push(stale.retire)
      } else if (green) {
        findings.push(...green.findings)
        retires.push(green.retire)
      } else if (kpi.fields.target?.parsed && series.length >= options.recentPeriods) {
        const target = kpi.fields.target.parsed
        const recent = series.slice(-options.recentPeriods - (target.change ? 1 : 0))
        const retarget = retargetFinding(kpi.fields, comparedSeries(recent, target), target, 'operating', false, zh)
        if (retarget) findings.push(retarget, ...adjustingStatus(kpi.fields, zh))
      }
    }
    const grouped = groupFindings(kpi, findings, { zh: '运营复盘', en: 'Operating review' })
    if (grouped) proposals.push(grouped)
    proposals.push(...retires)
  }
  proposals.push(...duplicateProposals(active, measurements))
  return proposals
}
