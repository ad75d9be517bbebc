import type { KpiPatch } from '../../api/kpi-input'
import { kpiFieldsSchema, type KpiFields, type Target } from '../domain/kpi'
import { AppError } from '../errors'
import { defaultDirection, parseTarget } from '../target/parse-target'

/** Text typed by the user becomes a parsed target; the text is always kept beside it. */
export function toTarget(value: string | Target | null | undefined): Target | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') return value
  return value.trim() === '' ? null : parseTarget(value)
}

/**
 * Applies a patch to a KPI's fields. A new target fills an empty unit and, unless the patch
 * sets one, the direction its comparator implies.
 */
export function applyPatch(base: KpiFields | null, patch: KpiPatch): KpiFields {
  const { target: targetInput, ...rest } = patch
  const merged: Record<string, unknown> = { ...(base ?? {}), ...stripUndefined(rest) }
  if (targetInput !== undefined) {
    const target = toTarget(targetInput)
    merged.target = target
    if (target?.parsed) {
      if (!merged.unit && target.parsed.unit) merged.unit = target.parsed.unit
      if (patch.direction === undefined) merged.direction = defaultDirection(target.parsed)
    }
  }
  const parsed = kpiFieldsSchema.safeParse(merged)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('VALIDATION', `Invalid KPI field ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid value'}`, {
      field: issue?.path[0]
    })
  }
  return parsed.data
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
