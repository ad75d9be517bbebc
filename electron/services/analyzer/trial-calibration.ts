import { chunk, mean } from 'simple-statistics'
import type { AlertThresholds, Frequency, KpiFields, ParsedTarget } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import { frequencyLabel } from '../export/kpi-text'
import { DEFAULT_RED_RATIO, DEFAULT_YELLOW_RATIO, meetsTarget, rangeBounds } from './attainment'
import { say, type Finding } from './findings'
import { fmtPercent, makeTarget, roundNice, spanText, targetText, withUnit } from './format'
import { MIN_CALIBRATION_PERIODS, robustCv, VOLATILE_CV, type TrialEvidence } from './trial-evidence'
import { comparedSeries } from './trial-stats'

/** Above this spread, wider thresholds would make the light meaningless: judge a coarser period instead. */
export const AGGREGATE_CV = 0.5

const signed = (value: number, unit: string | null) => `${value > 0 ? '+' : ''}${withUnit(value, unit)}`
const percentOf = (ratio: number | null) => (ratio !== null && !Number.isFinite(ratio) ? '∞' : fmtPercent(ratio))
const r2Text = (r2: number) => r2.toFixed(2)

/** The evidence sentence every trial text cites: periods, median, share on target, trend, spread. */
export function evidenceText(e: TrialEvidence, unit: string | null, hasTarget: boolean, zh: boolean): string {
  const parts: string[] = []
  parts.push(
    say(
      zh,
      `${e.firstPeriod} 至 ${e.lastPeriod} 共 ${e.periods} 个周期，中位数 ${withUnit(e.median, unit)}`,
      `${e.periods} periods from ${e.firstPeriod} to ${e.lastPeriod}, median ${withUnit(e.median, unit)}`
    )
  )
  if (hasTarget && e.medianAttainment !== null) {
    parts.push(
      say(
        zh,
        `中位达成率 ${percentOf(e.medianAttainment)}，${e.periods} 个周期中有 ${e.onTarget} 个在目标 ±10% 以内`,
        `median attainment ${percentOf(e.medianAttainment)}, within ±10% of the target in ${e.onTarget} of ${e.periods} periods`
      )
    )
  }
  if (e.trend) {
    parts.push(
      e.trend.significant
        ? say(
            zh,
            `趋势每周期 ${signed(roundNice(e.trend.slope), unit)}（R² ${r2Text(e.trend.r2)}）`,
            `trend ${signed(roundNice(e.trend.slope), unit)} per period (R² ${r2Text(e.trend.r2)})`
          )
        : say(zh, `无明显趋势（R² ${r2Text(e.trend.r2)}）`, `no clear trend (R² ${r2Text(e.trend.r2)})`)
    )
  }
  const spread = spanText(e.p25, e.p75, unit)
  parts.push(say(zh, `波动：P25–P75 ${spread}，稳健变异系数 ${percentOf(e.cv)}`, `spread: P25–P75 ${spread}, robust CV ${percentOf(e.cv)}`))
  return parts.join(zh ? '；' : '; ')
}

/** How the suggested target was found: a quantile as a stretch (missed targets) or as a level kept (beaten ones). */
type Method = 'stretch' | 'kept' | 'trend' | 'median'

/**
 * Where the evidence comes from: the trial's periods, or the operating review's window. The grading is the
 * same; the rule ids and the words naming the series differ.
 */
export type CalibrationScope = 'trial' | 'operating'

const SERIES_NAME: Record<CalibrationScope, { zh: string; en: string }> = {
  trial: { zh: '试运行', en: "the trial's" },
  operating: { zh: '复盘窗口', en: "the review window's" }
}

/** "the period from 2026-01-01", or "the end of the target's window (2026-05-01)". */
function horizonText(e: TrialEvidence, zh: boolean): string {
  return e.horizon.deadline
    ? say(zh, `目标期限截止时（${e.horizon.at}，自 ${e.firstPeriod} 起算）`, `the end of the target's window (${e.horizon.at}, counted from ${e.firstPeriod})`)
    : say(zh, ` ${e.horizon.at} 起的周期`, `the period from ${e.horizon.at}`)
}

function methodText(method: Method, e: TrialEvidence, zh: boolean, scope: CalibrationScope): string {
  const higher = e.orientation === 'higher'
  const { zh: of, en: ofEn } = SERIES_NAME[scope]
  switch (method) {
    case 'stretch':
      return higher
        ? say(zh, `${of}的 P75：四分之一表现最好的周期达到的水平，团队已证明能做到`, `${ofEn} P75: the level its best quarter of periods reached`)
        : say(zh, `${of}的 P25：四分之一表现最好的周期保持的水平，团队已证明能做到`, `${ofEn} P25: the level its best quarter of periods kept`)
    case 'kept':
      return higher
        ? say(zh, `${of}的 P25：4 个周期中有 3 个能达到`, `${ofEn} P25: reached in 3 periods out of 4`)
        : say(zh, `${of}的 P75：4 个周期中有 3 个能保持`, `${ofEn} P75: kept in 3 periods out of 4`)
    case 'trend':
      return say(zh, `按趋势外推到${horizonText(e, true)}`, `the trend extrapolated to ${horizonText(e, false)}`)
    case 'median':
      return say(zh, `以${of}的中位数为中心，宽度不变`, `centred on ${ofEn} median, same width`)
  }
}

const GRADE_TITLE = {
  'far-under': { zh: '目标远未达到', en: 'target far out of reach' },
  under: { zh: '目标持续未达成', en: 'target consistently missed' },
  over: { zh: '目标持续超额', en: 'target consistently beaten' },
  'far-over': { zh: '目标过于宽松', en: 'target too easy' }
} as const

const GRADE_VERDICT = {
  'far-under': { zh: '远未达到（中位达成率低于 70%）', en: 'missed by far (median attainment below 70%)' },
  under: { zh: '持续未达成（中位达成率低于 90%）', en: 'consistently missed (median attainment below 90%)' },
  over: { zh: '持续超额（中位达成率高于 115%）', en: 'consistently beaten (median attainment above 115%)' },
  'far-over': { zh: '大幅超额（中位达成率高于 150%）', en: 'beaten by far (median attainment above 150%)' }
} as const

export type TrialOutcome = { finding: Finding; remark?: undefined } | { finding?: undefined; remark: string }

/**
 * A calibration of the target from the trial's evidence, or the reason there is none. Missed: the trend
 * extrapolated to the next period when it improves clearly, else what the trial's best quarter reached (P75,
 * or P25 when lower is better), so the new target stretches without being out of reach. Beaten: the level
 * kept in 3 periods out of 4 (P25, or P75 when lower is better), unless a clear decline is eating the margin.
 */
export function calibration(fields: KpiFields, target: ParsedTarget, e: TrialEvidence, zh: boolean, scope: CalibrationScope = 'trial'): TrialOutcome {
  const unit = target.unit ?? (fields.unit.trim() || null)
  const evidence = evidenceText(e, unit, true, zh)
  const nothing = (en: string, cn: string): TrialOutcome => ({
    remark: say(zh, `${fields.code}：无需调整——${cn}（${evidence}）。`, `${fields.code}: nothing to propose — ${en} (${evidence}).`)
  })
  if (e.periods < MIN_CALIBRATION_PERIODS) {
    return nothing(
      `only ${e.periods} periods; a calibration needs at least ${MIN_CALIBRATION_PERIODS}`,
      `只有 ${e.periods} 个周期，校准至少需要 ${MIN_CALIBRATION_PERIODS} 个`
    )
  }
  if (e.grade === null) return nothing('attainment has no meaning for this target', '该目标无法计算达成率')
  if (e.grade === 'on-target' && e.trend?.significant && !e.trend.improving && e.orientation !== 'range') {
    // On target today, but heading away from it: worth a look before the target is locked.
    const next = roundNice(e.trend.next)
    const verdict = meetsTarget(e.trend.next, target, e.orientation)
      ? say(zh, '仍能达标', 'still meeting the target')
      : say(zh, '将不再达标', 'missing the target')
    return {
      finding: {
        rule: `${scope}.trend`,
        title: say(zh, '趋势走弱', 'worsening trend'),
        note: {
          line:
            scope === 'trial'
              ? say(
                  zh,
                  '分析器：试运行期间数值持续走弱，锁定目标前请查明原因。',
                  'Analyzer: the values worsened steadily during the trial — find out why before locking the target.'
                )
              : say(
                  zh,
                  '分析器：复盘窗口内数值持续走弱，请在下个周期前查明原因。',
                  'Analyzer: the values worsened steadily over the review window — find out why before the next cycle.'
                ),
          rationale: say(
            zh,
            `${fields.code} 目前在目标附近，但按趋势到${horizonText(e, true)}约为 ${withUnit(next, unit)}，${verdict}（${evidence}）。`,
            `${fields.code} is near its target, but the trend puts ${horizonText(e, false)} at about ${withUnit(next, unit)}, ${verdict} (${evidence}).`
          )
        }
      }
    }
  }
  if (e.grade === 'on-target') {
    const onTarget = e.onTarget * 2 > e.periods
    return nothing(
      onTarget
        ? `within ±10% of the target in ${e.onTarget} of ${e.periods} periods`
        : `the median attainment ${percentOf(e.medianAttainment)} is within 90%–115% of the target`,
      onTarget ? `${e.periods} 个周期中有 ${e.onTarget} 个在目标 ±10% 以内` : `中位达成率 ${percentOf(e.medianAttainment)} 在目标的 90%–115% 之间`
    )
  }
  const under = e.grade === 'under' || e.grade === 'far-under'
  const trend = e.trend?.significant ? e.trend : null
  let method: Method
  let proposed: ParsedTarget
  if (e.orientation === 'range') {
    const { low, high } = rangeBounds(target)
    const centre = roundNice(e.median)
    method = 'median'
    proposed =
      target.comparator === 'between'
        ? { ...target, value: roundNice(centre - (high - low) / 2), upper: roundNice(centre + (high - low) / 2) }
        : { ...target, value: centre }
  } else {
    if (under && trend?.improving && meetsTarget(trend.next, target, e.orientation)) {
      return nothing(
        `below the target but improving by ${signed(roundNice(trend.slope), unit)} per period; the trend reaches it by ${horizonText(e, false)}`,
        `低于目标，但每周期改善 ${signed(roundNice(trend.slope), unit)}，按趋势到${horizonText(e, true)}即可达到`
      )
    }
    if (!under && trend && !trend.improving) {
      return nothing(
        `above the target but moving ${signed(roundNice(trend.slope), unit)} per period towards it; see the next cycle before raising it`,
        `高于目标，但每周期向目标回落 ${signed(roundNice(trend.slope), unit)}，提高目标前请再看一个周期`
      )
    }
    method = under && trend?.improving ? 'trend' : under ? 'stretch' : 'kept'
    // A missed target moves to what the best quarter of the trial reached; a beaten one to what 3 periods in 4 kept.
    const upper = (method === 'stretch') === (e.orientation === 'higher')
    const value = roundNice(method === 'trend' ? trend!.next : upper ? e.p75 : e.p25)
    const moves = under ? !meetsTarget(value, target, e.orientation) : meetsTarget(value, target, e.orientation) && value !== target.value
    if (!moves || value <= 0) {
      return nothing(
        `${methodText(method, e, false, scope)} (${withUnit(value, unit)}) would not move the target the right way`,
        `${methodText(method, e, true, scope)}（${withUnit(value, unit)}）不会让目标朝正确方向调整`
      )
    }
    proposed = { ...target, value }
  }
  const grade = e.grade
  const moved = makeTarget(proposed, zh)
  const move = under
    ? e.orientation === 'range'
      ? say(zh, '建议将区间移到', 'Move')
      : say(zh, '建议放宽到', 'Lower the bar')
    : e.orientation === 'higher'
      ? say(zh, '建议提高到', 'Raise')
      : say(zh, '建议收紧到', 'Tighten')
  const from = targetText(target, zh)
  return {
    finding: {
      rule: `${scope}.${under ? 'underachieved' : 'overachieved'}`,
      title: say(zh, GRADE_TITLE[grade].zh, GRADE_TITLE[grade].en),
      patch: {
        field: 'target',
        value: moved,
        rationale: say(
          zh,
          `${from} ${GRADE_VERDICT[grade].zh}：${evidence}。${move} ${moved.text}（方法：${methodText(method, e, true, scope)}）。`,
          `${from} was ${GRADE_VERDICT[grade].en}: ${evidence}. ${move} to ${moved.text} (method: ${methodText(method, e, false, scope)}).`
        )
      }
    }
  }
}

// The coarser period a volatile series can be judged on, and how many of its periods make one.
const COARSER: Partial<Record<Frequency, { to: Frequency; size: number }>> = {
  daily: { to: 'weekly', size: 7 },
  weekly: { to: 'monthly', size: 4 },
  monthly: { to: 'quarterly', size: 3 }
}

function coarserSpread(values: number[], size: number): number | null {
  const groups = chunk(values, size).filter((group) => group.length === size)
  return groups.length < 2 ? null : robustCv(groups.map((group) => mean(group)))
}

function thresholdsText(orientation: string, red: number, yellow: number, redValue: number | null | undefined, unit: string | null, zh: boolean): string {
  const redPart =
    redValue !== null && redValue !== undefined
      ? say(
          zh,
          `红：${orientation === 'lower' ? '高于' : '低于'} ${withUnit(redValue, unit)}`,
          `red ${orientation === 'lower' ? 'above' : 'below'} ${withUnit(redValue, unit)}`
        )
      : null
  if (orientation === 'range') {
    return say(zh, `黄：超出区间；红：超出区间宽度的 ${fmtPercent(1 - red)} 以上`, `yellow outside the range, red beyond ${fmtPercent(1 - red)} of its width`)
  }
  if (orientation === 'lower') {
    const text = say(
      zh,
      `红：高于目标的 ${fmtPercent(1 / red)}；黄：高于 ${fmtPercent(1 / yellow)}`,
      `red above ${fmtPercent(1 / red)} of target, yellow above ${fmtPercent(1 / yellow)}`
    )
    return redPart ? say(zh, `${redPart}；黄：高于目标的 ${fmtPercent(1 / yellow)}`, `${redPart}, yellow above ${fmtPercent(1 / yellow)} of target`) : text
  }
  const text = say(
    zh,
    `红：低于目标的 ${fmtPercent(red)}；黄：低于 ${fmtPercent(yellow)}`,
    `red below ${fmtPercent(red)} of target, yellow below ${fmtPercent(yellow)}`
  )
  return redPart ? say(zh, `${redPart}；黄：低于目标的 ${fmtPercent(yellow)}`, `${redPart}, yellow below ${fmtPercent(yellow)} of target`) : text
}

/**
 * A series whose spread would flip the light on noise: judged on a coarser period when averaging over it
 * calms the series (very volatile), else wider thresholds sized on the spread. Null when it is not volatile
 * or the thresholds are already that wide.
 */
export function volatilityFinding(
  fields: KpiFields,
  points: Measurement[],
  target: ParsedTarget | null,
  e: TrialEvidence,
  zh: boolean,
  scope: CalibrationScope = 'trial'
): Finding | null {
  if (e.cv === null || e.cv <= VOLATILE_CV || e.periods < MIN_CALIBRATION_PERIODS) return null
  const unit = target?.unit ?? (fields.unit.trim() || null)
  const why = say(
    zh,
    `数值波动大：${evidenceText(e, unit, target !== null, true)}；范围 ${spanText(e.min, e.max, unit)}，红黄绿会随噪声来回跳动。`,
    `Values swing widely: ${evidenceText(e, unit, target !== null, false)}; range ${spanText(e.min, e.max, unit)}, so the light would flip on noise alone.`
  )
  const title = say(zh, '数值波动大', 'unstable values')
  const coarser = fields.frequency ? COARSER[fields.frequency] : undefined
  const calmer = coarser && e.cv > AGGREGATE_CV ? coarserSpread(comparedSeries(points, target), coarser.size) : null
  if (coarser && calmer !== null && calmer < e.cv) {
    const label = frequencyLabel(coarser.to, zh ? 'zh-CN' : 'en')
    return {
      rule: `${scope}.volatile`,
      title,
      patch: {
        field: 'frequency',
        value: coarser.to,
        rationale: say(
          zh,
          `${why}建议改为${label}汇总后再判断：按每 ${coarser.size} 个周期汇总，稳健变异系数降到 ${fmtPercent(calmer)}。`,
          `${why} Judge it ${coarser.to} instead: aggregated over ${coarser.size} periods the robust CV falls to ${fmtPercent(calmer)}.`
        )
      }
    }
  }
  const current = fields.alertThresholds
  // Whole percents: a threshold is read by people, not compared to four digits.
  const yellow = Math.round(Math.max(0.6, 1 - e.cv) * 100) / 100
  const red = Math.round(Math.min(yellow - 0.1, Math.max(0.4, 1 - 2 * e.cv)) * 100) / 100
  if (yellow >= (current?.yellowRatio ?? DEFAULT_YELLOW_RATIO) && red >= (current?.redRatio ?? DEFAULT_RED_RATIO)) return null
  const orientation = e.orientation
  const value: AlertThresholds = {
    text: thresholdsText(orientation, red, yellow, current?.redValue, unit, zh),
    redRatio: red,
    yellowRatio: yellow,
    redValue: current?.redValue ?? null,
    rules: current?.rules ?? []
  }
  return {
    rule: `${scope}.volatile`,
    title,
    patch: {
      field: 'alertThresholds',
      value,
      rationale: say(
        zh,
        `${why}建议放宽预警阈值，使常见波动不再报红（${value.text}；按稳健变异系数确定：黄 = 1 − CV，红 = 1 − 2·CV）。`,
        `${why} Widen the thresholds so that the usual swing is not red (${value.text}; sized on the spread: yellow at 1 − CV, red at 1 − 2·CV).`
      )
    }
  }
}
