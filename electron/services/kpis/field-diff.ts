import { isDeepStrictEqual } from 'node:util'
import type { FieldChange } from '../../domain/views'
import { KPI_FIELDS, type KpiFields } from '../../domain/kpi'

const normalized = (value: unknown): unknown => (value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value)

/**
 * Structural equality of field values as stored (keys holding `undefined` do not survive storage).
 * Equal serialisations settle the common case cheaply; key order is only checked when they differ.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  return JSON.stringify(a) === JSON.stringify(b) || isDeepStrictEqual(normalized(a), normalized(b))
}

export function diffFields(from: KpiFields, to: KpiFields): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of KPI_FIELDS) {
    if (!sameValue(from[field], to[field])) changes.push({ field, from: from[field], to: to[field] })
  }
  return changes
}
