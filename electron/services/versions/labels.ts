import type { Stage } from '../../domain/kpi'

interface Label {
  major: number
  minor: number
  plus: boolean
}

export function parseLabel(text: string): Label | null {
  const match = /^v(\d+)\.(\d+)(\+)?$/i.exec(text.trim())
  if (!match) return null
  return { major: Number(match[1]), minor: Number(match[2]), plus: match[3] === '+' }
}

const format = (l: Label) => `v${l.major}.${l.minor}${l.plus ? '+' : ''}`
const rank = (l: Label) => l.major * 1_000_000 + l.minor * 10 + (l.plus ? 1 : 0)

/** The label each stage's board version carries in the lifecycle (v0.9 feasible, v1.0 trial …). */
const STAGE_LABEL: Partial<Record<Stage, Label>> = {
  feasibility: { major: 0, minor: 9, plus: false },
  trial: { major: 1, minor: 0, plus: false },
  launched: { major: 1, minor: 0, plus: true }
}

function next(max: Label): Label {
  if (max.major === 0 && max.minor < 9) return { major: 0, minor: max.minor + 1, plus: false }
  if (max.major === 0) return { major: 1, minor: 0, plus: false }
  return { major: max.major, minor: max.minor + 1, plus: false }
}

/**
 * Suggests the next board version label from the board's stage: drafts count up v0.1, v0.2 …,
 * feasibility is v0.9, trial v1.0, launch v1.0+, and operating iterations v1.1, v1.2 …
 * A suggestion is always above every label the board already has.
 */
export function suggestLabel(stage: Stage, existing: string[]): string {
  const parsed = existing.map(parseLabel).filter((l): l is Label => l !== null)
  const max = parsed.reduce<Label | null>((best, l) => (!best || rank(l) > rank(best) ? l : best), null)
  const wanted = STAGE_LABEL[stage] ?? (max ? next(max) : { major: 0, minor: 1, plus: false })
  let candidate = max && rank(wanted) <= rank(max) ? next(max) : wanted
  const taken = new Set(existing.map((l) => l.trim().toLowerCase()))
  while (taken.has(format(candidate).toLowerCase())) candidate = next(candidate)
  return format(candidate)
}

/** The stage a board is at: the one most of its live KPIs are in (ties go to the earlier stage). */
export function boardStage(counts: Partial<Record<Stage, number>>): Stage {
  const order: Stage[] = ['draft', 'feasibility', 'trial', 'launched', 'operating']
  let best: Stage = 'draft'
  let bestCount = 0
  for (const stage of order) {
    const n = counts[stage] ?? 0
    if (n > bestCount) {
      best = stage
      bestCount = n
    }
  }
  return best
}
