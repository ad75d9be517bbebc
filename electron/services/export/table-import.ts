import { extname } from 'node:path'
import type { KpiPatch, NewKpi } from '../../domain/kpi-input'
import type { KpiView } from '../../domain/views'
import type { Core } from '../core'
import type { TableFormat, TableImportCounts, TableImportPreview } from '../../domain/export'
import { AppError } from '../../domain/errors'
import type { KpiFields } from '../../domain/kpi'
import { shorten } from '../../domain/number'
import { parseBoardTable, type ParsedBoardTable } from './'
import { diffRow, newKpiFrom } from './table-row-diff'

const MAX_BYTES = 20 * 1024 * 1024

interface Plan {
  preview: TableImportPreview
  edits: { kpiId: number; patch: KpiPatch }[]
  adds: NewKpi[]
}

/** `.csv` or `.xlsx`, from the file name. */
export function tableFormatOf(fileName: string): TableFormat {
  const ext = extname(fileName).toLowerCase()
  if (ext === '.csv') return 'csv'
  if (ext === '.xlsx') return 'xlsx'
  throw new AppError('IMPORT_UNSUPPORTED', `A board table is a .csv or .xlsx file, not ${ext || 'a file without extension'}.`, { fileName })
}

async function readTable(data: Buffer, format: TableFormat): Promise<ParsedBoardTable> {
  if (data.length === 0) throw new AppError('IMPORT_EMPTY', 'The file is empty.')
  if (data.length > MAX_BYTES)
    throw new AppError('IMPORT_TOO_LARGE', `The file is ${(data.length / 1048576).toFixed(1)} MB; a board table may be at most 20 MB.`)
  return parseBoardTable(data, format)
}

/**
 * The editor's rule for a target it cannot read: refused (TARGET_UNPARSED) unless the user allows keeping it
 * as flagged text, so a cell cut to "P9" is never saved in silence.
 */
function unparsedTarget(target: KpiFields['target'], allow: boolean): string | null {
  if (allow || !target || target.parsed) return null
  return `the target "${shorten(target.text)}" was not understood (${shorten(target.issue ?? 'unparsed', 160)}); rephrase it (e.g. "≥ 60%") or allow unparsed targets to keep it as flagged text.`
}

export interface TableImportOptions {
  /** Keep targets the parser cannot read as flagged text, as the editor's "save anyway" does. */
  allowUnparsedTarget?: boolean
}

function plan(core: Core, boardId: number, table: ParsedBoardTable, fileName: string, format: TableFormat, options: TableImportOptions = {}): Plan {
  const allow = options.allowUnparsedTarget === true
  const board: KpiView[] = core.kpis.list(boardId, true)
  const byCode = new Map(board.map((k) => [k.code, k]))
  const preview: TableImportPreview = {
    fileName,
    format,
    changed: [],
    added: [],
    unchanged: 0,
    notInFile: [],
    unknownColumns: table.unknownColumns,
    errors: [...table.errors]
  }
  const edits: Plan['edits'] = []
  const adds: NewKpi[] = []
  for (const { line, fields } of table.rows) {
    const head = byCode.get(fields.code)
    try {
      if (head) {
        const diff = diffRow(head, fields)
        const target = 'target' in diff.patch ? unparsedTarget(diff.after.target, allow) : null
        if (target) preview.errors.push({ line, message: `${head.code}: ${target}` })
        else if (!diff.kind) preview.unchanged++
        else {
          preview.changed.push({ line, kpiId: head.id, code: head.code, name: head.name, kind: diff.kind, changes: diff.changes })
          edits.push({ kpiId: head.id, patch: diff.patch })
        }
      } else {
        const added = newKpiFrom(fields)
        const target = unparsedTarget(added.fields.target, allow)
        if (target) {
          preview.errors.push({ line, message: `${added.fields.code}: ${target}` })
          continue
        }
        preview.added.push({ line, code: added.fields.code, fields: added.fields })
        adds.push(added.input)
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const message = error.code === 'TARGET_LOCKED' ? `${error.message} Re-baseline it in the app, or keep its target cell as it was.` : error.message
      preview.errors.push({ line, message })
    }
  }
  const listed = new Set(table.rows.map((r) => r.fields.code))
  preview.notInFile = board.filter((k) => k.stage !== 'retired' && !listed.has(k.code)).map((k) => ({ kpiId: k.id, code: k.code, name: k.name }))
  preview.errors.sort((a, b) => a.line - b.line)
  return { preview, edits, adds }
}

/** What importing an edited board table would do: changed KPIs field by field, new KPIs, errors, unknown columns. */
export async function previewTableImport(
  core: Core,
  boardId: number,
  data: Buffer,
  format: TableFormat,
  fileName = `board.${format}`,
  options: TableImportOptions = {}
): Promise<TableImportPreview> {
  core.boards.get(boardId)
  return plan(core, boardId, await readTable(data, format), fileName, format, options).preview
}

/**
 * Applies an import in one transaction: a revision (source `import`, reason naming the file) per
 * changed KPI, a new KPI per new code, one audit entry. Any error in the file writes nothing.
 */
export async function commitTableImport(
  core: Core,
  input: { boardId: number; data: Buffer; format: TableFormat; fileName: string; actor: string } & TableImportOptions
): Promise<TableImportCounts> {
  const { boardId, fileName, actor } = input
  core.boards.get(boardId)
  const table = await readTable(input.data, input.format)
  return core.transaction(() => {
    const { preview, edits, adds } = plan(core, boardId, table, fileName, input.format, input)
    if (preview.errors.length > 0) {
      const first = preview.errors[0]!
      throw new AppError(
        'IMPORT_MALFORMED',
        `${fileName} has ${preview.errors.length} error(s), nothing was imported; line ${first.line}: ${shorten(first.message, 300)}`,
        {
          errors: preview.errors
        }
      )
    }
    const options = { actor, source: 'import' as const, reason: `Imported from ${fileName}`, refuseUnparsedTarget: input.allowUnparsedTarget !== true }
    for (const { kpiId, patch } of edits) core.kpis.edit(kpiId, patch, options)
    for (const kpi of adds) core.kpis.add(boardId, kpi, options)
    const counts = { changed: edits.length, added: adds.length, unchanged: preview.unchanged, unknownColumns: preview.unknownColumns }
    core.audit.record({
      actor,
      action: 'import.table',
      boardId,
      summary: `Imported ${fileName}: ${counts.changed} changed, ${counts.added} added, ${counts.unchanged} unchanged${counts.unknownColumns.length ? `; ignored columns ${counts.unknownColumns.join(', ')}` : ''}`,
      details: { fileName, ...counts }
    })
    return counts
  })
}
