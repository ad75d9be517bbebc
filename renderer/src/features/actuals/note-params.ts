import type { ProposalNote } from '../../../../electron/api'

type T = (key: string, vars?: Record<string, unknown>) => string

/** A proposal note in the UI language: its words (grain, column kind, where a word matched) translated too. */
export function noteLine(note: ProposalNote, t: T): string {
  const p = note.params
  const vars: Record<string, unknown> = { ...p }
  if (typeof p.grain === 'string') vars.grain = t(`actuals.query.grainWord.${p.grain}`)
  if (typeof p.kind === 'string') vars.kind = t(`actuals.query.kind.${p.kind}`)
  if (typeof p.from === 'string') vars.from = t(`actuals.query.from.${p.from}`)
  if (note.key === 'combine-ratio') vars.times = p.factor !== 1 ? ` × ${p.factor}` : ''
  return t(`actuals.query.note.${note.key}`, vars)
}
