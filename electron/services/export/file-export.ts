import { boardToCsv, boardToJiraCsv, boardToMarkdown, boardToNotionFiles, boardToXlsx, type Locale } from './'
import type { ExportSet } from './export-kpis'
import type { ExportedFile, FileFormat } from '../../domain/export'
import { safeFileName } from './file-names'

export interface FileExportOptions {
  locale: Locale
  /** Jira CSV: the issue type of each KPI (default Task). */
  issueType?: string
  /** Jira CSV: one Epic named after the board first, every KPI its child. */
  epic?: boolean
}

const MIME = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const

/** A name every file system accepts: the board's name (and version) with reserved characters replaced. */
export function baseFileName(set: Pick<ExportSet, 'boardName' | 'versionLabel'>): string {
  const name = set.versionLabel ? `${set.boardName} ${set.versionLabel}` : set.boardName
  return safeFileName(name)
}

const file = (name: string, mime: string, data: Buffer): ExportedFile => ({ name, mime, base64: data.toString('base64') })

/** The files of one export. Built from KPI fields only: no setting or credential can reach them. */
export async function exportFiles(set: ExportSet, format: FileFormat, options: FileExportOptions): Promise<ExportedFile[]> {
  const base = baseFileName(set)
  const { boardName, versionLabel, kpis } = set
  switch (format) {
    case 'markdown':
      return [file(`${base}.md`, MIME.md, Buffer.from(boardToMarkdown({ boardName, versionLabel, kpis, locale: options.locale }), 'utf8'))]
    case 'csv':
      return [file(`${base}.csv`, MIME.csv, boardToCsv(kpis))]
    case 'xlsx':
      return [file(`${base}.xlsx`, MIME.xlsx, await boardToXlsx(kpis))]
    case 'jira-csv': {
      const epic = options.epic ? { summary: versionLabel ? `${boardName} ${versionLabel}` : boardName } : undefined
      return [file(`${base} (Jira).csv`, MIME.csv, boardToJiraCsv(kpis, { issueType: options.issueType, epic }))]
    }
    case 'notion':
      return boardToNotionFiles({ boardName, versionLabel, kpis, locale: options.locale }).map((f) =>
        file(f.name, f.name.endsWith('.csv') ? MIME.csv : MIME.md, f.data)
      )
  }
}
