import dayjs from 'dayjs'
import type { NewKpi } from '../../domain/kpi-input'
import type { FieldChange, ImportCandidateView, ImportCommitResult, ImportPreview, KpiView } from '../../domain/views'
import { periodContaining } from '../actuals/periods'
import type { Core } from '../core'
import { AppError, isAppError } from '../../domain/errors'
import { extractKpis } from './extract'
import { readPrd } from './read-prd'
import type { Candidate } from '../../domain/prd-candidates'
import { diffFields } from '../kpis/field-diff'
import { parseNumber, parseTarget } from '../../domain/target/parse-target'
import { mergeAssistantFinds, type PreviewCandidate } from './assistant-candidates'
import type { PassageItem } from './passages'

export interface CommitItem {
  fields: NewKpi
  currentValue?: string | null
  lines?: { start: number; end: number }
  passage?: string
}

// The lifecycle position and identity of an existing KPI are not the PRD's to change.
const KEEP_ON_MATCH = new Set(['stage', 'status', 'code'])

type Found = Pick<Candidate, 'fields'> & { warnings: string[] }

function match(candidate: Found, existing: KpiView[]): KpiView | undefined {
  const code = candidate.fields.code.toLowerCase()
  const name = candidate.fields.name.trim().toLowerCase()
  const generated = candidate.warnings.includes('generated-code')
  return existing.find((k) => !generated && k.code.toLowerCase() === code) ?? existing.find((k) => k.name.trim().toLowerCase() === name)
}

function changesFor(kpi: KpiView, candidate: Found): FieldChange[] {
  return diffFields(kpi, { ...candidate.fields, stage: kpi.stage, status: kpi.status, code: kpi.code }).filter(
    (c) => !KEEP_ON_MATCH.has(c.field) && !(typeof c.to === 'string' && c.to === '') && !(Array.isArray(c.to) && c.to.length === 0) && c.to !== null
  )
}

/** A PRD to a v0.1 draft board: read, extract offline, preview against the board, then commit at once. */
export function createPrdImportService(core: Core) {
  /** The period a PRD's current value is stored for: the month of the import. */
  const importPeriod = () => periodContaining(dayjs(core.deps.now()).format('YYYY-MM-DD'), 'monthly')

  /** Whether committing this current value would store a measurement (the KPI has another, or none, for the period). */
  function storesNewValue(kpiId: number, currentValue: string | null | undefined, period: { start: string; end: string }): boolean {
    const value = currentValue ? currentNumber(currentValue) : null
    if (value === null) return false
    const stored = core.measurements.list(kpiId).find((m) => m.periodStart === period.start && m.periodEnd === period.end)
    return stored?.value !== value
  }

  async function preview(input: { boardId?: number; fileName: string; data: Buffer; assistant?: boolean; signal?: AbortSignal }): Promise<ImportPreview> {
    const text = await readPrd(input.data, input.fileName)
    const { candidates: offline, notes, skipped } = extractKpis(text, { fileName: input.fileName, signal: input.signal })
    let candidates: PreviewCandidate[] = offline.map((c) => ({ ...c, found: 'document' as const, assisted: [] }))
    let assistant: ImportPreview['assistant']
    if (input.assistant) {
      try {
        // The LLM client loads only when the user asks the assistant to read the document.
        const { extractKpisFromProse } = await import('../assistant')
        const merged = mergeAssistantFinds(text, await extractKpisFromProse(core, text, { signal: input.signal }), offline)
        candidates = merged.candidates
        assistant = { status: 'done', added: merged.added, enriched: merged.enriched }
      } catch (error) {
        // The document's own finds stay; the preview says why the assistant added nothing.
        if (!isAppError(error) || error.code === 'CANCELLED') throw error
        assistant = { status: 'failed', code: error.code, message: error.message }
      }
    }
    const existing = input.boardId ? core.kpis.list(input.boardId, true) : []
    const period = importPeriod()
    const views: ImportCandidateView[] = candidates.map((c, index) => {
      const found = match(c, existing)
      const changes = found ? changesFor(found, c) : []
      const newValue = found ? storesNewValue(found.id, c.currentValue, period) : false
      return {
        index,
        fields: c.fields,
        currentValue: c.currentValue,
        confidence: c.confidence,
        warnings: c.warnings,
        lines: c.lines,
        origin: c.origin,
        passage: c.passage,
        found: c.found,
        assisted: c.assisted,
        match: found ? { kpiId: found.id, code: found.code, changes } : null,
        action: !found ? 'create' : changes.length || newValue ? 'update' : 'unchanged'
      }
    })
    return { fileName: input.fileName, candidates: views, skipped, notes, lineCount: text.split('\n').length, ...(assistant ? { assistant } : {}) }
  }

  function commit(
    input: { boardId?: number; boardName?: string; fileName: string; items: CommitItem[]; versionLabel?: string },
    actor: string
  ): ImportCommitResult {
    if (input.items.length === 0) throw new AppError('IMPORT_NO_KPI', 'Nothing to import: no KPI was selected.')
    const period = importPeriod()
    const result = core.transaction(() => {
      const boardId = input.boardId ?? core.boards.create(requiredName(input.boardName), `Imported from ${input.fileName}`, actor).id
      const existing = core.kpis.list(boardId, true)
      const options = { actor, source: 'import' as const, reason: `Imported from ${input.fileName}` }
      const counts = { created: 0, updated: 0, unchanged: 0, values: 0 }
      const passages: PassageItem[] = []
      for (const item of input.items) {
        const found = existing.find((k) => k.code.toLowerCase() === item.fields.code.toLowerCase())
        let kpi: KpiView
        if (found) {
          const { stage: _stage, status: _status, code: _code, ...patch } = item.fields
          kpi = core.kpis.edit(found.id, patch, options)
          counts[kpi.revisionId === found.revisionId ? 'unchanged' : 'updated']++
        } else {
          kpi = core.kpis.add(
            boardId,
            { ...item.fields, stage: item.fields.stage ?? 'draft' },
            { ...options, reason: `${options.reason}${item.lines ? ` (lines ${item.lines.start}–${item.lines.end})` : ''}` }
          )
          counts.created++
        }
        if (item.passage && item.lines) passages.push({ kpiId: kpi.id, lines: item.lines, text: item.passage })
        const value = item.currentValue ? currentNumber(item.currentValue) : null
        if (value !== null) {
          counts.values += core.measurements.addMany(
            boardId,
            [{ kpiId: kpi.id, m: { period, value, source: 'import', note: `Current value "${item.currentValue}" in ${input.fileName}` } }],
            actor,
            `Imported current value of ${kpi.code}`
          )
        }
      }
      // A re-import of an unchanged PRD writes nothing at all: no import record, no audit row, no version.
      if (counts.created + counts.updated + counts.values === 0) return { boardId, version: null, nothingChanged: true, ...counts }
      core.passages.record(boardId, input.fileName, actor, passages)
      core.audit.record({
        actor,
        action: 'import.prd',
        boardId,
        summary: `Imported ${input.fileName}: ${counts.created} created, ${counts.updated} updated, ${passages.length} passages kept`,
        details: { fileName: input.fileName, created: counts.created, updated: counts.updated }
      })
      const label = input.versionLabel ?? (core.versions.list(boardId).some((v) => v.label === 'v0.1') ? undefined : 'v0.1')
      const version = core.versions.cut(boardId, { label, note: `Imported from ${input.fileName}` }, actor)
      return { boardId, version: version.label, nothingChanged: false, ...counts }
    })
    return result
  }

  return { preview, commit }
}

/** "52%", "45 分钟", "1,042": the number of a current value as written in a PRD table. */
function currentNumber(text: string): number | null {
  const parsed = parseTarget(text).parsed
  return parsed && parsed.comparator === '=' ? parsed.value : parseNumber(text)
}

function requiredName(name: string | undefined): string {
  if (!name?.trim()) throw new AppError('VALIDATION', 'Name the board to import into.')
  return name.trim()
}
export type PrdImportService = ReturnType<typeof createPrdImportService>
