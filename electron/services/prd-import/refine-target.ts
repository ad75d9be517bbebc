import { parseTarget } from '../../domain/target/parse-target'
import type { Draft } from './draft'
import { readStatement } from './read-statement'

/**
 * A target written as a sentence ("from the 2nd visit on ≥ 70%") keeps only its target, the rest joins the
 * definition; several percentiles ("p50 < 1 s, p95 < 3 s") make one KPI each.
 */
export function refineTarget(draft: Draft): Draft[] {
  const text = draft.targetText
  if (!text) return [draft]
  const whole = parseTarget(text)
  if (whole.parsed && !/More than one|aside/.test(whole.issue ?? '')) return [draft]
  const statement = readStatement(text, { name: draft.name })
  if (!statement?.target) return [draft]
  const definition = (extra: string) => [draft.description, extra].filter(Boolean).join('; ')
  if (statement.percentiles.length > 1) {
    return statement.percentiles.map((p) => ({
      ...draft,
      name: `${draft.name} ${p.percentile}`,
      code: draft.code && `${draft.code}-${p.percentile}`,
      targetText: p.target,
      notes: [...draft.notes, `Target as written: ${text}`]
    }))
  }
  return [
    {
      ...draft,
      targetText: statement.target,
      description: definition(statement.definition),
      milestones: draft.milestones.length ? draft.milestones : statement.milestones.map((m) => ({ label: m.label, target: m.target, value: null }))
    }
  ]
}
