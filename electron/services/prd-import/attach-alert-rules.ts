import { parseChangeRule } from '../../domain/target/alert-threshold'
import type { Draft } from './draft'
import { cleanHeading } from './markdown-tree'
import type { AlertItem } from './recognise-statements'

/** "月活跃用户数 (MAU)" is named in text as itself, as "月活跃用户数" or as "MAU". */
function namesOf(name: string): string[] {
  const names = [name]
  const match = /^(.*?)\s*[(（]([^)）]+)[)）]\s*$/.exec(name)
  if (match) names.push(match[1]!.trim(), match[2]!.trim())
  return names.filter((candidate) => candidate.length >= 2)
}

function namedIn(text: string, drafts: Draft[]): Draft | null {
  const lower = text.toLowerCase()
  let best: { draft: Draft; length: number } | null = null
  for (const draft of drafts) {
    for (const name of namesOf(draft.name)) {
      if (lower.includes(name.toLowerCase()) && (!best || name.length > best.length)) best = { draft, length: name.length }
    }
  }
  return best?.draft ?? null
}

/**
 * Severity rules go to the KPI they name, else to the KPI whose section heading they sit under,
 * else to the KPI block around them; rules that fit no KPI are reported in the notes.
 */
export function attachAlertRules(drafts: Draft[], items: AlertItem[], notes: string[]): void {
  for (const item of items) {
    const rule = parseChangeRule(item.text)
    if (!rule) continue
    const heading = cleanHeading(item.heading)
    const owner =
      namedIn(item.text, drafts) ??
      (heading ? namedIn(heading, drafts) : null) ??
      drafts.find((draft) => draft.lines.start <= item.line && item.line <= draft.lines.end) ??
      null
    if (owner) owner.alertRules.push(rule)
    else notes.push(`The alert rule at line ${item.line} ("${item.text}") names no KPI of this document and was not attached.`)
  }
}
