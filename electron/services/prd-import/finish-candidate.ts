import { alertThresholdsSchema, kpiFieldsSchema, type Milestone, type ParsedTarget, type Target } from '../../domain/kpi'
import { parseAlertThreshold } from '../../domain/target/alert-threshold'
import { defaultDirection, parseTarget } from '../../domain/target/parse-target'
import type { Draft } from './draft'
import type { Candidate, CandidateWarning } from '../../domain/prd-candidates'
import { isManualSource } from '../analyzer/gates'
import { isVague, mapFrequency } from './value-maps'

const BASE_CONFIDENCE = { block: 0.95, table: 0.85, monitoring: 0.75, list: 0.7, sentence: 0.6 } as const
const PENALTY: Record<CandidateWarning, number> = {
  'no-target': 0.3,
  'target-unparsed': 0.2,
  'target-derived': 0.15,
  relative: 0.1,
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
  if (draft.targetDerived) warnings.push('target-derived')
  // A change without a per-period window ("+20%", "double") is relative to a baseline the KPI does not have yet.
  if (target?.parsed?.change && target.parsed.window?.kind !== 'per') warnings.push('relative')
  if (!target?.parsed && (isVague(draft.name) || isVague(draft.targetText))) warnings.push('vague')
  if (!draft.formula) warnings.push('no-formula')
  if (!draft.unit && !target?.parsed?.unit) warnings.push('no-unit')
  if (!draft.dataSource) warnings.push('no-source')
  if (!mapFrequency(draft.frequencyText)) warnings.push('no-frequency')
  if (!draft.owner) warnings.push('no-owner')
  if (generated) warnings.push('generated-code')
  return warnings
}

/**
 * A bare level ("15%") takes its direction from the document when the document shows one: a target above the
 * baseline it starts from, or milestones that rise, mean "at least"; the opposite "at most". The document's own
 * numbers are surer than the metric's words, so they override a comparator inferred from those; a written one stays.
 */
function inferFromDocument(parsed: ParsedTarget, draft: Draft, milestones: Milestone[]): ParsedTarget {
  if ((parsed.comparator !== '=' && !parsed.comparatorInferred) || parsed.change) return parsed
  // Nothing counts below none: "为 0", "should be zero" is at most zero.
  if (parsed.comparator === '=' && parsed.value === 0) return { ...parsed, comparator: '<=', comparatorInferred: true }
  const baseline = draft.currentValue ? parseTarget(draft.currentValue).parsed : null
  const values = milestones.map((m) => m.value).filter((v): v is number => typeof v === 'number')
  let higher: boolean | null = null
  if (baseline && baseline.value !== parsed.value && (!baseline.unit || !parsed.unit || baseline.unit === parsed.unit)) higher = parsed.value > baseline.value
  else if (values.length > 1 && values[0] !== values[values.length - 1]) higher = values[values.length - 1]! > values[0]!
  // "Run 4 university events": an action with a count means at least that many.
  if (higher === null && draft.atLeast && parsed.comparator === '=') higher = true
  return higher === null || parsed.value === 0 ? parsed : { ...parsed, comparator: higher ? '>=' : '<=', comparatorInferred: true }
}

/** "p95 summary generation latency ≤ 4 s": a percentile in the metric's name is the target's. */
function withNamedPercentile(parsed: ParsedTarget, name: string): ParsedTarget {
  const named = /\b(?:p|tp)(\d{2}(?:\.\d+)?)\b|\b(\d{2})(?:th)? percentile\b|(\d{2})\s*分位/i.exec(name)
  const value = named ? Number(named[1] ?? named[2] ?? named[3]) : null
  return parsed.percentile === undefined && value !== null && !parsed.change ? { ...parsed, percentile: value } : parsed
}

/** Turns a draft with its final code into a validated candidate with warnings and a confidence. */
export function finishCandidate(draft: Draft, code: string, generated: boolean, passage: string): Candidate {
  const metric = { name: draft.name, unit: draft.unit, description: draft.description }
  const milestones = draft.milestones.map((m) => ({ ...m, value: m.value ?? parseTarget(m.target, metric).parsed?.value ?? null }))
  const read = draft.targetText ? parseTarget(draft.targetText, metric) : null
  const target = read?.parsed ? { ...read, parsed: withNamedPercentile(inferFromDocument(read.parsed, draft, milestones), draft.name) } : read
  const frequency = mapFrequency(draft.frequencyText)
  const notes = [...draft.notes]
  if (draft.frequencyText && !frequency) notes.push(`Frequency: ${draft.frequencyText}`)
  let alertThresholds = null
  if (draft.alertText) {
    const parsed = parseAlertThreshold(draft.alertText, target?.parsed ?? null)
    alertThresholds = { ...parsed, rules: [...parsed.rules, ...draft.alertRules], ...(draft.alertRedValue !== null ? { redValue: draft.alertRedValue } : {}) }
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
    milestones,
    stage: draft.stage ?? 'draft',
    status: draft.status ?? 'proposed',
    notes: notes.join('\n')
  })
  const warnings = warningsOf(draft, target, generated)
  const penalty = warnings.reduce((sum, warning) => sum + PENALTY[warning], 0)
  const confidence = Math.round(Math.min(1, Math.max(0.05, BASE_CONFIDENCE[draft.origin] - penalty)) * 100) / 100
  return { fields, currentValue: draft.currentValue, confidence, warnings, lines: draft.lines, origin: draft.origin, passage }
}
