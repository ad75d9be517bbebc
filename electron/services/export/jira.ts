import { HttpException, Version3Client, type Version3 } from 'jira.js'
import { AppError } from '../../domain/errors'
import type { ExportKpi, ExportRunResult, OnMissing } from '../../domain/export'
import { retryAfterMs, runExport, withRateLimitRetry, type ExportRunOptions, type ItemAdapter } from './export-run'
import { kpiDescriptionParts, kpiLabels, kpiSummary } from './kpi-description'

export interface JiraExportConfig {
  /** The site, e.g. https://your-team.atlassian.net. */
  host: string
  email: string
  /** Atlassian API token; sent only in the Basic Authorization header. */
  apiToken: string
  projectKey: string
  /** Issue type name; default "Task". */
  issueType?: string
  onMissing?: OnMissing
}

type AdfNode = Omit<Version3.Version3Models.Document, 'version'>
const text = (value: string, strong = false): AdfNode => ({ type: 'text', text: value, ...(strong ? { marks: [{ type: 'strong' }] } : {}) })

/** Lines joined by hard breaks; ADF forbids empty text nodes. */
function lines(value: string): AdfNode[] {
  const nodes: AdfNode[] = []
  value.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) nodes.push({ type: 'hardBreak' })
    if (line !== '') nodes.push(text(line))
  })
  return nodes
}

/** The KPI's fields as an Atlassian Document Format document: bold labels, SQL in a code block. */
export function kpiAdf(kpi: ExportKpi): Version3.Version3Models.Document {
  const content: AdfNode[] = []
  for (const part of kpiDescriptionParts(kpi)) {
    if (part.code) {
      content.push({ type: 'paragraph', content: [text(part.label, true)] })
      content.push({ type: 'codeBlock', attrs: { language: 'sql' }, content: [text(part.value)] })
    } else {
      content.push({ type: 'paragraph', content: [text(part.label, true), text(': '), ...lines(part.value)] })
    }
  }
  return { type: 'doc', version: 1, content }
}

/** The HTTP status Jira answered with; jira.js wraps every failed response in an HttpException. */
const statusOf = (error: unknown): number | undefined => (error instanceof HttpException ? error.status : undefined)

/** A 429 with its Retry-After (jira.js keeps the axios response as the exception's cause). */
function rateLimited(error: unknown): { retryAfterMs?: number } | undefined {
  if (statusOf(error) !== 429) return undefined
  const headers = ((error as HttpException).cause as { response?: { headers?: Record<string, unknown> } } | undefined)?.response?.headers
  return { retryAfterMs: retryAfterMs(typeof headers?.['retry-after'] === 'string' ? headers['retry-after'] : undefined) }
}

/** Jira's own words from an error body ({ errorMessages, errors }), never the request. */
function jiraMessage(error: unknown): string {
  if (!(error instanceof HttpException)) return error instanceof Error ? error.message : String(error)
  const body = (typeof error.response === 'object' ? error.response.data : undefined) as
    { errorMessages?: string[]; errors?: Record<string, string> } | undefined
  const said = [...(body?.errorMessages ?? []), ...Object.entries(body?.errors ?? {}).map(([field, message]) => `${field}: ${message}`)]
  return `Jira answered ${error.status}${said.length > 0 ? `: ${said.join('; ')}` : ''}`
}

function jiraError(error: unknown): unknown {
  if (statusOf(error) === 401) {
    return new AppError('EXPORT_AUTH', 'Jira rejected the email or API token (401). Check them in the Jira export settings.')
  }
  if (error instanceof AppError || statusOf(error) === 404) return error
  return new AppError('EXPORT_FAILED', jiraMessage(error))
}

/**
 * Exports KPIs as Jira Cloud issues (REST API v3 through jira.js): one issue per KPI with summary
 * "CODE name", an ADF description of its fields, and labels for stage, category and tags.
 */
export async function exportToJira(options: ExportRunOptions & { config: JiraExportConfig }): Promise<ExportRunResult> {
  const { config, signal } = options
  let client: Version3Client
  try {
    client = new Version3Client({ host: config.host, authentication: { basic: { email: config.email, apiToken: config.apiToken } } })
  } catch {
    throw new AppError('EXPORT_CONFIG', 'The Jira site URL or email is not valid.')
  }
  const site = config.host.replace(/\/+$/, '')
  const call = async <T>(request: () => Promise<T>): Promise<T> => {
    try {
      return await withRateLimitRetry('Jira', request, rateLimited, { signal })
    } catch (error) {
      throw jiraError(error)
    }
  }
  const fields = (kpi: ExportKpi) => ({ summary: kpiSummary(kpi), description: kpiAdf(kpi), labels: kpiLabels(kpi) })
  const adapter: ItemAdapter = {
    target: 'jira',
    container: config.projectKey,
    async create(kpi) {
      const issue = await call(() =>
        client.issues.createIssue({
          fields: { project: { key: config.projectKey }, issuetype: { name: config.issueType ?? 'Task' }, ...fields(kpi) }
        })
      )
      return { externalId: issue.id, url: `${site}/browse/${issue.key}` }
    },
    async update(kpi, link) {
      try {
        await call(() => client.issues.editIssue({ issueIdOrKey: link.externalId, fields: fields(kpi) }))
        return { externalId: link.externalId, url: link.externalUrl }
      } catch (error) {
        if (statusOf(error) === 404) return 'missing'
        throw error
      }
    }
  }
  return { results: await runExport(adapter, options, config.onMissing ?? 'recreate') }
}

const cell = (type: 'tableHeader' | 'tableCell', value: string): AdfNode => ({
  type,
  attrs: {},
  content: [{ type: 'paragraph', content: lines(value) }]
})

/** A notice as an ADF document: a bold title, its lines, then the table with a header row. */
export function noticeAdf(notice: { title: string; lines: string[]; table: { columns: string[]; rows: string[][] } }): Version3.Version3Models.Document {
  const row = (type: 'tableHeader' | 'tableCell', cells: string[]): AdfNode => ({ type: 'tableRow', content: cells.map((value) => cell(type, value)) })
  const content: AdfNode[] = [
    { type: 'paragraph', content: [text(notice.title, true)] },
    ...notice.lines.map((line): AdfNode => ({ type: 'paragraph', content: lines(line) })),
    {
      type: 'table',
      attrs: { isNumberColumnEnabled: false, layout: 'default' },
      content: [row('tableHeader', notice.table.columns), ...notice.table.rows.map((cells) => row('tableCell', cells))]
    }
  ]
  return { type: 'doc', version: 1, content }
}

/** Posts a notice as a comment on one Jira issue; returns the comment's link. */
export async function postJiraComment(
  config: Pick<JiraExportConfig, 'host' | 'email' | 'apiToken'>,
  issueKey: string,
  notice: Parameters<typeof noticeAdf>[0],
  signal?: AbortSignal
): Promise<{ id: string; url: string }> {
  const client = new Version3Client({ host: config.host, authentication: { basic: { email: config.email, apiToken: config.apiToken } } })
  try {
    const comment = await withRateLimitRetry(
      'Jira',
      () => client.issueComments.addComment({ issueIdOrKey: issueKey, comment: noticeAdf(notice) }),
      rateLimited,
      {
        signal
      }
    )
    const site = config.host.replace(/\/+$/, '')
    return { id: String(comment.id), url: `${site}/browse/${issueKey}?focusedCommentId=${comment.id}` }
  } catch (error) {
    if (statusOf(error) === 404) throw new AppError('EXPORT_CONFIG', `The Jira issue ${issueKey} was not found, or the account cannot see it.`, { issueKey })
    throw jiraError(error)
  }
}
