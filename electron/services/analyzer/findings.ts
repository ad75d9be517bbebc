import type { ProposalDraft } from '../../domain/proposal'
import type { FieldPatch } from '../../domain/proposal'
import { writesChinese } from './format'
import type { AnalyzerKpi } from './types'

/** One thing a rule found: a concrete field change, or an ask appended to the KPI's notes. */
export interface Finding {
  /** Stable rule id, e.g. 'draft.no-unit'. */
  rule: string
  /** Short label for the proposal's summary, in the KPI's language ("no unit", "缺少单位"). */
  title: string
  patch?: FieldPatch
  note?: { line: string; rationale: string }
}

/** A finding without a concrete value: an ask appended to the KPI's notes. */
export function ask(rule: string, title: string, line: string, rationale: string): Finding {
  return { rule, title, note: { line, rationale } }
}

/**
 * Groups a KPI's findings into one patch proposal: concrete patches first (one per field, first
 * wins), then one `notes` patch holding every ask not already written in the notes.
 */
export function groupFindings(kpi: AnalyzerKpi, findings: Finding[], heading: { zh: string; en: string }): ProposalDraft | null {
  const zh = writesChinese(kpi)
  const patches: FieldPatch[] = []
  const kept: Finding[] = []
  for (const finding of findings) {
    if (!finding.patch || patches.some((patch) => patch.field === finding.patch!.field)) continue
    patches.push(finding.patch)
    kept.push(finding)
  }
  const existing = kpi.fields.notes
  const asks = findings.filter((finding) => finding.note && !existing.includes(finding.note.line))
  const lines = [...new Set(asks.map((finding) => finding.note!.line))]
  if (lines.length > 0) {
    patches.push({
      field: 'notes',
      value: [existing.trimEnd(), ...lines].filter((line) => line !== '').join('\n'),
      rationale: [...new Set(asks.map((finding) => finding.note!.rationale))].join(zh ? '' : ' ')
    })
    kept.push(...asks)
  }
  if (patches.length === 0) return null
  const rules = [...new Set(kept.map((finding) => finding.rule))].sort()
  const titles = [...new Set(kept.map((finding) => finding.title))]
  const subject = `${kpi.fields.code} ${kpi.fields.name}`
  return {
    kind: 'patch',
    code: kpi.fields.code,
    patches,
    rationale: say(zh, `${heading.zh}（${subject}）：${titles.join('、')}。`, `${heading.en} for ${subject}: ${titles.join(', ')}.`),
    rule: rules.join(',')
  }
}

/** Picks the KPI's language for a text the analyzer writes. */
export function say(chinese: boolean, zh: string, en: string): string {
  return chinese ? zh : en
}
