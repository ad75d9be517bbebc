import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallContext } from '../..'
import { createDispatcher, type Dispatch } from '../dispatcher'
import { startJiraServer, type JiraTestServer } from '../../../services/export/testing/jira-server'
import { boardFixture, type BoardFixture } from '../../../services/export/testing/board-fixture'
import { createHandlers } from '.'

const TOKEN = 'ATATT3xFfGF0-dispatch-secret'
let fx: BoardFixture
let dispatch: Dispatch
let server: JiraTestServer
const chunks: unknown[] = []
const ctx: CallContext = { actor: 'po', signal: new AbortController().signal, emit: (chunk) => chunks.push(chunk) }

beforeEach(async () => {
  fx = boardFixture()
  dispatch = createDispatcher(createHandlers(fx.core, { version: 'test', mode: 'web', systemLocale: 'en' }))
  server = await startJiraServer({ email: 'po@example.com', token: TOKEN, projects: ['KPI'] })
  chunks.length = 0
})
afterEach(async () => {
  await server.close()
  fx.cleanup()
})

const data = <T>(result: unknown): T => {
  expect(result).toMatchObject({ ok: true })
  return (result as { data: T }).data
}

describe('export and table import procedures', () => {
  it('configures Jira without ever answering the token, streams progress, and lists the links', async () => {
    const saved = await dispatch(
      'export.config.set',
      { target: 'jira', config: { host: server.url, email: 'po@example.com', projectKey: 'KPI' }, secrets: { apiToken: TOKEN } },
      ctx
    )
    expect(data(saved)).toEqual({ config: { host: server.url, email: 'po@example.com', projectKey: 'KPI' }, hasSecrets: { apiToken: true } })
    expect(JSON.stringify(await dispatch('export.config.get', { target: 'jira' }, ctx))).not.toContain(TOKEN)

    const run = data<{ results: { outcome: string }[] }>(await dispatch('export.run', { boardId: fx.boardId, target: 'jira' }, ctx))
    expect(run.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created'])
    expect(chunks).toEqual([
      { done: 1, total: 3, code: 'KPI-U001' },
      { done: 2, total: 3, code: 'KPI-B002' },
      { done: 3, total: 3, code: 'KPI-U010' }
    ])
    const links = data<{ code: string; externalUrl: string }[]>(await dispatch('export.links', { boardId: fx.boardId }, ctx))
    expect(links.map((l) => [l.code, l.externalUrl])).toEqual([
      ['KPI-B002', `${server.url}/browse/KPI-2`],
      ['KPI-U001', `${server.url}/browse/KPI-1`],
      ['KPI-U010', `${server.url}/browse/KPI-3`]
    ])
    expect(server.violations).toEqual([])
  })

  it('answers configuration and input problems as codes', async () => {
    expect(await dispatch('export.run', { boardId: fx.boardId, target: 'trello' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_CONFIG', message: expect.stringContaining('the Trello board id') }
    })
    expect(await dispatch('export.file', { boardId: fx.boardId, format: 'pdf' }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch('export.config.set', { target: 'jira', config: { password: 'x' } }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch('import.table.preview', { boardId: fx.boardId, fileName: 'board.pdf', base64: 'AAAA' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_UNSUPPORTED' }
    })
  })

  it('exports a CSV, previews the edited file and commits it', async () => {
    const { files } = data<{ files: { name: string; base64: string }[] }>(await dispatch('export.file', { boardId: fx.boardId, format: 'csv' }, ctx))
    const parsed = Papa.parse<Record<string, string>>(
      Buffer.from(files[0]!.base64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true }
    )
    parsed.data[2]!.owner = '体验负责人'
    const base64 = Buffer.from(Papa.unparse(parsed.data)).toString('base64')
    const input = { boardId: fx.boardId, fileName: files[0]!.name, base64 }
    const preview = data<{ changed: { code: string }[]; unchanged: number }>(await dispatch('import.table.preview', input, ctx))
    expect([preview.changed.map((c) => c.code), preview.unchanged]).toEqual([['KPI-U010'], 2])
    expect(data(await dispatch('import.table.commit', input, ctx))).toEqual({ changed: 1, added: 0, unchanged: 2, unknownColumns: [] })
    expect(fx.core.kpis.history(fx.id('KPI-U010')).at(-1)).toMatchObject({ source: 'import', author: 'po', owner: '体验负责人' })
  })
})
