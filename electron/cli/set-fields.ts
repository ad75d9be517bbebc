import { isKpiField, kpiPatchSchema, type KpiPatch } from '../domain/kpi-input'
import { KPI_FIELDS } from '../domain/kpi'
import { AppError } from '../domain/errors'
import { parseMapping } from '../domain/result-mapping'

const JSON_FIELDS = new Set(['alertThresholds', 'benchmarks', 'milestones'])

/** Turns `--set FIELD=VALUE` pairs into a validated KPI patch. */
export function parseSetOptions(pairs: string[]): KpiPatch {
  const patch: Record<string, unknown> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) throw new AppError('VALIDATION', `--set expects FIELD=VALUE, got "${pair}".`)
    const field = pair.slice(0, at).trim()
    const raw = pair.slice(at + 1)
    if (!isKpiField(field)) throw new AppError('VALIDATION', `Unknown field "${field}". Fields: ${KPI_FIELDS.join(', ')}.`)
    patch[field] = fieldValue(field, raw)
  }
  const parsed = kpiPatchSchema.safeParse(patch)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('VALIDATION', `Invalid value for ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return parsed.data
}

function fieldValue(field: string, raw: string): unknown {
  if (field === 'tags')
    return raw
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
  // Empty clears: the frequency is unknown again, the target period and aggregation inferred again.
  if (field === 'frequency' || field === 'targetPeriod' || field === 'aggregation') return raw.trim() === '' ? null : raw.trim()
  if (field === 'mapping') return parseMapping(raw)
  if (JSON_FIELDS.has(field)) {
    if (raw.trim() === '') return field === 'alertThresholds' ? null : []
    try {
      return JSON.parse(raw)
    } catch {
      throw new AppError(
        'VALIDATION',
        `${field} takes JSON, e.g. ${field === 'alertThresholds' ? '{"redRatio":0.8,"yellowRatio":0.9}' : '[{"label":"Month 1","target":"50"}]'}.`
      )
    }
  }
  return raw
}
