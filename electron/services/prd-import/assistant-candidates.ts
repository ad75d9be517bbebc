import type { ImportCandidateView } from '../../domain/views'
import type { ExtractedKpi } from '../assistant/extract-from-prose'
import { kpiFieldsSchema } from '../../domain/kpi'
import { parseTarget } from '../../domain/target/parse-target'

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length

/**
 * KPIs the assistant found in free prose, as preview rows beside the offline extractor's. A KPI the
 * offline extractor already found (same code or name) is left out: the structured reading wins.
 */
export function assistantCandidates(
  text: string,
  extracted: ExtractedKpi[],
  offline: { fields: { code: string; name: string } }[]
): Omit<ImportCandidateView, 'index' | 'match' | 'action'>[] {
  const seen = new Set(offline.flatMap((c) => [c.fields.code.toLowerCase(), c.fields.name.trim().toLowerCase()]))
  const codes = new Set(offline.map((c) => c.fields.code.toLowerCase()))
  // The model often gives no code: number them like the offline extractor's generated codes.
  const codeFor = (given: string) => {
    let code = given.trim()
    for (let n = 1; !code || codes.has(code.toLowerCase()); n++) code = `KPI-A${String(n).padStart(2, '0')}`
    codes.add(code.toLowerCase())
    return code
  }
  return extracted
    .filter((k) => !(k.code && seen.has(k.code.toLowerCase())) && !seen.has(k.name.trim().toLowerCase()))
    .map((k) => {
      const target = k.targetText.trim() ? parseTarget(k.targetText) : null
      const generated = !k.code.trim()
      const fields = kpiFieldsSchema.parse({
        code: codeFor(k.code),
        name: k.name,
        description: k.description,
        formula: k.formula,
        dataSource: k.dataSource,
        target,
        unit: k.unit || target?.parsed?.unit || '',
        frequency: k.frequency,
        owner: k.owner,
        notes: k.sourceQuote ? `Found by the assistant in: “${k.sourceQuote}”` : ''
      })
      const start = k.source.offset === null ? 1 : lineOf(text, k.source.offset)
      const end = k.source.offset === null ? 1 : lineOf(text, k.source.offset + k.sourceQuote.length)
      const warnings = [
        target && !target.parsed ? 'target-unparsed' : null,
        !target ? 'no-target' : null,
        !k.formula ? 'no-formula' : null,
        generated ? 'generated-code' : null
      ].filter((w): w is string => w !== null)
      return { fields, currentValue: null, confidence: 0.5, warnings, lines: { start, end }, origin: 'assistant' as const, passage: k.sourceQuote }
    })
}
