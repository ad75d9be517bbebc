import type * as z from 'zod/mini'
import type { KpiPatch } from '../../domain/kpi-input'
import { kpiFieldsSchema, type KpiField, type KpiFields, type Target } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import { defaultDirection, parseTarget, type MetricHints } from '../../domain/target/parse-target'

/** Text typed by the user becomes a parsed target (read for the metric it measures); the text is always kept beside it. */
export function toTarget(value: string | Target | null | undefined, metric?: MetricHints): Target | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') return value
  return value.trim() === '' ? null : parseTarget(value, metric)
}

/**
 * Applies a patch to a KPI's fields. A new target fills an empty unit and, unless the patch
 * sets one, the direction its comparator implies.
 */
export function applyPatch(base: KpiFields | null, patch: KpiPatch): KpiFields {
  const { target: targetInput, ...rest } = patch
  const changes = stripUndefined(rest)
  const merged: Record<string, unknown> = { ...(base ?? {}), ...changes }
  if (targetInput !== undefined) {
    const target = toTarget(targetInput, { name: merged.name as string, unit: merged.unit as string, description: merged.description as string })
    merged.target = target
    if (target?.parsed) {
      if (!merged.unit && target.parsed.unit) merged.unit = target.parsed.unit
      if (patch.direction === undefined) merged.direction = defaultDirection(target.parsed)
    }
  }
  // A stored KPI is valid already: only the fields the patch touches need checking (hot path).
  if (base) {
    for (const field of Object.keys(changes) as KpiField[])
      merged[field] = check((kpiFieldsSchema.shape[field] as z.ZodMiniType).safeParse(merged[field]), field)
    return merged as KpiFields
  }
  return check(kpiFieldsSchema.safeParse(merged))
}

function check<T>(parsed: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }, field?: string): T {
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const name = field ?? String(issue?.path[0] ?? '')
  const path = [field, ...(issue?.path ?? [])].filter((p) => p !== undefined).join('.')
  throw new AppError('VALIDATION', `Invalid KPI field ${path}: ${issue?.message ?? 'invalid value'}`, { field: name })
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
