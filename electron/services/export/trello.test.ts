import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AppError } from '../../domain/errors'
import { createSqliteLinkStore, type LinkStore } from './export-links'
import { sampleKpis } from './testing/sample-kpis'
import { startTrelloServer, type TrelloTestServer } from './testing/trello-server'
import { workspaceWith } from './testing/workspace'
import { exportToTrello, type TrelloExportConfig } from './trello'

const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
const TOKEN = 'ATTAsecrettrellotoken0123456789'
const BOARD = '5f1e2d3c4b5a697887766554'

describe('exportToTrello', () => {
  let server: TrelloTestServer
  let links: LinkStore
  let cleanup: () => void
  const kpis = sampleKpis()

  beforeEach(async () => {
    server = await startTrelloServer({ key: KEY, token: TOKEN, boardId: BOARD })
    const ws = workspaceWith(kpis)
    links = createSqliteLinkStore(ws.db)
    cleanup = ws.cleanup
  })
  afterEach(async () => {
    expect(server.violations).toEqual([])
    await server.close()
    cleanup()
  })

  const config = (more: Partial<TrelloExportConfig> = {}): TrelloExportConfig => ({
    key: KEY,
    token: TOKEN,
    boardId: BOARD,
    baseUrl: server.url,
    locale: 'zh-CN',
    ...more
  })
  const listName = (cardId: string): string | undefined => server.lists.get(server.cards.get(cardId)!.idList)?.name
  const labelNames = (cardId: string): string[] => server.cards.get(cardId)!.idLabels.map((id) => server.labels.get(id)!.name)

  it('creates a list per stage and a labelled card per KPI, then updates the same cards', async () => {
    const first = await exportToTrello({ kpis, links, config: config() })
    expect(first.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created'])
    expect([...server.lists.values()].map((l) => l.name)).toEqual(['初稿', '试运行', '上线'])
    const [mau, latency, csat] = first.results.map((r) => r.externalId!)
    expect(listName(mau!)).toBe('试运行')
    expect(listName(latency!)).toBe('上线')
    expect(listName(csat!)).toBe('初稿')
    expect(labelNames(mau!)).toEqual(['调整中'])
    expect(server.cards.get(mau!)!.name).toBe('KPI-U001 月活跃用户数 (MAU)')
    expect(server.cards.get(mau!)!.desc).toContain('**Target**: 6个月内达到1,000 MAU')
    expect(first.results[0]?.url).toMatch(/^https:\/\/trello\.com\/c\//)
    expect(server.requests.every((r) => !JSON.stringify(r.body).includes(TOKEN))).toBe(true)

    const second = await exportToTrello({ kpis, links, config: config() })
    expect(second.results.map((r) => r.outcome)).toEqual(['updated', 'updated', 'updated'])
    expect(server.cards.size).toBe(3)
    expect(server.lists.size).toBe(3)
    expect(server.labels.size).toBe(3)
  })

  it('moves a card when its KPI changed stage, and leaves cards and labels the user arranged', async () => {
    const first = await exportToTrello({ kpis, links, config: config() })
    const [mau, latency] = first.results.map((r) => r.externalId!)
    const done = { id: 'a'.repeat(24), name: 'Done', idBoard: BOARD }
    const urgent = { id: 'b'.repeat(24), name: 'urgent', color: 'purple', idBoard: BOARD }
    server.lists.set(done.id, done)
    server.labels.set(urgent.id, urgent)
    server.cards.get(latency!)!.idList = done.id
    server.cards.get(mau!)!.idLabels.push(urgent.id)
    const moved = kpis.map((k) => (k.id === 1 ? { ...k, stage: 'launched' as const, status: 'stable' as const } : k))
    await exportToTrello({ kpis: moved, links, config: config() })
    expect(listName(mau!)).toBe('上线')
    expect(labelNames(mau!).sort()).toEqual(['urgent', '稳定'])
    expect(listName(latency!)).toBe('Done')
    expect(server.cards.size).toBe(3)
  })

  it('retries a 429 after the Retry-After delay', async () => {
    server.fail({
      method: 'POST',
      path: /^\/1\/cards$/,
      status: 429,
      headers: { 'retry-after': '1' },
      body: { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }
    })
    const started = Date.now()
    const result = await exportToTrello({ kpis, links, config: config() })
    expect(result.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created'])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(server.cards.size).toBe(3)
  })

  it('stops with EXPORT_AUTH and no token in the message when the token is rejected', async () => {
    const error = await exportToTrello({ kpis, links, config: config({ token: 'ATTAwrongtoken' }) }).catch((e: unknown) => e)
    expect((error as AppError).code).toBe('EXPORT_AUTH')
    expect((error as AppError).message).toMatch(/Trello rejected the API key or token/)
    expect(JSON.stringify({ m: (error as AppError).message, d: (error as AppError).details })).not.toMatch(/ATTA|a1b2c3/)
  })

  it('keeps the links of the cards that succeeded when one fails', async () => {
    server.fail({ method: 'POST', path: /^\/1\/cards$/, when: (r) => JSON.stringify(r.body).includes('KPI-U010'), status: 500, body: 'Internal server error' })
    const first = await exportToTrello({ kpis, links, config: config() })
    expect(first.results.map((r) => r.outcome)).toEqual(['created', 'created', 'failed'])
    expect(first.results[2]?.error).toBe('Trello answered 500: Internal server error')
    expect([1, 2, 3].map((id) => links.get(id, 'trello', BOARD) !== undefined)).toEqual([true, true, false])
    const second = await exportToTrello({ kpis, links, config: config() })
    expect(second.results.map((r) => r.outcome)).toEqual(['updated', 'updated', 'created'])
    expect(server.cards.size).toBe(3)
  })

  it('reports archived or deleted cards, or recreates them, as asked', async () => {
    const first = await exportToTrello({ kpis, links, config: config() })
    server.cards.get(first.results[0]!.externalId!)!.closed = true
    server.cards.delete(first.results[1]!.externalId!)
    const reported = await exportToTrello({ kpis, links, config: config({ onMissing: 'report' }) })
    expect(reported.results.map((r) => r.outcome)).toEqual(['missing', 'missing', 'updated'])
    const recreated = await exportToTrello({ kpis, links, config: config({ onMissing: 'recreate' }) })
    expect(recreated.results.map((r) => r.outcome)).toEqual(['recreated', 'recreated', 'updated'])
    expect([...server.cards.values()].filter((c) => !c.closed)).toHaveLength(3)
    expect(links.get(2, 'trello', BOARD)?.externalId).toBe(recreated.results[1]?.externalId)
  })

  it('stops between items when cancelled', async () => {
    const controller = new AbortController()
    const error = await exportToTrello({ kpis, links, config: config(), signal: controller.signal, onProgress: () => controller.abort() }).catch(
      (e: unknown) => e
    )
    expect((error as AppError).code).toBe('CANCELLED')
    expect(server.cards.size).toBe(1)
  })

  it('names an unknown board as a configuration problem', async () => {
    const error = await exportToTrello({ kpis, links, config: config({ boardId: 'f'.repeat(24) }) }).catch((e: unknown) => e)
    expect((error as AppError).code).toBe('EXPORT_CONFIG')
  })
})
