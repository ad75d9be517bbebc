import type { RevisionView } from '../../../electron/api'

/** A revision that changed the KPI's target: drawn on the chart as a mark at the day it happened. */
export interface TargetChange {
  at: number
  revision: number
  from: string
  to: string
  reason: string
}

/** Target changes in a KPI's history, oldest first; the creating revision is not a change. */
export function targetChanges(revisions: RevisionView[]): TargetChange[] {
  const ordered = [...revisions].sort((a, b) => a.number - b.number)
  const changes: TargetChange[] = []
  ordered.forEach((rev, i) => {
    const before = i > 0 ? (ordered[i - 1]?.target?.text ?? '') : null
    const after = rev.target?.text ?? ''
    if (before === null || before === after) return
    changes.push({ at: rev.createdAt, revision: rev.number, from: before, to: after, reason: rev.reason })
  })
  return changes
}
