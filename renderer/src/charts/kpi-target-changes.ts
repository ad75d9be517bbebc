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
  for (let i = 1; i < ordered.length; i++) {
    const before = ordered[i - 1].target?.text ?? ''
    const after = ordered[i].target?.text ?? ''
    if (before === after) continue
    changes.push({ at: ordered[i].createdAt, revision: ordered[i].number, from: before, to: after, reason: ordered[i].reason })
  }
  return changes
}
