import type { Draft } from './draft'

const TEXT_FIELDS = ['description', 'category', 'formula', 'dataSource', 'targetText', 'unit', 'frequencyText', 'owner', 'alertText'] as const

function fill(into: Draft, from: Draft): void {
  for (const field of TEXT_FIELDS) into[field] ||= from[field]
  into.currentValue ??= from.currentValue
  into.stage ??= from.stage
  into.status ??= from.status
  if (!into.benchmarks.length) into.benchmarks = from.benchmarks
  if (!into.milestones.length) into.milestones = from.milestones
  into.alertRules.push(...from.alertRules)
  into.notes.push(...from.notes)
}

const key = (name: string) => name.replace(/\s+/g, '').toLowerCase()

/**
 * One KPI described twice (an overview table and a detailed block) becomes one candidate:
 * drafts of different origins merge when they share the code, or the name when one has no code.
 * Earlier drafts win (blocks, then tables, then lists); later ones only fill gaps.
 */
export function mergeDrafts(drafts: Draft[]): Draft[] {
  const kept: Draft[] = []
  const byCode = new Map<string, Draft>()
  const byName = new Map<string, Draft>()
  for (const draft of drafts) {
    const sameCode = draft.code ? byCode.get(draft.code) : undefined
    const sameName = byName.get(key(draft.name))
    const same = sameCode ?? (sameName && (!sameName.code || !draft.code) ? sameName : undefined)
    if (same && same.origin !== draft.origin) {
      fill(same, draft)
      continue
    }
    kept.push(draft)
    if (draft.code && !byCode.has(draft.code)) byCode.set(draft.code, draft)
    if (!byName.has(key(draft.name))) byName.set(key(draft.name), draft)
  }
  return kept
}
