import type { ChangeRule, KpiFields } from '../../domain/kpi'
import type { Measurement } from '../../domain/measurement'
import { isoTime, stepBack } from './periods'

export interface RuleBreach {
  rule: ChangeRule
  /** Signed percent change from `previous` to `current`. */
  change: number
  current: Measurement
  previous: Measurement
}

/** The point one rule period before the latest: the previous point, or the one starting a day/week/month earlier. */
function comparisonPoint(series: Measurement[], rule: ChangeRule): Measurement | null {
  const latest = series[series.length - 1]!
  if (rule.period === 'period') return series[series.length - 2] ?? null
  const latestTime = isoTime(latest.periodStart)
  const wanted = stepBack(latestTime, rule.period)
  const tolerance = latestTime - wanted
  for (let i = series.length - 2; i >= 0; i--) {
    const time = isoTime(series[i]!.periodStart)
    if (time > wanted) continue
    return wanted - time < tolerance ? series[i]! : null
  }
  return null
}

/** Change rules (e.g. "P2 when week-over-week drop > 20%") broken by the latest value of a series sorted by periodStart. */
export function ruleBreaches(fields: KpiFields, series: Measurement[]): RuleBreach[] {
  const rules = fields.alertThresholds?.rules ?? []
  if (rules.length === 0 || series.length < 2) return []
  const current = series[series.length - 1]!
  const breaches: RuleBreach[] = []
  for (const rule of rules) {
    const previous = comparisonPoint(series, rule)
    if (!previous || previous.value === 0) continue
    const change = ((current.value - previous.value) / Math.abs(previous.value)) * 100
    const broken = rule.direction === 'drop' ? change < -rule.percent : change > rule.percent
    if (broken) breaches.push({ rule, change, current, previous })
  }
  return breaches
}
