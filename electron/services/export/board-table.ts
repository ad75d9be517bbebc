import Papa from 'papaparse'
import { NEUTRAL_CSV } from './csv-cells'
import { KPI_FIELDS, type KpiField } from '../../domain/kpi'
import type { ExportKpi } from '../../domain/export'
import { roundFigure } from '../../domain/judging/format-figure'
import { formatMapping } from '../../domain/result-mapping'
import { formatBenchmarks, formatMilestones, formatTags, formatThresholds } from './kpi-text'

/**
 * The board's CSV/XLSX columns: every KpiFields key in its declared order, then `currentValue` and
 * `latestProposal` (the assistant's or analyzer's latest suggestion; both read-only: ignored on import). Structured fields are written as readable text that
 * `parseBoardTable` reads back (see kpi-text.ts for their grammar).
 */
export const BOARD_COLUMNS = [...KPI_FIELDS, 'currentValue', 'latestProposal'] as const
export type BoardColumn = KpiField | 'currentValue' | 'latestProposal'

const UTF8_BOM = '\uFEFF'

function cellText(kpi: ExportKpi, column: BoardColumn): string {
  switch (column) {
    case 'target':
      return kpi.target?.text ?? ''
    case 'alertThresholds':
      return formatThresholds(kpi.alertThresholds)
    case 'benchmarks':
      return formatBenchmarks(kpi.benchmarks)
    case 'milestones':
      return formatMilestones(kpi.milestones)
    case 'tags':
      return formatTags(kpi.tags)
    case 'frequency':
      return kpi.frequency ?? ''
    case 'targetPeriod':
      return kpi.targetPeriod ?? ''
    case 'aggregation':
      return kpi.aggregation ?? ''
    case 'mapping':
      return formatMapping(kpi.mapping)
    case 'currentValue':
      return kpi.currentValue === null ? '' : String(roundFigure(kpi.currentValue, kpi.unit))
    case 'latestProposal':
      return kpi.latestProposal ?? ''
    default:
      return kpi[column]
  }
}

/** RFC 4180 CSV, CRLF line ends, UTF-8 with a BOM so that Excel shows Chinese correctly. */
export function boardToCsv(kpis: readonly ExportKpi[]): Buffer {
  const rows = kpis.map((kpi) => BOARD_COLUMNS.map((column) => cellText(kpi, column)))
  const csv = Papa.unparse({ fields: [...BOARD_COLUMNS], data: rows }, { newline: '\r\n', quotes: false, ...NEUTRAL_CSV })
  return Buffer.from(UTF8_BOM + csv + '\r\n', 'utf8')
}

const WIDTHS: Partial<Record<BoardColumn, number>> = {
  code: 12,
  name: 28,
  description: 40,
  formula: 50,
  dataSource: 18,
  sourceNote: 18,
  mapping: 30,
  target: 22,
  alertThresholds: 28,
  benchmarks: 36,
  milestones: 36,
  notes: 30,
  latestProposal: 40
}
const WRAPPED = new Set<BoardColumn>(['description', 'formula', 'benchmarks', 'milestones', 'notes', 'latestProposal'])

/** One sheet "KPIs": a bold frozen header row, sized columns, wrapped long text, a numeric current value. */
export async function boardToXlsx(kpis: readonly ExportKpi[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'KPI Loop'
  const sheet = workbook.addWorksheet('KPIs', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = BOARD_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: WIDTHS[column] ?? 14,
    style: WRAPPED.has(column) ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } }
  }))
  sheet.getRow(1).font = { bold: true }
  for (const kpi of kpis) {
    const row: Record<string, string | number> = {}
    for (const column of BOARD_COLUMNS) row[column] = cellText(kpi, column)
    if (kpi.currentValue !== null) row.currentValue = kpi.currentValue
    sheet.addRow(row)
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
