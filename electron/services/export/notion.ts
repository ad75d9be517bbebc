import { APIErrorCode, APIResponseError, Client, LogLevel, type DataSourceObjectResponse } from '@notionhq/client'
import { AppError } from '../../domain/errors'
import type { ExportRunResult, OnMissing } from '../../domain/export'
import { createThrottle, runExport, type ExportRunOptions, type ItemAdapter } from './export-run'
import type { Locale } from './kpi-text'
import { NOTION_PROPERTIES, NOTION_TITLE, kpiProperties, propertySchema, richText } from './notion-properties'

export interface NotionExportConfig {
  /** Internal integration secret. Sent only as a Bearer header. */
  token: string
  /** Where to put the KPIs: an existing data source, an existing database (its first data source), or a new database under a page. */
  dataSourceId?: string
  databaseId?: string
  parentPageId?: string
  /** Title of a newly created database; default "KPI Loop". */
  databaseTitle?: string
  locale?: Locale
  onMissing?: OnMissing
  /** Default https://api.notion.com (tests point it at a local server). */
  baseUrl?: string
  /** Default 3, Notion's documented average rate limit. */
  requestsPerSecond?: number
}

export interface NotionExportResult extends ExportRunResult {
  /** Pass this back as `dataSourceId` next time so the same database is updated. */
  dataSourceId: string
  databaseId: string | null
  databaseUrl: string | null
}

function notionError(error: unknown): unknown {
  if (!APIResponseError.isAPIResponseError(error)) return error
  if (error.code === APIErrorCode.Unauthorized) {
    return new AppError('EXPORT_AUTH', 'Notion rejected the integration token (401). Check the token in the Notion export settings.')
  }
  if (error.code === APIErrorCode.RateLimited) {
    return new AppError('EXPORT_RATE_LIMIT', 'Notion is still rate limiting after several retries; try again later.')
  }
  return error
}

const mapped = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call()
  } catch (error) {
    throw notionError(error)
  }
}

function notionClient(config: Pick<NotionExportConfig, 'token' | 'baseUrl' | 'requestsPerSecond'>): Client {
  const throttle = createThrottle(config.requestsPerSecond ?? 3)
  return new Client({
    auth: config.token,
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    logLevel: LogLevel.ERROR,
    retry: { maxRetries: 3, maxRetryDelayMs: 30_000 },
    fetch: (url, init) => throttle(() => fetch(url, init as RequestInit))
  })
}

// Notion takes at most 100 blocks per request and 100 rows per table (the header row included).
const MAX_TABLE_ROWS = 99

/** A Notion table block: the header row, then the rows (each cell one rich text). */
function tableBlock(columns: string[], rows: string[][]) {
  const row = (cells: string[]) => ({ type: 'table_row' as const, table_row: { cells: cells.map((cell) => richText(cell)) } })
  return {
    type: 'table' as const,
    table: { table_width: columns.length, has_column_header: true, has_row_header: false, children: [row(columns), ...rows.map(row)] }
  }
}

/**
 * Posts a notice as a new Notion page under `parentPageId`: its lines as paragraphs, then the table
 * (split into several tables past Notion's 100-row limit). Returns the new page's URL.
 */
export async function postNotionPage(
  config: Pick<NotionExportConfig, 'token' | 'baseUrl' | 'requestsPerSecond'>,
  parentPageId: string,
  notice: { title: string; lines: string[]; table: { columns: string[]; rows: string[][] } }
): Promise<{ id: string; url: string | null }> {
  const client = notionClient(config)
  const tables: ReturnType<typeof tableBlock>[] = []
  for (let i = 0; i === 0 || i < notice.table.rows.length; i += MAX_TABLE_ROWS)
    tables.push(tableBlock(notice.table.columns, notice.table.rows.slice(i, i + MAX_TABLE_ROWS)))
  const paragraphs = notice.lines.map((line) => ({ type: 'paragraph' as const, paragraph: { rich_text: richText(line) } }))
  const page = await mapped(() =>
    client.pages.create({
      parent: { type: 'page_id', page_id: parentPageId },
      properties: { title: { title: richText(notice.title) } },
      children: [...paragraphs, ...tables].slice(0, 100)
    })
  )
  return { id: page.id, url: 'url' in page ? page.url : null }
}

const isCode = (error: unknown, code: APIErrorCode): boolean => APIResponseError.isAPIResponseError(error) && error.code === code

interface Target {
  dataSourceId: string
  databaseId: string | null
  databaseUrl: string | null
  titleProperty: string
}

async function useExisting(client: Client, dataSourceId: string, databaseUrl: string | null): Promise<Target> {
  const source = await mapped(() => client.dataSources.retrieve({ data_source_id: dataSourceId })).catch((error: unknown) => {
    if (isCode(error, APIErrorCode.ObjectNotFound)) {
      throw new AppError('EXPORT_CONFIG', 'The Notion database was not found, or it is not shared with the integration.')
    }
    throw error
  })
  if (!('properties' in source)) throw new AppError('EXPORT_CONFIG', 'The integration cannot read the Notion database schema.')
  const full = source as DataSourceObjectResponse
  const existing = Object.values(full.properties)
  const title = existing.find((p) => p.type === 'title')
  const missing: Record<string, Record<string, unknown>> = {}
  for (const [name, type] of Object.entries(NOTION_PROPERTIES)) {
    if (type === 'title') continue
    const found = existing.find((p) => p.name === name)
    if (!found) missing[name] = propertySchema(type)
    else if (found.type !== type) {
      throw new AppError('EXPORT_CONFIG', `The Notion property "${name}" is a ${found.type} property; KPI Loop needs ${type}.`)
    }
  }
  if (Object.keys(missing).length > 0) {
    await mapped(() => client.dataSources.update({ data_source_id: dataSourceId, properties: missing as never }))
  }
  const databaseId = full.parent.type === 'database_id' ? full.parent.database_id : null
  return { dataSourceId, databaseId, databaseUrl: databaseUrl ?? full.url, titleProperty: title?.name ?? NOTION_TITLE }
}

async function resolveTarget(client: Client, config: NotionExportConfig): Promise<Target> {
  if (config.dataSourceId) return useExisting(client, config.dataSourceId, null)
  if (config.databaseId) {
    const databaseId = config.databaseId
    const database = await mapped(() => client.databases.retrieve({ database_id: databaseId })).catch((error: unknown) => {
      if (isCode(error, APIErrorCode.ObjectNotFound)) {
        throw new AppError('EXPORT_CONFIG', 'The Notion database was not found, or it is not shared with the integration.')
      }
      throw error
    })
    const first = 'data_sources' in database ? database.data_sources[0] : undefined
    if (!first) throw new AppError('EXPORT_CONFIG', 'The Notion database has no data source to add KPIs to.')
    return useExisting(client, first.id, 'url' in database ? database.url : null)
  }
  if (config.parentPageId) {
    const properties = Object.fromEntries(Object.entries(NOTION_PROPERTIES).map(([name, type]) => [name, propertySchema(type)]))
    const parentPageId = config.parentPageId
    const database = await mapped(() =>
      client.databases.create({
        parent: { type: 'page_id', page_id: parentPageId },
        title: richText(config.databaseTitle ?? 'KPI Loop'),
        initial_data_source: { properties: properties as never }
      })
    ).catch((error: unknown) => {
      if (isCode(error, APIErrorCode.ObjectNotFound)) {
        throw new AppError('EXPORT_CONFIG', 'The Notion page was not found, or it is not shared with the integration.')
      }
      throw error
    })
    const first = 'data_sources' in database ? database.data_sources[0] : undefined
    if (!first) throw new AppError('EXPORT_CONFIG', 'Notion created the database without a data source.')
    return { dataSourceId: first.id, databaseId: database.id, databaseUrl: 'url' in database ? database.url : null, titleProperty: NOTION_TITLE }
  }
  throw new AppError('EXPORT_CONFIG', 'Choose a Notion page to create the KPI database under, or an existing database.')
}

/**
 * Exports KPIs to a Notion database, one page per KPI, through the official client (API version
 * 2025-09-03: pages are created under a data source). Requests are throttled to ~3/s; 429s are
 * retried by the client honoring Retry-After.
 */
export async function exportToNotion(options: ExportRunOptions & { config: NotionExportConfig }): Promise<NotionExportResult> {
  const { config } = options
  const client = notionClient(config)
  const target = await resolveTarget(client, config)
  const locale = config.locale ?? 'en'
  const adapter: ItemAdapter = {
    target: 'notion',
    container: target.dataSourceId,
    async create(kpi) {
      const page = await mapped(() =>
        client.pages.create({
          parent: { type: 'data_source_id', data_source_id: target.dataSourceId },
          properties: kpiProperties(kpi, target.titleProperty, locale) as never
        })
      )
      return { externalId: page.id, url: 'url' in page ? page.url : null }
    },
    async update(kpi, link) {
      try {
        const page = await mapped(() =>
          client.pages.update({ page_id: link.externalId, properties: kpiProperties(kpi, target.titleProperty, locale) as never })
        )
        return { externalId: page.id, url: 'url' in page ? page.url : link.externalUrl }
      } catch (error) {
        if (isCode(error, APIErrorCode.ObjectNotFound)) return 'missing'
        if (!isCode(error, APIErrorCode.ValidationError)) throw error
        // Editing a page in the trash is a validation error: confirm it is trashed before treating it as missing.
        const page = await mapped(() => client.pages.retrieve({ page_id: link.externalId })).catch((e: unknown) => {
          if (isCode(e, APIErrorCode.ObjectNotFound)) return undefined
          throw e
        })
        if (!page || ('in_trash' in page && (page.in_trash || page.archived))) return 'missing'
        throw error
      }
    }
  }
  const results = await runExport(adapter, options, config.onMissing ?? 'recreate')
  return { results, dataSourceId: target.dataSourceId, databaseId: target.databaseId, databaseUrl: target.databaseUrl }
}
