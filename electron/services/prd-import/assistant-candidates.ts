import { kpiFieldsSchema, type KpiField, type KpiFields } from '../../domain/kpi'
import { MAX_PASSAGE_CHARS, type Candidate, type CandidateWarning } from '../../domain/prd-candidates'
import { defaultDirection, parseTarget } from '../../domain/target/parse-target'
import type { ImportCandidateView } from '../../domain/views'
import type { ExtractedKpi } from '../assistant/extract-from-prose'

export type PreviewCandidate = Omit<ImportCandidateView, 'index' | 'match' | 'action'>

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length
const key = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')

/** The assistant's KPI names the document's one: same code, or one name holding most of the other. */
function sameKpi(found: ExtractedKpi, candidate: Candidate): boolean {
  if (found.code && found.code.toLowerCase() === candidate.fields.code.toLowerCase()) return true
  const [a, b] = [key(found.name), key(candidate.fields.name)]
  if (!a || !b) return false
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  return long.includes(short) && short.length / long.length >= 0.6
}

// Fields the assistant may fill when the document left them empty (the KPI field, and what the assistant calls it);
// what the document wrote verbatim (SQL, the target as written, the code) always stays the document's. Where the
// data comes from, in a PRD's words, is a source note: the connection stays unset until the user assigns one.
const FILLABLE = [
  ['description', 'description'],
  ['sourceNote', 'dataSource'],
  ['owner', 'owner'],
  ['unit', 'unit'],
  ['formula', 'formula']
] as const
const CLEARS: Partial<Record<KpiField, CandidateWarning>> = {
  sourceNote: 'no-source',
  owner: 'no-owner',
  unit: 'no-unit',
  formula: 'no-formula',
  frequency: 'no-frequency',
  target: 'no-target'
}

function targetOf(found: ExtractedKpi, metric: { name: string; unit: string; description: string }) {
  return found.targetText.trim() ? parseTarget(found.targetText, metric) : null
}

/** Fills the document's KPI from the assistant's reading of it; returns the fields the assistant filled. */
function enrich(candidate: Candidate, found: ExtractedKpi): { fields: KpiFields; assisted: KpiField[]; warnings: CandidateWarning[] } {
  const fields = { ...candidate.fields }
  const assisted: KpiField[] = []
  for (const [field, said] of FILLABLE) {
    if (!fields[field].trim() && found[said].trim()) {
      fields[field] = found[said].trim()
      assisted.push(field)
    }
  }
  if (!fields.frequency && found.frequency) {
    fields.frequency = found.frequency
    assisted.push('frequency')
  }
  if (!fields.target) {
    const target = targetOf(found, fields)
    if (target) {
      fields.target = target
      if (target.parsed) fields.direction = defaultDirection(target.parsed)
      fields.unit ||= target.parsed?.unit ?? ''
      assisted.push('target')
    }
  }
  const cleared = new Set(assisted.map((field) => CLEARS[field]))
  return { fields, assisted, warnings: candidate.warnings.filter((warning) => !cleared.has(warning)) }
}

/**
 * Joins the assistant's finds to the document's: a KPI both found is the document's, with the gaps the assistant
 * could fill (never its SQL, target text or code); a KPI only the assistant found joins as its own row, located by
 * its quote. Every row says where it came from and which fields the assistant wrote.
 */
export function mergeAssistantFinds(
  text: string,
  found: ExtractedKpi[],
  offline: Candidate[]
): { candidates: PreviewCandidate[]; added: number; enriched: number } {
  const rows: PreviewCandidate[] = offline.map((c) => ({ ...c, found: 'document' as const, assisted: [] }))
  const codes = new Set(offline.map((c) => c.fields.code.toLowerCase()))
  // The model often gives no code: number them apart from the document's codes.
  const codeFor = (given: string) => {
    let code = given.trim()
    for (let n = 1; !code || codes.has(code.toLowerCase()); n++) code = `KPI-A${String(n).padStart(2, '0')}`
    codes.add(code.toLowerCase())
    return code
  }
  const lines = text.split('\n')
  let added = 0
  let enriched = 0
  for (const kpi of found) {
    const index = offline.findIndex((c) => sameKpi(kpi, c))
    if (index >= 0) {
      const row = rows[index]!
      if (row.found === 'both') continue
      const { fields, assisted, warnings } = enrich(offline[index]!, kpi)
      rows[index] = { ...row, fields, warnings, found: 'both', assisted }
      if (assisted.length) enriched++
      continue
    }
    const metric = { name: kpi.name, unit: kpi.unit, description: kpi.description }
    const target = targetOf(kpi, metric)
    const fields = kpiFieldsSchema.parse({
      code: codeFor(kpi.code),
      name: kpi.name,
      description: kpi.description,
      formula: kpi.formula,
      sourceNote: kpi.dataSource,
      target,
      unit: kpi.unit || target?.parsed?.unit || '',
      direction: target?.parsed ? defaultDirection(target.parsed) : 'higher',
      frequency: kpi.frequency,
      owner: kpi.owner
    })
    const start = kpi.source.offset === null ? 1 : lineOf(text, kpi.source.offset)
    const end = kpi.source.offset === null ? 1 : lineOf(text, kpi.source.offset + kpi.sourceQuote.length)
    const warnings: CandidateWarning[] = [
      ...(target ? (target.parsed ? [] : (['target-unparsed'] as const)) : (['no-target'] as const)),
      ...(target?.parsed?.change && target.parsed.window?.kind !== 'per' ? (['relative'] as const) : []),
      ...(kpi.formula ? [] : (['no-formula'] as const)),
      ...(kpi.code.trim() ? [] : (['generated-code'] as const))
    ]
    const passage = (kpi.source.offset === null ? kpi.sourceQuote : lines.slice(start - 1, end).join('\n')).slice(0, MAX_PASSAGE_CHARS)
    rows.push({
      fields,
      currentValue: null,
      confidence: 0.5,
      warnings,
      lines: { start, end },
      origin: 'assistant',
      passage,
      found: 'assistant',
      assisted: []
    })
    added++
  }
  return { candidates: rows, added, enriched }
}
