import type { KpiFields } from '../domain/kpi'

/** One KPI as every exporter receives it: its current fields plus what the board shows beside them. */
export type ExportKpi = KpiFields & {
  id: number
  revisionId: number
  currentValue: number | null
  latestProposal: string | null
  versionLabel: string | null
}

export type ExportTarget = 'notion' | 'jira' | 'trello'

export type ExportOutcome = 'created' | 'updated' | 'recreated' | 'failed' | 'missing'

export interface ExportItemResult {
  kpiId: number
  code: string
  outcome: ExportOutcome
  externalId?: string
  url?: string
  error?: string
}

export interface ExportRunResult {
  results: ExportItemResult[]
}

/** What to do when an item a KPI was exported to has been deleted or archived in the external tool. */
export type OnMissing = 'recreate' | 'report'
