import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../domain/errors'
import { startJiraServer } from './testing/jira-server'
import { startNotionServer } from './testing/notion-server'
import { startTrelloServer } from './testing/trello-server'
import { createEnvSecretStore } from '../secrets/secret-store'
import { createExportService } from './export-service'
import { boardFixture, type BoardFixture } from './testing/board-fixture'

const NOTION_TOKEN = 'ntn_service_secret_4f1c2a9e'
const PAGE = '1f2e3d4c-0000-4000-8000-00000000aaaa'
const JIRA_TOKEN = 'ATATT3xFfGF0-service-secret'
const TRELLO_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
const TRELLO_TOKEN = 'ATTAservicetrellotoken0123456789'
const TRELLO_BOARD = '5f1e2d3c4b5a697887766554'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
function fixture(env: NodeJS.ProcessEnv = {}): BoardFixture {
  const fx = boardFixture({ secrets: createEnvSecretStore(env) })
  cleanups.push(() => fx.cleanup())
  return fx
}
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('export to Notion through the service', () => {
  it('creates the database and pages, remembers the database, then updates the same pages', async () => {
    const server = await startNotionServer({ token: NOTION_TOKEN, parentPages: [PAGE] })
    cleanups.push(() => server.close())
    const fx = fixture({ KPILOOP_SECRET_EXPORT_NOTION_TOKEN: NOTION_TOKEN })
    const service = createExportService({ core: fx.core })
    service.config.set('notion', { parentPageId: PAGE, databaseTitle: 'AI 助手 KPI', baseUrl: server.url })
    expect(service.config.get('notion').hasSecrets).toEqual({ token: true })

    const progress: [number, number, string][] = []
    const first = await service.run({ boardId: fx.boardId, target: 'notion', locale: 'zh-CN' }, { actor: 'po', onProgress: (...p) => progress.push(p) })
    expect(first.results.map((r) => [r.code, r.outcome])).toEqual([
      ['KPI-U001', 'created'],
      ['KPI-B002', 'created'],
      ['KPI-U010', 'created']
    ])
    expect(progress).toEqual([
      [1, 3, 'KPI-U001'],
      [2, 3, 'KPI-B002'],
      [3, 3, 'KPI-U010']
    ])
    const dataSourceId = service.config.get('notion').config.dataSourceId
    expect(dataSourceId).toBe([...server.dataSources.keys()][0])
    const mau = server.pages.get(first.results[0]!.externalId!)!
    expect([server.value(mau, 'Current value'), server.value(mau, 'Latest proposal'), server.value(mau, 'Stage')]).toEqual([
      412,
      '把第3个月目标下调到 350 MAU',
      '试运行'
    ])

    fx.core.kpis.edit(fx.id('KPI-U001'), { stage: 'launched' }, { actor: 'po' })
    const second = await service.run({ boardId: fx.boardId, target: 'notion', locale: 'zh-CN' }, { actor: 'po' })
    expect(second.results.map((r) => r.outcome)).toEqual(['updated', 'updated', 'updated'])
    expect(second.results.map((r) => r.externalId)).toEqual(first.results.map((r) => r.externalId))
    expect([server.dataSources.size, server.pages.size, server.value(mau, 'Stage')]).toEqual([1, 3, '上线'])
    expect(service.links(fx.boardId).map((l) => [l.code, l.target, l.container, l.outdated])).toEqual([
      ['KPI-B002', 'notion', dataSourceId, false],
      ['KPI-U001', 'notion', dataSourceId, false],
      ['KPI-U010', 'notion', dataSourceId, false]
    ])
    expect(fx.core.audit.list({ boardId: fx.boardId, limit: 1 })[0]).toMatchObject({
      action: 'export.notion',
      actor: 'po',
      summary: 'Exported to notion: 0 created, 3 updated, 0 failed'
    })
    expect(server.violations).toEqual([])
  })

  it('stops on a rejected token with EXPORT_AUTH, and never says the token', async () => {
    const server = await startNotionServer({ token: NOTION_TOKEN, parentPages: [PAGE] })
    cleanups.push(() => server.close())
    const fx = fixture()
    const service = createExportService({ core: fx.core })
    const wrong = 'ntn_wrong_secret_77aa'
    service.config.set('notion', { parentPageId: PAGE, baseUrl: server.url }, { token: wrong })
    const error = await failure(service.run({ boardId: fx.boardId, target: 'notion' }, { actor: 'po' }))
    expect(error.code).toBe('EXPORT_AUTH')
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(wrong)
    expect(service.links(fx.boardId)).toEqual([])
  })
})

describe('export to Jira through the service', () => {
  it('creates issues, keeps the links of a partial failure, and updates on the next run', async () => {
    const server = await startJiraServer({ email: 'po@example.com', token: JIRA_TOKEN, projects: ['KPI'] })
    cleanups.push(() => server.close())
    const fx = fixture({ KPILOOP_SECRET_EXPORT_JIRA_APITOKEN: JIRA_TOKEN })
    const service = createExportService({ core: fx.core })
    service.config.set('jira', { host: server.url, email: 'po@example.com', projectKey: 'KPI' })
    server.fail({
      method: 'POST',
      path: /^\/rest\/api\/3\/issue$/,
      when: (r) => JSON.stringify(r.body).includes('KPI-B002'),
      status: 400,
      body: { errorMessages: [], errors: { components: 'Component is required.' } }
    })

    const first = await service.run({ boardId: fx.boardId, target: 'jira' }, { actor: 'po' })
    expect(first.results.map((r) => [r.code, r.outcome, r.error])).toEqual([
      ['KPI-U001', 'created', undefined],
      ['KPI-B002', 'failed', 'Jira answered 400: components: Component is required.'],
      ['KPI-U010', 'created', undefined]
    ])
    expect(service.links(fx.boardId).map((l) => l.code)).toEqual(['KPI-U001', 'KPI-U010'])

    const second = await service.run({ boardId: fx.boardId, target: 'jira' }, { actor: 'po' })
    expect(second.results.map((r) => r.outcome)).toEqual(['updated', 'created', 'updated'])
    expect(server.issues.size).toBe(3)
    expect(server.violations).toEqual([])
  })

  it('stops between KPIs when cancelled, keeping the link of what was done and recording it', async () => {
    const server = await startJiraServer({ email: 'po@example.com', token: JIRA_TOKEN, projects: ['KPI'] })
    cleanups.push(() => server.close())
    const fx = fixture({ KPILOOP_SECRET_EXPORT_JIRA_APITOKEN: JIRA_TOKEN })
    const service = createExportService({ core: fx.core })
    service.config.set('jira', { host: server.url, email: 'po@example.com', projectKey: 'KPI' })
    const controller = new AbortController()
    const error = await failure(
      service.run({ boardId: fx.boardId, target: 'jira' }, { actor: 'po', signal: controller.signal, onProgress: () => controller.abort() })
    )
    expect(error.code).toBe('CANCELLED')
    expect((error.details?.results as { code: string }[]).map((r) => r.code)).toEqual(['KPI-U001'])
    expect(service.links(fx.boardId).map((l) => l.code)).toEqual(['KPI-U001'])
    expect(fx.core.audit.list({ boardId: fx.boardId, limit: 1 })[0]?.summary).toBe('Exported to jira: 1 created, 0 updated, 0 failed; stopped: CANCELLED')
  })

  it('names every missing piece of configuration', async () => {
    const fx = fixture()
    const service = createExportService({ core: fx.core })
    service.config.set('jira', { email: 'po@example.com' })
    const error = await failure(service.run({ boardId: fx.boardId, target: 'jira' }, { actor: 'po' }))
    expect(error.code).toBe('EXPORT_CONFIG')
    expect(error.message).toBe('The jira export needs the site URL, the project key, the Jira API token (KPILOOP_SECRET_EXPORT_JIRA_APITOKEN).')
  })
})

describe('export to Trello through the service', () => {
  it('creates cards from env credentials, moves a card when its stage changes, and rejects a bad token cleanly', async () => {
    const server = await startTrelloServer({ key: TRELLO_KEY, token: TRELLO_TOKEN, boardId: TRELLO_BOARD })
    cleanups.push(() => server.close())
    const fx = fixture({ KPILOOP_SECRET_EXPORT_TRELLO_KEY: TRELLO_KEY, KPILOOP_SECRET_EXPORT_TRELLO_TOKEN: TRELLO_TOKEN })
    const service = createExportService({ core: fx.core })
    service.config.set('trello', { boardId: TRELLO_BOARD, baseUrl: server.url })

    const first = await service.run({ boardId: fx.boardId, target: 'trello', locale: 'en' }, { actor: 'po' })
    expect(first.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created'])
    const csat = first.results[2]!.externalId!
    fx.core.kpis.edit(fx.id('KPI-U010'), { stage: 'feasibility' }, { actor: 'po' })
    expect(service.links(fx.boardId).find((l) => l.code === 'KPI-U010')?.outdated).toBe(true)
    const second = await service.run({ boardId: fx.boardId, target: 'trello', locale: 'en' }, { actor: 'po' })
    expect(second.results.map((r) => r.outcome)).toEqual(['updated', 'updated', 'updated'])
    expect(server.lists.get(server.cards.get(csat)!.idList)?.name).toBe('Feasibility')
    expect(server.cards.size).toBe(3)

    const wrong = 'ATTAwrongtrellotoken99'
    service.config.set('trello', { boardId: TRELLO_BOARD, baseUrl: server.url }, { token: wrong })
    const error = await failure(service.run({ boardId: fx.boardId, target: 'trello' }, { actor: 'po' }))
    expect(error.code).toBe('EXPORT_AUTH')
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toMatch(new RegExp(`${wrong}|${TRELLO_KEY}`))
    expect(server.violations).toEqual([])
  })
})

describe('export settings', () => {
  it('never hands out credentials, and forgets the remembered Notion database when pointed elsewhere', () => {
    const fx = fixture()
    const service = createExportService({ core: fx.core })
    service.config.set('notion', { parentPageId: PAGE, dataSourceId: 'ds-1' }, { token: NOTION_TOKEN })
    const got = service.config.get('notion')
    expect(got).toEqual({ config: { parentPageId: PAGE, dataSourceId: 'ds-1' }, hasSecrets: { token: true } })
    expect(JSON.stringify(fx.core.audit.list({ limit: 5 }))).not.toContain(NOTION_TOKEN)

    expect(service.config.update('notion', { parentPageId: PAGE })).toEqual({ parentPageId: PAGE, dataSourceId: 'ds-1' })
    expect(service.config.update('notion', { databaseId: 'db-2' })).toEqual({ parentPageId: PAGE, databaseId: 'db-2' })
    expect(service.config.update('notion', { parentPageId: 'page-3' })).toEqual({ parentPageId: 'page-3' })

    expect(() => service.config.set('jira', { host: 'not a url' })).toThrow(/host/)
    service.config.set('jira', { host: ' ', email: 'po@example.com', projectKey: '' })
    expect(fx.core.settings.get('export.jira')).toEqual({ email: 'po@example.com' })
    expect(() => service.config.set('trello', {}, { password: 'x' })).toThrow(/no credential named password/)
    service.config.set('notion', {}, { token: '' })
    expect(service.config.get('notion').hasSecrets).toEqual({ token: false })
  })
})
