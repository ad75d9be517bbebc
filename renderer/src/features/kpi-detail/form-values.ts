import type { KpiView } from '../../../../electron/api'
import type { KpiPatch } from '../../../../electron/domain/kpi-input'
import { fieldLock } from '../../../../electron/domain/field-locks'
import type { AlertThresholds, Benchmark, KpiFields, Milestone } from '../../../../electron/domain/kpi'

/** The detail form's values: the target as text, thresholds as percentages of the target; the mapping is edited beside the preview. */
export interface KpiFormValues extends Omit<KpiFields, 'target' | 'alertThresholds' | 'mapping'> {
  target: string
  alertText: string
  redPct: number | null
  yellowPct: number | null
}

const toPct = (ratio: number | undefined) => (ratio === undefined ? null : Math.round(ratio * 1000) / 10)

export function toFormValues(kpi: KpiView): KpiFormValues {
  const { target, alertThresholds, ...rest } = kpi
  return {
    code: rest.code,
    name: rest.name,
    description: rest.description,
    category: rest.category,
    formula: rest.formula,
    dataSource: rest.dataSource,
    sourceNote: rest.sourceNote,
    unit: rest.unit,
    direction: rest.direction,
    frequency: rest.frequency,
    targetPeriod: rest.targetPeriod,
    aggregation: rest.aggregation,
    owner: rest.owner,
    benchmarks: rest.benchmarks,
    milestones: rest.milestones,
    stage: rest.stage,
    status: rest.status,
    tags: rest.tags,
    notes: rest.notes,
    target: target?.text ?? '',
    alertText: alertThresholds?.text ?? '',
    redPct: toPct(alertThresholds?.redRatio),
    yellowPct: toPct(alertThresholds?.yellowRatio)
  }
}

function thresholds(kpi: KpiView, values: KpiFormValues): AlertThresholds | null {
  const base = kpi.alertThresholds
  const text = values.alertText.trim()
  if (!base && !text && values.redPct === null && values.yellowPct === null) return null
  const result: AlertThresholds = {
    ...(base ?? { rules: [] }),
    redRatio: values.redPct === null ? 0.8 : values.redPct / 100,
    yellowRatio: values.yellowPct === null ? 0.9 : values.yellowPct / 100
  }
  if (text) result.text = text
  else delete result.text
  return result
}

const cleanBenchmarks = (list: Benchmark[]): Benchmark[] =>
  list
    .filter((b) => b.label?.trim() || b.value?.trim())
    .map((b) => ({ label: b.label?.trim() ?? '', value: b.value?.trim() ?? '', ...(b.source?.trim() ? { source: b.source.trim() } : {}) }))

const cleanMilestones = (list: Milestone[]): Milestone[] =>
  list
    .filter((m) => m.label?.trim() || m.target?.trim())
    .map((m) => ({
      label: m.label?.trim() ?? '',
      target: m.target?.trim() ?? '',
      ...(m.value !== undefined ? { value: m.value } : {}),
      ...(m.due?.trim() ? { due: m.due.trim() } : {})
    }))

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Only the fields the user changed, in the shape `kpi.edit` takes (a target as text for the core to parse). */
export function formPatch(kpi: KpiView, values: KpiFormValues): KpiPatch {
  const patch: Record<string, unknown> = {}
  const plain = [
    'code',
    'name',
    'description',
    'category',
    'formula',
    'dataSource',
    'sourceNote',
    'unit',
    'direction',
    'frequency',
    'targetPeriod',
    'aggregation',
    'owner',
    'stage',
    'status',
    'notes'
  ] as const
  for (const field of plain) {
    const value = values[field] ?? (field === 'frequency' || field === 'targetPeriod' || field === 'aggregation' ? null : '')
    if (!same(value, kpi[field])) patch[field] = value
  }
  const target = values.target.trim()
  if (target !== (kpi.target?.text ?? '')) patch.target = target === '' ? null : target
  const alerts = thresholds(kpi, values)
  if (!same(alerts, kpi.alertThresholds)) patch.alertThresholds = alerts
  const benchmarks = cleanBenchmarks(values.benchmarks ?? [])
  if (!same(benchmarks, kpi.benchmarks)) patch.benchmarks = benchmarks
  const milestones = cleanMilestones(values.milestones ?? [])
  if (!same(milestones, kpi.milestones)) patch.milestones = milestones
  const tags = [...new Set((values.tags ?? []).map((tag) => tag.trim()).filter(Boolean))]
  if (!same(tags, kpi.tags)) patch.tags = tags
  return patch as KpiPatch
}

/** After launch a target change is a re-baseline: the core requires the flag and a reason. */
export function isRebaseline(kpi: KpiView, patch: KpiPatch): boolean {
  return fieldLock(kpi, 'target') !== null && patch.target !== undefined
}
