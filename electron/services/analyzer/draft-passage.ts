import type { Frequency, KpiFields, Target } from '../../domain/kpi'
import { parseTarget } from '../../domain/target/parse-target'
import { labelKind } from '../prd-import/labels'
import { bestSpan, targetSpans } from '../prd-import/target-span'
import { mapFrequency } from '../prd-import/value-maps'

/** What the PRD passage a KPI was imported from says about a field the KPI still lacks, with the line that says it. */
export interface PassageFacts {
  target?: { value: Target; line: string }
  owner?: { value: string; line: string }
  dataSource?: { value: string; line: string }
  frequency?: { value: Frequency; line: string }
  formula?: { value: string; line: string }
}

const LABELLED = /^(?:[-*+•]\s*)?(?:\*\*)?([^:：*]{1,20}?)(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(.+?)\s*$/

/**
 * Reads the passage line by line: labelled lines ("负责人：客服经理", "Data source: RUM") give owner, source
 * and frequency; a SQL fence gives the formula; the surest target span gives the target. Only fields the KPI
 * lacks are looked for, and nothing is read that the passage does not say.
 */
export function passageFacts(passage: string | undefined, fields: KpiFields): PassageFacts {
  const facts: PassageFacts = {}
  if (!passage?.trim()) return facts
  const lines = passage.split('\n')
  const metric = { name: fields.name, unit: fields.unit, description: fields.description }
  const fence = /```(?:sql|postgres(?:ql)?|mysql)?\s*\n([\s\S]*?)```/i.exec(passage)
  if (!fields.formula.trim() && fence?.[1]?.trim()) facts.formula = { value: fence[1].trim(), line: fence[0].split('\n')[0]! }
  let best: { score: number; target: Target; line: string } | null = null
  for (const raw of lines) {
    const line = raw.trim()
    if (!line || /^#{1,6}\s/.test(line)) continue
    const labelled = LABELLED.exec(line)
    const kind = labelled ? labelKind(labelled[1]!, true) : null
    const value = labelled?.[2]?.trim() ?? ''
    if (kind === 'owner' && !fields.owner.trim() && value) facts.owner ??= { value, line }
    if (kind === 'dataSource' && !fields.dataSource.trim() && !fields.sourceNote.trim() && value) facts.dataSource ??= { value, line }
    if (kind === 'frequency' && !fields.frequency) {
      const frequency = mapFrequency(value)
      if (frequency) facts.frequency ??= { value: frequency, line }
    }
    if (fields.target?.parsed || (kind && kind !== 'target')) continue
    const span = bestSpan(targetSpans(kind === 'target' ? value : line))
    const parsed = span?.worded ? parseTarget(span.text, metric) : null
    if (span && parsed?.parsed && (!best || span.score > best.score)) best = { score: span.score, target: parsed, line }
  }
  if (best) facts.target = { value: best.target, line: best.line }
  return facts
}
