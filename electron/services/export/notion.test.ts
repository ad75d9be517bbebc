import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../domain/errors'
import { createSqliteLinkStore, type LinkStore } from './export-links'
import { exportToNotion, type NotionExportConfig } from './notion'
import { startNotionServer, type NotionTestServer } from './testing/notion-server'
import { sampleKpis } from './testing/sample-kpis'
import { workspaceWith } from './testing/workspace'

const TOKEN = 'ntn_secret_test_token_123'
const PAGE = '1f2e3d4c-0000-4000-8000-00000000aaaa'

describe('exportToNotion', () => {
  let server: NotionTestServer
  let links: LinkStore
  let cleanup: () => void
  const kpis = sampleKpis()

  beforeEach(async () => {
    server = await startNotionServer({ token: TOKEN, parentPages: [PAGE] })
    const ws = workspaceWith(kpis)
    links = createSqliteLinkStore(ws.db)
    cleanup = ws.cleanup
  })
  afterEach(async () => {
    expect(server.violations).toEqual([])
    await server.close()
    cleanup()
  })

  const config = (more: Partial<NotionExportConfig> = {}): NotionExportConfig => ({
    token: TOKEN,
    parentPageId: PAGE,
    baseUrl: server.url,
    requestsPerSecond: 100,
    locale: 'zh-CN',
    ...more
  })

  it('creates a database and one page per KPI, then updates the same pages on the next export', async () => {
    const progress: number[] = []
    const first = await exportToNotion({ kpis, links, config: config(), onProgress: (done) => progress.push(done) })
    expect(first.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created'])
    expect(progress).toEqual([1, 2, 3])
    expect(server.pages.size).toBe(3)
    const mau = server.pages.get(first.results[0]!.externalId!)!
    expect(server.value(mau, 'KPI code')).toBe('KPI-U001')
    expect(server.value(mau, 'Target')).toBe('6个月内达到1,000 MAU')
    expect(server.value(mau, 'Current value')).toBe(412)
    expect(server.value(mau, 'Stage')).toBe('试运行')
    expect(server.value(mau, 'Status')).toBe('调整中')
    expect(server.value(mau, 'Version')).toBe('v1.0')
    expect(first.results[0]?.url).toMatch(/^https:\/\/www\.notion\.so\/[0-9a-f]{32}$/)
    expect(links.get(1, 'notion', first.dataSourceId)?.externalId).toBe(mau.id)

    const changed = kpis.map((k) => (k.code === 'KPI-U001' ? { ...k, revisionId: 11, currentValue: 455, stage: 'launched' as const } : k))
    const second = await exportToNotion({ kpis: changed, links, config: config({ parentPageId: undefined, dataSourceId: first.dataSourceId }) })
    expect(second.results.map((r) => r.outcome)).toEqual(['updated', 'updated', 'updated'])
    expect(second.results.map((r) => r.externalId)).toEqual(first.results.map((r) => r.externalId))
    expect(server.pages.size).toBe(3)
    expect(server.value(mau, 'Current value')).toBe(455)
    expect(server.value(mau, 'Stage')).toBe('上线')
  })

  it('spaces requests to about three per second by default', async () => {
    const started = Date.now()
    await exportToNotion({ kpis, links, config: config({ requestsPerSecond: undefined }) })
    // One database and three pages: the fourth request may not start before 3 × 333 ms.
    expect(server.requests).toHaveLength(4)
    expect(server.requests[3]!.at - started).toBeGreaterThanOrEqual(990)
  })

  it('splits text longer than 2,000 characters into several rich-text items without losing any', async () => {
    const long = `${'指标'.repeat(999)}a😀${'x'.repeat(2500)}`
    const result = await exportToNotion({ kpis: [{ ...kpis[0]!, latestProposal: long }], links, config: config() })
    const page = server.pages.get(result.results[0]!.externalId!)!
    const items = (page.properties['Latest proposal'] as { rich_text: { text: { content: string } }[] }).rich_text
    expect(items.length).toBe(3)
    expect(server.value(page, 'Latest proposal')).toBe(long)
  })

  it('retries a 429 after the Retry-After delay', async () => {
    server.fail({
      method: 'POST',
      path: /^\/v1\/pages$/,
      status: 429,
      headers: { 'retry-after': '1' },
      body: { object: 'error', status: 429, code: 'rate_limited', message: 'Rate limited' }
    })
    const started = Date.now()
    const result = await exportToNotion({ kpis, links, config: config() })
    expect(result.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created'])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(server.pages.size).toBe(3)
    expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/pages')).toHaveLength(4)
  })

  it('stops with EXPORT_AUTH and no token in the message when the token is rejected', async () => {
    const error = await exportToNotion({ kpis, links, config: config({ token: 'ntn_wrong' }) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('EXPORT_AUTH')
    expect((error as AppError).message).toMatch(/Notion rejected the integration token/)
    expect(JSON.stringify({ m: (error as AppError).message, d: (error as AppError).details })).not.toContain('ntn_')
  })

  it('keeps the links of the pages that succeeded when one KPI fails, and finishes it next time', async () => {
    server.fail({
      method: 'POST',
      path: /^\/v1\/pages$/,
      when: (r) => JSON.stringify(r.body).includes('KPI-B002'),
      status: 500,
      body: { object: 'error', status: 500, code: 'internal_server_error', message: 'Unexpected error.' }
    })
    const first = await exportToNotion({ kpis, links, config: config() })
    expect(first.results.map((r) => r.outcome)).toEqual(['created', 'failed', 'created'])
    expect(first.results[1]?.error).toContain('Unexpected error')
    expect(links.get(1, 'notion', first.dataSourceId)).toBeDefined()
    expect(links.get(2, 'notion', first.dataSourceId)).toBeUndefined()
    expect(links.get(3, 'notion', first.dataSourceId)).toBeDefined()
    const second = await exportToNotion({ kpis, links, config: config({ parentPageId: undefined, dataSourceId: first.dataSourceId }) })
    expect(second.results.map((r) => r.outcome)).toEqual(['updated', 'created', 'updated'])
    expect(server.pages.size).toBe(3)
  })

  it('reports pages trashed or deleted in Notion, or recreates them, as asked', async () => {
    const first = await exportToNotion({ kpis, links, config: config() })
    const again = config({ parentPageId: undefined, dataSourceId: first.dataSourceId })
    server.pages.get(first.results[0]!.externalId!)!.in_trash = true
    server.pages.delete(first.results[1]!.externalId!)
    const reported = await exportToNotion({ kpis, links, config: { ...again, onMissing: 'report' } })
    expect(reported.results.map((r) => r.outcome)).toEqual(['missing', 'missing', 'updated'])
    expect(server.pages.size).toBe(2)
    const recreated = await exportToNotion({ kpis, links, config: { ...again, onMissing: 'recreate' } })
    expect(recreated.results.map((r) => r.outcome)).toEqual(['recreated', 'recreated', 'updated'])
    expect(recreated.results[0]?.externalId).not.toBe(first.results[0]?.externalId)
    expect(links.get(1, 'notion', first.dataSourceId)?.externalId).toBe(recreated.results[0]?.externalId)
    expect([...server.pages.values()].filter((p) => !p.in_trash)).toHaveLength(3)
  })

  it('stops between items when cancelled', async () => {
    const controller = new AbortController()
    const error = await exportToNotion({ kpis, links, config: config(), signal: controller.signal, onProgress: () => controller.abort() }).catch(
      (e: unknown) => e
    )
    expect((error as AppError).code).toBe('CANCELLED')
    expect((error as AppError).details?.results).toHaveLength(1)
    expect(server.pages.size).toBe(1)
  })

  it('adds its missing properties to an existing database and writes the code into its own title property', async () => {
    const database = await exportToNotion({ kpis: [], links, config: config() })
    const source = server.dataSources.get(database.dataSourceId)!
    source.properties = new Map([['Name', { id: 'title', name: 'Name', type: 'title' }]])
    const result = await exportToNotion({ kpis, links, config: config({ parentPageId: undefined, databaseId: database.databaseId! }) })
    expect(result.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created'])
    expect(server.requests.some((r) => r.method === 'PATCH' && r.path.startsWith('/v1/data_sources/'))).toBe(true)
    expect(server.value(server.pages.get(result.results[0]!.externalId!)!, 'Name')).toBe('KPI-U001')
  })
})
