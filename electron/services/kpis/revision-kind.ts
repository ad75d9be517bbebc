import type { FieldChange } from '../../domain/views'
import type { KpiFields, RevisionKind } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import { LOCKED_STAGES } from '../../domain/field-locks'

/**
 * What kind of revision an edit makes. After launch the target is locked: changing it is a
 * re-baseline that needs a reason; a new formula, data source or result mapping changes the KPI's meaning.
 */
export function revisionKind(head: KpiFields, changes: FieldChange[], options: { rebaseline?: boolean; reason?: string }): RevisionKind {
  const changed = new Set(changes.map((c) => c.field))
  if (LOCKED_STAGES.includes(head.stage)) {
    if (changed.has('target')) {
      if (!options.rebaseline) {
        throw new AppError('TARGET_LOCKED', `The target of ${head.code} is locked since launch; change it as a re-baseline with a reason.`, { code: head.code })
      }
      if (!options.reason?.trim()) {
        throw new AppError('TARGET_LOCKED', `A re-baseline of ${head.code} needs a reason.`, { code: head.code })
      }
      return 'rebaseline'
    }
    if (changed.has('formula') || changed.has('dataSource') || changed.has('mapping')) return 'meaning'
  }
  if (changed.size === 1 && changed.has('stage')) return 'stage'
  return 'edit'
}
