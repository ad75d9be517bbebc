import Papa from 'papaparse'
import { NEUTRAL_CSV } from './csv-cells'
import type { ExportKpi } from '../../domain/export'
import type { Locale } from './kpi-text'
import { frequencyLabel, stageLabel, statusLabel } from './kpi-text'
import { boardToMarkdown } from './markdown'
import { safeFileName } from './file-names'
import { roundFigure } from '../../domain/judging/format-figure'

export interface NotionFilesInput {
  boardName: string
  versionLabel: string | null
  kpis: readonly ExportKpi[]
  locale: Locale
}

export interface ExportFile {
  name: string
  data: Buffer
}

/** The same properties as the API export's database, the title property first as Notion's CSV import expects. */
export const NOTION_CSV_COLUMNS = [
  'KPI code',
  'KPI name',
  'Description',
  'Data source',
  'Target',
  'Current value',
  'Stage',
  'Latest proposal',
  'Status',
  'Owner',
  'Frequency',
  'Version'
] as const

/**
 * Files for Notion's importer (Import → CSV / Markdown): a CSV that becomes a database with one row
 * per KPI, and the board as a Markdown page. Credentials never appear in them.
 */
export function boardToNotionFiles({ boardName, versionLabel, kpis, locale }: NotionFilesInput): ExportFile[] {
  const rows = kpis.map((kpi) => [
    kpi.code,
    kpi.name,
    kpi.description,
    kpi.dataSource,
    kpi.target?.text ?? '',
    kpi.currentValue === null ? '' : String(roundFigure(kpi.currentValue, kpi.unit)),
    stageLabel(kpi.stage, locale),
    kpi.latestProposal ?? '',
    statusLabel(kpi.status, locale),
    kpi.owner,
    kpi.frequency ? frequencyLabel(kpi.frequency, locale) : '',
    kpi.versionLabel ?? versionLabel ?? ''
  ])
  const base = safeFileName(versionLabel ? `${boardName} ${versionLabel}` : boardName)
  const csv = Papa.unparse({ fields: [...NOTION_CSV_COLUMNS], data: rows }, { newline: '\n', ...NEUTRAL_CSV })
  return [
    { name: `${base}.csv`, data: Buffer.from(`${csv}\n`, 'utf8') },
    { name: `${base}.md`, data: Buffer.from(boardToMarkdown({ boardName, versionLabel, kpis, locale }), 'utf8') }
  ]
}
