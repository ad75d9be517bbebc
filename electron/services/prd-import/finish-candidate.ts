import { alertThresholdsSchema, kpiFieldsSchema, type Target } from '../../domain/kpi'
import { parseAlertThreshold } from '../../domain/target/alert-threshold'
import { defaultDirection, parseTarget } from '../../domain/target/parse-target'
import type { Draft } from './draft'
import type { Candidate, CandidateWarning } from '../../domain/prd-candidates'
import { isManualSource } from '../analyzer/gates'
import { isVague, mapFrequency } from './value-maps'

const BASE_CONFIDENCE = { block: 0.95, table: 0.85, list: 0.7 } as const
const PENALTY: Record<CandidateWarning, number> = {
  'no-target': 0.3,
  'target-unparsed': 0.2,
  vague: 0.15,
  'no-formula': 0.05,
  'no-unit': 0.05,
  'no-source': 0.05,
  'no-frequency': 0.05,
  'no-owner': 0.05,
  'generated-code': 0.05
}

function warningsOf(draft: Draft, target: Target | null, generated: boolean): CandidateWarning[] {
  const warnings: CandidateWarning[] = []
  if (!target) warnings.push('no-target')
  else if (!target.parsed) warnings.push('target-unparsed')
  if (!target?.parsed && (isVague(draft.name) || isVague(draft.targetText))) warnings.push('vague')
  if (!draft.formula) warnings.push('no-formula')
  if (!draft.unit && !target?.parsed?.unit) warnings.push('no-unit')
  if (!draft.dataSource) warnings.push('no-source')
  if (!mapFrequency(draft.frequencyText)) warnings.push('no-frequency')
  if (!draft.owner) warnings.push('no-owner')
  if (generated) warnings.push('generated-code')
  return warnings
}

/** Turns a draft with its final code into a validated candidate with warnings and a confidence. */
export function finishCandidate(draft: Draft, code: string, generated: boolean): Candidate {
  const target = draft.targetText ? parseTarget(draft.targetText) : null
  const frequency = mapFrequency(draft.frequencyText)
  const notes = [...draft.notes]
  if (draft.frequencyText && !frequency) notes.push(`Frequency: ${draft.frequencyText}`)
  let alertThresholds = null
  if (draft.alertText) {
    const parsed = parseAlertThreshold(draft.alertText, target?.parsed ?? null)
    alertThresholds = { ...parsed, rules: [...parsed.rules, ...draft.alertRules] }
  } else if (draft.alertRules.length) {
    alertThresholds = alertThresholdsSchema.parse({ rules: draft.alertRules })
  }
  const fields = kpiFieldsSchema.parse({
    code,
    name: draft.name.slice(0, 500),
    description: draft.description,
    category: draft.category,
    formula: draft.formula,
    // A PRD describes where data comes from; the connection is assigned later by the user.
    dataSource: isManualSource(draft.dataSource) ? 'manual' : '',
    sourceNote: isManualSource(draft.dataSource) ? '' : draft.dataSource,
    target,
    unit: draft.unit || target?.parsed?.unit || '',
    direction: target?.parsed ? defaultDirection(target.parsed) : 'higher',
    frequency,
    owner: draft.owner,
    alertThresholds,
    benchmarks: draft.benchmarks,
    milestones: draft.milestones,
    stage: draft.stage ?? 'draft',
    status: draft.status ?? 'proposed',
    notes: notes.join('\n')
  })
  const warnings = warningsOf(draft, target, generated)
  const penalty = warnings.reduce((sum, warning) => sum + PENALTY[warning], 0)
  const confidence = Math.round(Math.min(1, Math.max(0.05, BASE_CONFIDENCE[draft.origin] - penalty)) * 100) / 100
  return { fields, currentValue: draft.currentValue, confidence, warnings, lines: draft.lines, origin: draft.origin }
}
