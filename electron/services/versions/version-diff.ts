import type { VersionDiff } from '../../domain/views'
import { diffFields } from '../kpis/field-diff'
import { rowToFields, type RevisionRow } from '../kpis/revision-row'

export interface Pin {
  kpiId: number
  revisionId: number
  code: string
  name: string
}

/**
 * Compares two sets of pinned revisions. Only KPIs whose pinned revision differs are loaded,
 * in one query (`rowsOf`), so diffing versions of 10,000 KPIs stays fast.
 */
export function diffPins(from: string, to: string, a: Pin[], b: Pin[], rowsOf: (revisionIds: number[]) => Map<number, RevisionRow>): VersionDiff {
  const before = new Map(a.map((p) => [p.kpiId, p]))
  const diff: VersionDiff = { from, to, added: [], removed: [], changed: [], unchanged: 0 }
  const pairs: [Pin, Pin][] = []
  for (const pin of b) {
    const old = before.get(pin.kpiId)
    before.delete(pin.kpiId)
    if (!old) diff.added.push({ kpiId: pin.kpiId, code: pin.code, name: pin.name })
    else if (old.revisionId === pin.revisionId) diff.unchanged++
    else pairs.push([old, pin])
  }
  const rows = rowsOf(pairs.flatMap(([old, pin]) => [old.revisionId, pin.revisionId]))
  for (const [old, pin] of pairs) {
    const oldRow = rows.get(old.revisionId)!
    const newRow = rows.get(pin.revisionId)!
    const changes = diffFields(rowToFields(oldRow), rowToFields(newRow))
    if (changes.length === 0) diff.unchanged++
    else diff.changed.push({ kpiId: pin.kpiId, code: pin.code, name: pin.name, fromRevision: oldRow.number, toRevision: newRow.number, changes })
  }
  for (const old of before.values()) diff.removed.push({ kpiId: old.kpiId, code: old.code, name: old.name })
  const byCode = (x: { code: string }, y: { code: string }) => x.code.localeCompare(y.code)
  diff.added.sort(byCode)
  diff.removed.sort(byCode)
  diff.changed.sort(byCode)
  return diff
}
