import type { Draft } from './draft'

const TEXT_FIELDS = ['description', 'category', 'formula', 'dataSource', 'targetText', 'unit', 'frequencyText', 'owner', 'alertText'] as const

function fill(into: Draft, from: Draft): void {
  for (const field of TEXT_FIELDS) into[field] ||= from[field]
  into.currentValue ??= from.currentValue
  into.stage ??= from.stage
  into.status ??= from.status
  into.alertRedValue ??= from.alertRedValue
  if (!into.benchmarks.length) into.benchmarks = from.benchmarks
  if (!into.milestones.length) into.milestones = from.milestones
  into.alertRules.push(...from.alertRules)
  into.notes.push(...from.notes)
}

const key = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')

/** A summary's wording of a KPI ("客服咨询量") names the KPI it restates ("发票相关客服咨询量"). */
function restates(summary: Draft, kpi: Draft): boolean {
  if (summary.code && summary.code === kpi.code) return true
  const [a, b] = [key(summary.name), key(kpi.name)]
  if (!a || !b) return false
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  return long.includes(short) && short.length / long.length >= 0.5
}

/**
 * One KPI described twice (an overview table and a detailed block, a goal listed in two sections) becomes one
 * candidate: drafts merge when they share the code, or the name when one has no code. Earlier drafts win (blocks,
 * then tables, then lists); later ones only fill gaps. A KPI restated in a summary or recap is merged into the
 * KPI it restates wherever that stands, and a restatement of nothing else is left out.
 */
export function mergeDrafts(drafts: Draft[], notes: string[]): Draft[] {
  const kept: Draft[] = []
  const byCode = new Map<string, Draft>()
  const byName = new Map<string, Draft>()
  const restated: Draft[] = []
  for (const draft of drafts) {
    if (draft.restated) {
      restated.push(draft)
      continue
    }
    const sameCode = draft.code ? byCode.get(draft.code) : undefined
    const sameName = byName.get(key(draft.name))
    // Two blocks with one code but different names are two KPIs (the second gets a new code later).
    const codeMatch = sameCode && (sameCode.origin !== draft.origin || key(sameCode.name) === key(draft.name)) ? sameCode : undefined
    const same = codeMatch ?? (sameName && (!sameName.code || !draft.code) ? sameName : undefined)
    if (same) {
      fill(same, draft)
      continue
    }
    kept.push(draft)
    if (draft.code && !byCode.has(draft.code)) byCode.set(draft.code, draft)
    if (!byName.has(key(draft.name))) byName.set(key(draft.name), draft)
  }
  for (const draft of restated) {
    const same = kept.find((kpi) => restates(draft, kpi))
    if (same) fill(same, draft)
    else notes.push(`Line ${draft.lines.start} restates "${draft.name}" in a summary, which no other section defines; it was not imported.`)
  }
  return kept
}
