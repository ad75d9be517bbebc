import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startNotionServer, type NotionTestServer } from '../../services/export/testing/notion-server'
import { boardFixture, BOARD, type BoardFixture } from '../../services/export/testing/board-fixture'
import { runCli } from '../testing/run-cli'

const TOKEN = 'ntn_cli_secret_9c8b7a6f5e'
const PAGE = '1f2e3d4c-0000-4000-8000-00000000bbbb'

let fx: BoardFixture
beforeEach(() => {
  fx = boardFixture()
})
afterEach(() => fx.cleanup())

const kpiloop = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(fx.file, args, { KPILOOP_ACTOR: 'cli-po', ...env }, fx.dir)

describe('kpiloop export to files', () => {
  it('writes Markdown to --out and a Jira CSV under its default name in the current folder', { timeout: 120_000 }, async () => {
    const out = join(fx.dir, 'prd-kpis.md')
    const md = await kpiloop(['export', '--board', BOARD, '--to', 'markdown', '--out', out, '--locale', 'zh-CN'])
    expect(md).toMatchObject({ code: 0, stderr: '', stdout: `${out}\n` })
    const text = readFileSync(out, 'utf8')
    expect(text).toContain('| KPI-U001 |')
    expect(text).toContain('把第3个月目标下调到 350 MAU')

    const jira = await kpiloop(['--json', 'export', '--board', BOARD, '--to', 'jira-csv', '--kpi', 'KPI-U010', 'KPI-U001'])
    expect(jira.stderr).toBe('')
    const path = join(fx.dir, 'AI 助手 KPI 看板 (Jira).csv')
    expect(JSON.parse(jira.stdout)).toEqual({ files: [path] })
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data
    expect(rows.map((r) => r[header!.indexOf('Summary')])).toEqual(['KPI-U001 月活跃用户数 (MAU)', 'KPI-U010 用户满意度评分 (CSAT)'])

    const bad = await kpiloop(['export', '--board', BOARD, '--to', 'pdf'])
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/--to takes notion, jira, trello, markdown, csv, xlsx, jira-csv, notion-files; not "pdf"/)
  })
})

describe('kpiloop export to Notion', () => {
  let server: NotionTestServer
  beforeEach(async () => {
    server = await startNotionServer({ token: TOKEN, parentPages: [PAGE] })
    // The API address is a saved setting (tests point it at the loopback server); the page comes as a flag.
    fx.core.settings.set('export.notion', { baseUrl: server.url })
  })
  afterEach(() => server.close())

  it('creates pages with the page flag and env token, updates them next time, and fails cleanly on a bad token', { timeout: 120_000 }, async () => {
    const env = { KPILOOP_SECRET_EXPORT_NOTION_TOKEN: TOKEN }
    const first = await kpiloop(['export', '--board', BOARD, '--to', 'notion', '--notion-page', PAGE, '--notion-title', 'AI 助手 KPI'], env)
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(first.stdout).toMatch(/^created\s+KPI-U001\s+https:\/\/www\.notion\.so\/[0-9a-f]{32}$/m)
    expect(first.stdout).toContain('3 created, 0 updated, 0 failed')
    expect(fx.core.settings.get('export.notion')).toEqual({
      baseUrl: server.url,
      parentPageId: PAGE,
      databaseTitle: 'AI 助手 KPI',
      dataSourceId: [...server.dataSources.keys()][0]
    })

    const second = await kpiloop(['--json', 'export', '--board', BOARD, '--to', 'notion'], env)
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout).results.map((r: { outcome: string }) => r.outcome)).toEqual(['updated', 'updated', 'updated'])
    expect([server.dataSources.size, server.pages.size]).toEqual([1, 3])

    const wrong = 'ntn_wrong_cli_secret_1234'
    const denied = await kpiloop(['export', '--board', BOARD, '--to', 'notion'], { KPILOOP_SECRET_EXPORT_NOTION_TOKEN: wrong })
    expect(denied.code).toBe(1)
    expect(denied.stderr).toMatch(/Notion rejected the integration token \(401\).*\[EXPORT_AUTH\]/)
    expect(denied.stdout + denied.stderr).not.toContain(wrong)

    const unset = await kpiloop(['export', '--board', BOARD, '--to', 'trello'])
    expect(unset.stderr).toContain(
      'The trello export needs the Trello board id, the Trello API key (KPILOOP_SECRET_EXPORT_TRELLO_KEY), the Trello token (KPILOOP_SECRET_EXPORT_TRELLO_TOKEN). [EXPORT_CONFIG]'
    )
    expect(server.violations).toEqual([])
  })

  it('prints every KPI’s result and exits non-zero when one failed', { timeout: 120_000 }, async () => {
    server.fail({
      method: 'POST',
      path: /^\/v1\/pages$/,
      when: (r) => JSON.stringify(r.body).includes('KPI-B002'),
      status: 400,
      body: { object: 'error', status: 400, code: 'validation_error', message: 'Owner is not a property that exists.' }
    })
    const run = await kpiloop(['export', '--board', BOARD, '--to', 'notion', '--notion-page', PAGE], { KPILOOP_SECRET_EXPORT_NOTION_TOKEN: TOKEN })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^failed\s+KPI-B002\s+Owner is not a property that exists\.$/m)
    expect(run.stdout).toContain('2 created, 0 updated, 1 failed')
  })
})
