import { eq, sql } from 'drizzle-orm'
import { exportLink, kpiHead, kpiRevision } from '../../../db/schema'
import type { Core } from '../core'
import { AppError } from '../../domain/errors'
import {
  createSqliteLinkStore,
  exportToNotion,
  exportToTrello,
  type ExportItemResult,
  type ExportRunOptions,
  type ExportTarget,
  type Locale,
  type OnMissing
} from './'
import { hasSecrets, jiraConfig, notionConfig, readConfig, secretRef, settingKey, trelloConfig } from './export-config'
import { EXPORT_SECRETS, exportConfigSchemas, type ExportConfigs } from '../../domain/export'
import { collectExportKpis, type ExportScope } from './export-kpis'
import { exportFiles } from './file-export'
import type { ApiExportResult, ExportedFile, FileFormat, StoredLink } from '../../domain/export'

export interface FileExportRequest extends ExportScope {
  format: FileFormat
  locale: Locale
  /** Jira CSV only: one Epic named after the board, every KPI its child. */
  epic?: boolean
}

export interface ApiExportRequest extends ExportScope {
  target: ExportTarget
  locale?: Locale
  onMissing?: OnMissing
}

export interface ApiExportOptions {
  actor: string
  signal?: AbortSignal
  onProgress?: (done: number, total: number, code: string) => void
}

/** Board exports for the shells: files, the Notion/Jira/Trello APIs, their configuration and links. */
export function createExportService({ core }: { core: Core }) {
  const links = createSqliteLinkStore(core.deps.db)
  const linksOfBoard = core.deps.db
    .select({
      kpiId: exportLink.kpiId,
      code: kpiRevision.code,
      target: exportLink.target,
      container: exportLink.container,
      externalId: exportLink.externalId,
      externalUrl: exportLink.externalUrl,
      lastRevisionId: exportLink.lastRevisionId,
      exportedAt: exportLink.exportedAt,
      headRevisionId: kpiHead.revisionId
    })
    .from(exportLink)
    .innerJoin(kpiHead, eq(kpiHead.kpiId, exportLink.kpiId))
    .innerJoin(kpiRevision, eq(kpiRevision.id, kpiHead.revisionId))
    .where(eq(kpiHead.boardId, sql.placeholder('boardId')))
    .orderBy(exportLink.target, kpiRevision.code)
    .prepare()

  async function exportTo(target: ExportTarget, run: ExportRunOptions, locale: Locale, onMissing?: OnMissing): Promise<ApiExportResult> {
    if (target === 'notion') {
      const config = notionConfig(core)
      const result = await exportToNotion({ ...run, config: { ...config, locale, onMissing } })
      if (result.dataSourceId !== config.dataSourceId) {
        core.settings.set(settingKey('notion'), { ...readConfig(core, 'notion'), dataSourceId: result.dataSourceId })
      }
      return { target, results: result.results, databaseUrl: result.databaseUrl }
    }
    // jira.js is loaded only for a Jira export: it takes over a second to load.
    if (target === 'jira')
      return { target, results: (await (await import('./jira')).exportToJira({ ...run, config: { ...jiraConfig(core), onMissing } })).results }
    return { target, results: (await exportToTrello({ ...run, config: { ...trelloConfig(core), locale, onMissing } })).results }
  }

  function record(
    actor: string,
    boardId: number,
    target: ExportTarget,
    versionLabel: string | null,
    results: readonly ExportItemResult[],
    stopped?: AppError
  ): void {
    const count = (...outcomes: string[]) => results.filter((r) => outcomes.includes(r.outcome)).length
    const tally = { created: count('created', 'recreated'), updated: count('updated'), failed: count('failed'), missing: count('missing') }
    core.audit.record({
      actor,
      action: `export.${target}`,
      boardId,
      summary: `Exported to ${target}${versionLabel ? ` (${versionLabel})` : ''}: ${tally.created} created, ${tally.updated} updated, ${tally.failed} failed${stopped ? `; stopped: ${stopped.code}` : ''}`,
      details: { target, versionLabel, ...tally, ...(stopped ? { stopped: stopped.code } : {}) }
    })
  }

  /** Exports KPIs through the target's API; links are kept per item, so a stopped run keeps what it did. */
  async function runApi(request: ApiExportRequest, options: ApiExportOptions): Promise<ApiExportResult> {
    const set = collectExportKpis(core, request)
    const run: ExportRunOptions = {
      kpis: set.kpis,
      links,
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.(done, total, set.kpis[done - 1]?.code ?? '')
    }
    try {
      const outcome = await exportTo(request.target, run, request.locale ?? 'en', request.onMissing)
      record(options.actor, request.boardId, request.target, set.versionLabel, outcome.results)
      return outcome
    } catch (error) {
      const done = error instanceof AppError ? (error.details?.results as ExportItemResult[] | undefined) : undefined
      if (done && done.length > 0) record(options.actor, request.boardId, request.target, set.versionLabel, done, error as AppError)
      throw error
    }
  }

  function getConfig<T extends ExportTarget>(target: T): { config: ExportConfigs[T]; hasSecrets: Record<string, boolean> } {
    return { config: readConfig(core, target), hasSecrets: hasSecrets(core, target) }
  }

  /** Replaces the target's settings; a credential set to '' is deleted. */
  function setConfig(target: ExportTarget, config: unknown, secrets: Record<string, string> = {}, actor = 'system'): void {
    const parsed = exportConfigSchemas[target].safeParse(config)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new AppError('VALIDATION', `Invalid ${target} export setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`)
    }
    const known: readonly string[] = EXPORT_SECRETS[target]
    const unknown = Object.keys(secrets).filter((name) => !known.includes(name))
    if (unknown.length > 0) throw new AppError('VALIDATION', `The ${target} export has no credential named ${unknown.join(', ')} (known: ${known.join(', ')}).`)
    core.settings.set(settingKey(target), parsed.data)
    for (const [name, value] of Object.entries(secrets)) {
      if (value === '') core.secrets.delete(secretRef(target, name))
      else core.secrets.set(secretRef(target, name), value)
    }
    core.audit.record({
      actor,
      action: 'export.configure',
      summary: `Changed the ${target} export settings`,
      details: { target, settings: Object.keys(parsed.data), credentials: Object.keys(secrets) }
    })
  }

  /**
   * Merges settings into the saved ones (the CLI's flags). Pointing Notion at another page or
   * database forgets the remembered data source, so the next export goes where the user said.
   */
  function updateConfig<T extends ExportTarget>(target: T, patch: Partial<ExportConfigs[T]>, actor = 'system'): ExportConfigs[T] {
    const current = readConfig(core, target) as Record<string, unknown>
    const changed = Object.entries(patch).filter(([key, value]) => value !== undefined && current[key] !== value)
    if (changed.length === 0) return current as ExportConfigs[T]
    const next: Record<string, unknown> = { ...current, ...Object.fromEntries(changed) }
    const moved = new Set(changed.map(([key]) => key))
    if (target === 'notion' && !moved.has('dataSourceId') && (moved.has('parentPageId') || moved.has('databaseId'))) {
      delete next.dataSourceId
      if (!moved.has('databaseId')) delete next.databaseId
    }
    setConfig(target, next, {}, actor)
    return readConfig(core, target)
  }

  return {
    async file(request: FileExportRequest): Promise<{ files: ExportedFile[] }> {
      const set = collectExportKpis(core, request)
      const issueType = request.format === 'jira-csv' ? readConfig(core, 'jira').issueType : undefined
      return { files: await exportFiles(set, request.format, { locale: request.locale, issueType, epic: request.epic }) }
    },
    run: runApi,
    config: { get: getConfig, set: setConfig, update: updateConfig },
    links(boardId: number): StoredLink[] {
      core.boards.get(boardId)
      const rows = linksOfBoard.all({ boardId })
      return rows.map(({ headRevisionId, ...link }) => ({ ...link, outdated: link.lastRevisionId !== headRevisionId }))
    }
  }
}
export type ExportService = ReturnType<typeof createExportService>
