import * as z from '../domain/zod'
import type { ApiExportResult, ExportConfigs, ExportedFile, ExportTarget, StoredLink, TableImportCounts, TableImportPreview } from '../domain/export'
import { id, procedure, result } from './procedure'

/** The saved settings of one target and which of its credentials are set. */
export interface ExportConfigView {
  config: ExportConfigs[ExportTarget]
  hasSecrets: Record<string, boolean>
}

const locale = z.enum(['en', 'zh-CN'])
const target = z.enum(['notion', 'jira', 'trello'])
const scope = {
  boardId: id,
  /** A board version label: its pinned KPIs; omitted for the board as it is now. */
  versionLabel: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))),
  /** A selection of the board's KPIs; omitted for all of them. */
  kpiIds: z.optional(z.array(id).check(z.minLength(1), z.maxLength(5000)))
}
/** A CSV/XLSX file as the renderer read it; base64 of at most 20 MB. */
const tableFile = {
  boardId: id,
  fileName: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)),
  base64: z.base64().check(z.maxLength(28_000_000)),
  /** Keep targets the parser cannot read as flagged text (as the editor's "save anyway"); refused otherwise. */
  allowUnparsedTarget: z.optional(z.boolean())
}

export const exportProcedures = {
  'export.file': procedure({
    input: z.strictObject({
      ...scope,
      format: z.enum(['markdown', 'csv', 'xlsx', 'jira-csv', 'notion']),
      locale: z._default(locale, 'en'),
      /** Jira CSV: an Epic named after the board first, every KPI its child. */
      epic: z.optional(z.boolean())
    }),
    output: result<{ files: ExportedFile[] }>()
  }),
  /** Streams `{ done, total, code }` after each KPI; a stopped run's error carries `details.results`. */
  'export.run': procedure({
    writes: true,
    input: z.strictObject({ ...scope, target, locale: z._default(locale, 'en'), onMissing: z.optional(z.enum(['recreate', 'report'])) }),
    output: result<ApiExportResult>(),
    chunk: result<{ done: number; total: number; code: string }>()
  }),
  /** The saved settings and which credentials are set; never a credential's value. */
  'export.config.get': procedure({
    input: z.strictObject({ target }),
    output: result<ExportConfigView>()
  }),
  /** Replaces the settings; `secrets` sets credentials by name (`''` removes one). */
  'export.config.set': procedure({
    writes: true,
    input: z.strictObject({
      target,
      config: z.record(z.string(), z.string()),
      secrets: z.optional(z.record(z.string(), z.string().check(z.maxLength(4000))))
    }),
    output: result<ExportConfigView>()
  }),
  /** Changes only the settings given (the others stay); credentials are not set here. */
  'export.config.update': procedure({
    writes: true,
    input: z.strictObject({ target, config: z.record(z.string(), z.optional(z.string())) }),
    output: result<ExportConfigView>()
  }),
  'export.links': procedure({ input: z.strictObject({ boardId: id }), output: result<StoredLink[]>() }),
  'import.table.preview': procedure({ input: z.strictObject(tableFile), output: result<TableImportPreview>() }),
  'import.table.commit': procedure({ writes: true, input: z.strictObject(tableFile), output: result<TableImportCounts>() })
}
