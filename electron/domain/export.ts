import * as z from './zod'
import type { KpiFields, RevisionKind } from './kpi'
import type { FieldChange } from './views'

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

export const FILE_FORMATS = ['markdown', 'csv', 'xlsx', 'jira-csv', 'notion'] as const

export type FileFormat = (typeof FILE_FORMATS)[number]

export interface ExportedFile {
  name: string
  mime: string
  base64: string
}

export interface ApiExportResult {
  target: ExportTarget
  results: ExportItemResult[]
  /** Notion: the database the KPIs are in (remembered for the next export). */
  databaseUrl?: string | null
}

export interface StoredLink {
  kpiId: number
  code: string
  target: ExportTarget
  container: string
  externalId: string
  externalUrl: string | null
  lastRevisionId: number | null
  /** Whether the KPI changed since it was last exported there. */
  outdated: boolean
  exportedAt: number
}

export type TableFormat = 'csv' | 'xlsx'

export interface ChangedKpi {
  line: number
  kpiId: number
  code: string
  name: string
  /** `edit`, `stage`, `meaning` (formula or source changed after launch) … as the revision will record it. */
  kind: RevisionKind
  changes: FieldChange[]
}

export interface AddedKpi {
  line: number
  code: string
  fields: KpiFields
}

export interface TableImportPreview {
  fileName: string
  format: TableFormat
  changed: ChangedKpi[]
  added: AddedKpi[]
  /** Rows that match a KPI and change nothing. */
  unchanged: number
  /** Active KPIs of the board that the file does not list (left as they are). */
  notInFile: { kpiId: number; code: string; name: string }[]
  /** Header names that map to no KPI field: their cells are not imported. */
  unknownColumns: string[]
  /** Any error blocks the commit: nothing is written. */
  errors: { line: number; message: string }[]
}

export interface TableImportCounts {
  changed: number
  added: number
  unchanged: number
  unknownColumns: string[]
}

// A form's empty field means "not set".
const blankless = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)),
    z.optional(schema)
  )
const text = blankless(z.string().check(z.trim(), z.maxLength(500)))
const url = blankless(z.url({ protocol: /^https?$/ }).check(z.maxLength(500)))

/** Non-secret export settings per target (`export.<target>` in the workspace settings). */
export const exportConfigSchemas = {
  notion: z.strictObject({
    /** Create the KPI database under this page on the first export. */
    parentPageId: text,
    /** Or add KPIs to this existing database. */
    databaseId: text,
    /** Remembered after the first export so later exports update the same database. */
    dataSourceId: text,
    databaseTitle: text,
    /** Default https://api.notion.com. */
    baseUrl: url
  }),
  jira: z.strictObject({ host: url, email: text, projectKey: text, issueType: text }),
  trello: z.strictObject({ boardId: text, baseUrl: url })
}

export type ExportConfigs = { [T in ExportTarget]: z.infer<(typeof exportConfigSchemas)[T]> }

/** Credential names per target; each lives in the secret store under `export:<target>:<name>`. */
export const EXPORT_SECRETS = {
  notion: ['token'],
  jira: ['apiToken'],
  trello: ['key', 'token']
} as const satisfies Record<ExportTarget, readonly string[]>
