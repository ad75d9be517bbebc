import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AppError } from '../../domain/errors'
import { createSqliteLinkStore, type LinkStore } from './export-links'
import { exportToJira, type JiraExportConfig } from './jira'
import { startJiraServer, type JiraTestServer } from './testing/jira-server'
import { sampleKpis } from './testing/sample-kpis'
import { workspaceWith } from './testing/workspace'

const EMAIL = 'owner@example.com'
const TOKEN = 'ATATT3xFfGF0-secret-token'

describe('exportToJira', () => {
  let server: JiraTestServer
  let links: LinkStore
  let cleanup: () => void
  const kpis = sampleKpis()

  beforeEach(async () => {
    server = await startJiraServer({ email: EMAIL, token: TOKEN, projects: ['KPI'] })
    const ws = workspaceWith(kpis)
    links = createSqliteLinkStore(ws.db)
    cleanup = ws.cleanup
  })
  afterEach(async () => {
    expect(server.violations).toEqual([])
    await server.close()
    cleanup()
  })

  const config = (more: Partial<JiraExportConfig> = {}): JiraExportConfig => ({
    host: server.url,
    email: EMAIL,
    apiToken: TOKEN,
    projectKey: 'KPI',
    ...more
  })

  it('creates one issue per KPI with summary, ADF description and labels, then updates them', async () => {
    const first = await exportToJira({ kpis, links, config: config() })
    expect(first.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created'])
    expect(first.results.map((r) => r.url)).toEqual([`${server.url}/browse/KPI-1`, `${server.url}/browse/KPI-2`, `${server.url}/browse/KPI-3`])
    const issue = server.issues.get(first.results[0]!.externalId!)!
    expect(issue.fields.summary).toBe('KPI-U001 月活跃用户数 (MAU)')
    expect(issue.fields.labels).toEqual(['stage-trial', '用户价值', '增长', 'north-star'])
    expect(issue.fields.issuetype).toEqual({ name: 'Task' })
    const description = JSON.stringify(issue.fields.description)
    expect(description).toContain('"type":"codeBlock","attrs":{"language":"sql"}')
    expect(description).toContain(JSON.stringify(kpis[0]!.formula))
    expect(description).toContain('6个月内达到1,000 MAU')
    expect(server.issues.get(first.results[1]!.externalId!)!.fields.summary).toBe('KPI-B002 API P95 latency | gateway')

    const renamed = kpis.map((k) => (k.id === 1 ? { ...k, name: '月活跃用户', category: 'User value' } : k))
    const second = await exportToJira({ kpis: renamed, links, config: config() })
    expect(second.results.map((r) => r.outcome)).toEqual(['updated', 'updated', 'updated'])
    expect(server.issues.size).toBe(3)
    expect(issue.fields.summary).toBe('KPI-U001 月活跃用户')
    expect(issue.fields.labels).toContain('User-value')
    expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(3)
  })

  it('retries a 429 after the Retry-After delay', async () => {
    server.fail({
      method: 'POST',
      path: /^\/rest\/api\/3\/issue$/,
      status: 429,
      headers: { 'retry-after': '1' },
      body: { errorMessages: ['Rate limit exceeded.'], errors: {} }
    })
    const started = Date.now()
    const result = await exportToJira({ kpis, links, config: config() })
    expect(result.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created'])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(server.issues.size).toBe(3)
  })

  it('stops with EXPORT_AUTH and no token in the message when the credentials are rejected', async () => {
    const error = await exportToJira({ kpis, links, config: config({ apiToken: 'ATATT-wrong' }) }).catch((e: unknown) => e)
    expect((error as AppError).code).toBe('EXPORT_AUTH')
    expect((error as AppError).message).toMatch(/Jira rejected the email or API token/)
    expect(JSON.stringify({ m: (error as AppError).message, d: (error as AppError).details })).not.toContain('ATATT')
    expect(server.issues.size).toBe(0)
  })

  it('keeps the links of the issues that succeeded when Jira refuses one', async () => {
    server.fail({
      method: 'POST',
      path: /^\/rest\/api\/3\/issue$/,
      when: (r) => JSON.stringify(r.body).includes('KPI-B002'),
      status: 400,
      body: { errorMessages: [], errors: { customfield_10020: 'Sprint is required.' } }
    })
    const first = await exportToJira({ kpis, links, config: config() })
    expect(first.results.map((r) => r.outcome)).toEqual(['created', 'failed', 'created'])
    expect(first.results[1]?.error).toBe('Jira answered 400: customfield_10020: Sprint is required.')
    expect([1, 2, 3].map((id) => links.get(id, 'jira', 'KPI') !== undefined)).toEqual([true, false, true])
    const second = await exportToJira({ kpis, links, config: config() })
    expect(second.results.map((r) => r.outcome)).toEqual(['updated', 'created', 'updated'])
    expect(server.issues.size).toBe(3)
  })

  it('reports an issue deleted in Jira, or recreates it, as asked', async () => {
    const first = await exportToJira({ kpis, links, config: config() })
    server.issues.delete(first.results[2]!.externalId!)
    const reported = await exportToJira({ kpis, links, config: config({ onMissing: 'report' }) })
    expect(reported.results.map((r) => r.outcome)).toEqual(['updated', 'updated', 'missing'])
    expect(server.issues.size).toBe(2)
    const recreated = await exportToJira({ kpis, links, config: config({ onMissing: 'recreate' }) })
    expect(recreated.results.map((r) => r.outcome)).toEqual(['updated', 'updated', 'recreated'])
    expect(recreated.results[2]?.url).toBe(`${server.url}/browse/KPI-4`)
    expect(links.get(3, 'jira', 'KPI')?.externalId).toBe(recreated.results[2]?.externalId)
  })

  it('stops between items when cancelled', async () => {
    const controller = new AbortController()
    const error = await exportToJira({
      kpis,
      links,
      config: config(),
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort()
    }).catch((e: unknown) => e)
    expect((error as AppError).code).toBe('CANCELLED')
    expect((error as AppError).details?.results).toHaveLength(2)
    expect(server.issues.size).toBe(2)
  })
})
