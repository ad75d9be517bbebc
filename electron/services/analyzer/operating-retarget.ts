import type { Measurement } from '../../domain/measurement'
import type { Finding } from './findings'
import { calibration, volatilityFinding } from './trial-calibration'
import { trialEvidence } from './trial-evidence'
import { adjustingStatus } from './trial-rules'
import type { AnalyzerKpi } from './types'

export interface OperatingRetarget {
  findings: Finding[]
  /** Why no target change is proposed, in the review's language, when none is. */
  remark?: string
}

/**
 * Re-targeting in the operating review, graded as the trial grades it (median attainment over at least 4
 * periods, trend, spread) but over the review window: the last `windowPeriods` values (one more for a
 * change-rate target, which compares each period with the one before).
 */
export function operatingRetarget(kpi: AnalyzerKpi, series: Measurement[], windowPeriods: number, zh: boolean): OperatingRetarget {
  const target = kpi.fields.target?.parsed
  if (!target) return { findings: [] }
  const window = series.slice(-windowPeriods - (target.change ? 1 : 0))
  const evidence = trialEvidence(window, target, kpi.fields.direction)
  if (!evidence) return { findings: [] }
  const calibrated = calibration(kpi.fields, target, evidence, zh, 'operating')
  const findings: Finding[] = []
  if (calibrated.finding) findings.push(calibrated.finding, ...(calibrated.finding.patch ? adjustingStatus(kpi.fields, zh) : []))
  const volatile = volatilityFinding(kpi.fields, window, target, evidence, zh, 'operating')
  if (volatile) findings.push(volatile)
  return findings.length > 0 ? { findings } : { findings, remark: calibrated.remark }
}
