import Papa from 'papaparse'
import { NEUTRAL_CSV } from './csv-cells'
import type { ExportKpi } from '../../domain/export'
import { kpiDescriptionParts, kpiLabels, kpiSummary } from './kpi-description'

export interface JiraCsvOptions {
  /** Issue type of each KPI's issue; default "Task". */
  issueType?: string
  /** When given, one Epic row comes first and every KPI issue is its child (Issue Id / Parent Id). */
  epic?: { summary: string; description?: string }
}

const escapeWiki = (text: string): string => text.replace(/[*_{}[\]|]/g, '\\$&')

/** Jira wiki markup (what the CSV importer reads): bold labels, SQL in a {code} block. */
export function kpiWikiDescription(kpi: ExportKpi): string {
  return kpiDescriptionParts(kpi)
    .map((p) => (p.code ? `*${p.label}*:\n{code:sql}\n${p.value}\n{code}` : `*${p.label}*: ${escapeWiki(p.value)}`))
    .join('\n\n')
}

/**
 * A CSV for Jira's CSV importer: Issue Id, Parent Id, Summary, Issue Type, Description, Latest proposal and one
 * "Labels" column per label (the importer reads repeated headers as a multi-value field).
 * Parents come before their children, as the importer requires.
 */
export function boardToJiraCsv(kpis: readonly ExportKpi[], options: JiraCsvOptions = {}): Buffer {
  const issueType = options.issueType ?? 'Task'
  const labelsPerKpi = kpis.map(kpiLabels)
  const labelColumns = Math.max(1, ...labelsPerKpi.map((l) => l.length))
  // The suggestion has its own column, so the importer can map it to a field of its own (or skip it).
  const header = ['Issue Id', 'Parent Id', 'Summary', 'Issue Type', 'Description', 'Latest proposal', ...Array<string>(labelColumns).fill('Labels')]
  const rows: string[][] = []
  const pad = (labels: string[]): string[] => [...labels, ...Array<string>(labelColumns - labels.length).fill('')]
  const firstId = options.epic ? 2 : 1
  if (options.epic) rows.push(['1', '', options.epic.summary, 'Epic', options.epic.description ?? '', '', ...pad([])])
  kpis.forEach((kpi, i) => {
    rows.push([
      String(firstId + i),
      options.epic ? '1' : '',
      kpiSummary(kpi),
      issueType,
      kpiWikiDescription(kpi),
      kpi.latestProposal ?? '',
      ...pad(labelsPerKpi[i] ?? [])
    ])
  })
  return Buffer.from(Papa.unparse({ fields: header, data: rows }, { newline: '\r\n', ...NEUTRAL_CSV }) + '\r\n', 'utf8')
}
