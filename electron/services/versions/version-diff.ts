import type { VersionDiff } from '../../api/views'
import type { KpiFields } from '../domain/kpi'
import { diffFields } from '../kpis/field-diff'

export interface Pin {
  kpiId: number
  revisionId: number
  code: string
  name: string
}

/** Compares two sets of pinned revisions; only KPIs whose pinned revision differs are loaded. */
export function diffPins(
  from: string,
  to: string,
  a: Pin[],
  b: Pin[],
  fieldsOf: (revisionId: number) => KpiFields,
  numberOf: (revisionId: number) => number
): VersionDiff {
  const before = new Map(a.map((p) => [p.kpiId, p]))
  const diff: VersionDiff = { from, to, added: [], removed: [], changed: [], unchanged: 0 }
  for (const pin of b) {
    const old = before.get(pin.kpiId)
    before.delete(pin.kpiId)
    if (!old) {
      diff.added.push({ kpiId: pin.kpiId, code: pin.code, name: pin.name })
      continue
    }
    if (old.revisionId === pin.revisionId) {
      diff.unchanged++
      continue
    }
    const changes = diffFields(fieldsOf(old.revisionId), fieldsOf(pin.revisionId))
    if (changes.length === 0) diff.unchanged++
    else
      diff.changed.push({
        kpiId: pin.kpiId,
        code: pin.code,
        name: pin.name,
        fromRevision: numberOf(old.revisionId),
        toRevision: numberOf(pin.revisionId),
        changes
      })
  }
  for (const old of before.values()) diff.removed.push({ kpiId: old.kpiId, code: old.code, name: old.name })
  const byCode = (x: { code: string }, y: { code: string }) => x.code.localeCompare(y.code)
  diff.added.sort(byCode)
  diff.removed.sort(byCode)
  diff.changed.sort(byCode)
  return diff
}
