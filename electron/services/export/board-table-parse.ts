import type ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { AGGREGATIONS, DIRECTIONS, type Aggregation, type Direction, type KpiFieldsInput } from '../../domain/kpi'
import { GRAINS, type Grain } from '../../domain/period'
import { AppError } from '../../domain/errors'
import { parseMapping } from '../../domain/result-mapping'
import { BOARD_COLUMNS, type BoardColumn } from './board-table'
import { restoreCell } from './csv-cells'
import { decodeText } from '../import-guard/decode-text'
import { IMPORT_LIMITS } from '../import-guard/limits'
import { checkZip } from '../import-guard/zip-guard'
import { shorten } from '../../domain/number'
import { parseBenchmarks, parseFrequency, parseMilestones, parseStage, parseStatus, parseTags, parseThresholds } from './kpi-text'

export interface ParsedBoardRow {
  /** 1-based line (CSV) or row number (XLSX) where the KPI starts. */
  line: number
  /** Only the columns present in the file. `target` carries text only (`parsed: null`): the caller parses it. */
  fields: Partial<KpiFieldsInput> & { code: string }
}

export interface ParsedBoardTable {
  rows: ParsedBoardRow[]
  /** Header names that map to no KPI field, as written in the file. */
  unknownColumns: string[]
  errors: { line: number; message: string }[]
}

const normalise = (name: string): string => name.toLowerCase().replace(/[\s_\-./()（）:：]/g, '')

/** Header aliases beyond the camelCase keys: English display names and the Chinese a product owner types. */
const ALIASES: Record<string, BoardColumn> = {
  kpi: 'code',
  kpicode: 'code',
  kpiid: 'code',
  id: 'code',
  编号: 'code',
  kpi编号: 'code',
  指标编号: 'code',
  名称: 'name',
  指标名称: 'name',
  kpi名称: 'name',
  指标: 'name',
  title: 'name',
  描述: 'description',
  定义: 'description',
  衡量定义: 'description',
  definition: 'description',
  类别: 'category',
  分类: 'category',
  层级: 'category',
  layer: 'category',
  公式: 'formula',
  计算公式: 'formula',
  数据源: 'dataSource',
  数据来源: 'dataSource',
  source: 'dataSource',
  来源说明: 'sourceNote',
  数据源说明: 'sourceNote',
  结果映射: 'mapping',
  映射: 'mapping',
  目标: 'target',
  目标值: 'target',
  单位: 'unit',
  方向: 'direction',
  频率: 'frequency',
  监控频率: 'frequency',
  采集频率: 'frequency',
  采集周期: 'frequency',
  负责人: 'owner',
  责任人: 'owner',
  预警阈值: 'alertThresholds',
  阈值: 'alertThresholds',
  alert: 'alertThresholds',
  alerts: 'alertThresholds',
  thresholds: 'alertThresholds',
  基准: 'benchmarks',
  基准值: 'benchmarks',
  行业基准: 'benchmarks',
  benchmark: 'benchmarks',
  里程碑: 'milestones',
  目标分解: 'milestones',
  milestone: 'milestones',
  阶段: 'stage',
  状态: 'status',
  标签: 'tags',
  tag: 'tags',
  备注: 'notes',
  note: 'notes',
  当前值: 'currentValue',
  current: 'currentValue',
  actual: 'currentValue',
  实际值: 'currentValue',
  最新建议: 'latestProposal',
  助手建议: 'latestProposal',
  建议: 'latestProposal',
  suggestion: 'latestProposal'
}
for (const column of BOARD_COLUMNS) ALIASES[normalise(column)] = column

export const columnFor = (header: string): BoardColumn | undefined => ALIASES[normalise(header)]

const malformed = (line: number, message: string): AppError => new AppError('IMPORT_MALFORMED', `${message} (line ${line}).`, { line })

type Fields = Partial<KpiFieldsInput> & { code: string }

function applyCell(fields: Fields, column: BoardColumn, raw: string): string | undefined {
  const value = column === 'formula' || column === 'description' || column === 'notes' ? raw.replace(/\r\n/g, '\n') : raw.trim()
  switch (column) {
    case 'code':
    case 'currentValue':
    case 'latestProposal':
      return undefined
    case 'target':
      fields.target = value === '' ? null : { text: value, parsed: null }
      return undefined
    case 'alertThresholds':
      fields.alertThresholds = parseThresholds(value)
      return undefined
    case 'benchmarks':
      fields.benchmarks = parseBenchmarks(value)
      return undefined
    case 'milestones':
      fields.milestones = parseMilestones(value)
      return undefined
    case 'tags':
      fields.tags = parseTags(value)
      return undefined
    case 'frequency': {
      const frequency = parseFrequency(value)
      if (value !== '' && !frequency) return `unknown frequency "${value}"`
      fields.frequency = frequency ?? null
      return undefined
    }
    case 'targetPeriod': {
      if (value !== '' && !(GRAINS as readonly string[]).includes(value.trim())) return `unknown target period "${value}" (${GRAINS.join(', ')})`
      fields.targetPeriod = value === '' ? null : (value.trim() as Grain)
      return undefined
    }
    case 'aggregation': {
      if (value !== '' && !(AGGREGATIONS as readonly string[]).includes(value.trim())) return `unknown aggregation "${value}" (${AGGREGATIONS.join(', ')})`
      fields.aggregation = value === '' ? null : (value.trim() as Aggregation)
      return undefined
    }
    case 'stage': {
      const stage = parseStage(value)
      if (!stage) return value === '' ? undefined : `unknown stage "${value}"`
      fields.stage = stage
      return undefined
    }
    case 'status': {
      const status = parseStatus(value)
      if (!status) return value === '' ? undefined : `unknown status "${value}"`
      fields.status = status
      return undefined
    }
    case 'mapping':
      try {
        fields.mapping = parseMapping(value)
      } catch (error) {
        return (error as Error).message
      }
      return undefined
    case 'direction': {
      if (value === '') return undefined
      if (!(DIRECTIONS as readonly string[]).includes(value.toLowerCase())) return `unknown direction "${value}" (higher, lower or range)`
      fields.direction = value.toLowerCase() as Direction
      return undefined
    }
    default:
      fields[column] = value
      return undefined
  }
}

const limitError = (limit: 'tableRows' | 'columns', count: number, what: string): AppError =>
  new AppError('IMPORT_LIMIT', `The table has ${count} ${what}; a board table may have at most ${IMPORT_LIMITS[limit]}. Nothing was imported.`, {
    limit,
    max: IMPORT_LIMITS[limit]
  })

/** Two headers that name the same field ("code" and "编号", or "name" twice) make the file ambiguous. */
function checkHeader(header: string[], columns: (BoardColumn | undefined)[], headerLine: number): void {
  if (header.length > IMPORT_LIMITS.columns) throw limitError('columns', header.length, 'columns')
  const seen = new Map<string, number>()
  header.forEach((name, index) => {
    const key = columns[index] ?? (name.trim() === '' ? undefined : `?${normalise(name)}`)
    if (key === undefined) return
    const first = seen.get(key)
    if (first !== undefined) {
      throw new AppError(
        'IMPORT_DUPLICATE_COLUMN',
        `Columns ${first + 1} ("${shorten(header[first]!, 40)}") and ${index + 1} ("${shorten(name, 40)}") of the header (line ${headerLine}) name the same field.`,
        { line: headerLine, columns: [first + 1, index + 1] }
      )
    }
    seen.set(key, index)
  })
}

/** Turns a header row and data rows (with their line numbers) into KPI field sets. */
function readTable(header: string[], rows: { line: number; cells: string[] }[], headerLine: number): ParsedBoardTable {
  const columns = header.map((h) => columnFor(h))
  checkHeader(header, columns, headerLine)
  const unknownColumns = header.filter((h, i) => columns[i] === undefined && h.trim() !== '')
  const codeIndex = columns.indexOf('code')
  if (codeIndex < 0) throw malformed(headerLine, 'The table has no KPI code column ("code", "KPI code" or "编号")')
  const result: ParsedBoardTable = { rows: [], unknownColumns, errors: [] }
  const seen = new Map<string, number>()
  for (const { line, cells } of rows) {
    if (cells.every((c) => c.trim() === '')) continue
    const code = (cells[codeIndex] ?? '').trim()
    if (code === '') {
      result.errors.push({ line, message: 'The KPI code is empty.' })
      continue
    }
    const first = seen.get(code)
    if (first !== undefined) {
      result.errors.push({ line, message: `The KPI code ${shorten(code)} already appears on line ${first}.` })
      continue
    }
    seen.set(code, line)
    const fields: Fields = { code }
    columns.forEach((column, i) => {
      if (!column) return
      const problem = applyCell(fields, column, cells[i] ?? '')
      if (problem) result.errors.push({ line, message: `${shorten(code)}: ${problem}.` })
    })
    result.rows.push({ line, fields })
  }
  return result
}

/**
 * A row with fewer cells than the header was cut off (a disk that filled up, a copy that stopped): the whole
 * file is refused with its line rather than importing "We" for a name. Extra cells must be empty.
 */
function checkRowWidth(cells: string[], width: number, line: number): void {
  const extra = cells.slice(width).some((c) => c.trim() !== '')
  if (cells.length >= width && !extra) return
  const why = extra ? `has ${cells.length} cells, more than the header's ${width}` : `has ${cells.length} of the header's ${width} cells; it looks cut off`
  throw new AppError('IMPORT_ROW_INVALID', `Line ${line} ${why}. Nothing was imported.`, { line })
}

function parseCsv(data: Buffer): ParsedBoardTable {
  const text = decodeText(data, 'The CSV file')
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'], skipEmptyLines: false })
  const last = parsed.data.at(-1)
  const dataRows = parsed.data.length - 1 - (last && last.length === 1 && last[0] === '' ? 1 : 0)
  if (dataRows > IMPORT_LIMITS.tableRows) throw limitError('tableRows', dataRows, 'rows')
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes')
  const lineStarts: number[] = []
  // Papaparse reports no line numbers; recover them from each row's end offset through a second pass.
  let offset = 0
  let line = 1
  Papa.parse<string[]>(text, {
    delimiter: parsed.meta.delimiter,
    step: (step) => {
      lineStarts.push(line)
      const end = step.meta.cursor
      for (let i = offset; i < end; i++) if (text.charCodeAt(i) === 10) line++
      offset = end
    }
  })
  if (quoteError) {
    const at = lineStarts[quoteError.row ?? 0] ?? 1
    throw new AppError('IMPORT_ROW_INVALID', `A quoted cell is never closed or has a stray quote (line ${at}). Nothing was imported.`, { line: at })
  }
  const [header, ...rest] = parsed.data
  if (!header || (header.length === 1 && header[0]!.trim() === '')) throw malformed(1, 'The CSV file is empty')
  checkHeader(header, header.map(columnFor), 1)
  const rows = rest.map((cells, i) => ({ line: lineStarts[i + 1] ?? i + 2, cells: cells.map(restoreCell) }))
  for (const row of rows) if (!row.cells.every((c) => c.trim() === '')) checkRowWidth(row.cells, header.length, row.line)
  return readTable(header, rows, 1)
}

function cellString(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return cell.text ?? ''
}

/** Counts `<row` elements of a worksheet before exceljs builds a model of a million rows. */
function countRows(xml: Buffer): number {
  let count = 0
  for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
    const next = xml[at + 4]
    if (next === 0x20 || next === 0x3e || next === 0x2f) count++
  }
  return count
}

async function parseXlsx(data: Buffer): Promise<ParsedBoardTable> {
  const parts = checkZip(data, 'XLSX workbook', (name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))
  for (const part of parts) {
    const rows = part.data ? countRows(part.data) : 0
    if (rows > IMPORT_LIMITS.tableRows + 1) throw limitError('tableRows', rows - 1, 'rows')
  }
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer)
  } catch {
    throw malformed(1, 'The file is not a readable XLSX workbook')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet || sheet.rowCount === 0) throw malformed(1, 'The workbook has no rows')
  const width = sheet.columnCount
  if (width > IMPORT_LIMITS.columns) throw limitError('columns', width, 'columns')
  const cellsOf = (row: ExcelJS.Row): string[] => Array.from({ length: width }, (_, i) => cellString(row.getCell(i + 1)))
  const rows: { line: number; cells: string[] }[] = []
  let header: string[] | undefined
  let headerLine = 1
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (!header) {
      header = cellsOf(row)
      headerLine = row.number
    } else rows.push({ line: row.number, cells: cellsOf(row) })
  })
  return readTable(header ?? [], rows, headerLine)
}

/**
 * Reads a board table exported by `boardToCsv`/`boardToXlsx` and possibly edited in Excel: BOM, CRLF, `;` or
 * tab separators, Chinese or English headers, UTF-16/UTF-32/GB18030 text. Unknown columns are reported;
 * duplicate columns, cut-off rows and files past the limits are refused with a coded error.
 */
export async function parseBoardTable(data: Buffer, format: 'csv' | 'xlsx'): Promise<ParsedBoardTable> {
  try {
    return format === 'csv' ? parseCsv(data) : await parseXlsx(data)
  } catch (error) {
    // A workbook exceljs half-reads (no shared strings, odd cell types) fails inside it with a TypeError: never shown raw.
    if (error instanceof AppError) throw error
    throw malformed(1, `The ${format.toUpperCase()} file could not be read`)
  }
}
