import type { KpiFields, ParsedTarget } from '../kpi'
import { parseTarget } from '../target/parse-target'

/**
 * The target as the light reads it. A bare level stored as "= 90%" (typed before the metric was known, or
 * imported) means "at least" or "at most" as the metric's words say: 90% uptime is ≥ 90%.
 */
export function judgedTarget(fields: Pick<KpiFields, 'target' | 'name' | 'unit' | 'description'>): ParsedTarget | null {
  const parsed = fields.target?.parsed ?? null
  if (!parsed || parsed.comparator !== '=' || parsed.change || !fields.target?.text) return parsed
  const reread = parseTarget(fields.target.text, { name: fields.name, unit: fields.unit, description: fields.description }).parsed
  return reread && reread.value === parsed.value && reread.comparator !== '=' ? { ...parsed, comparator: reread.comparator, comparatorInferred: true } : parsed
}
