import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LaunchNotice, LaunchPlanState } from '../../domain/launch-plan'
import type { AuditView, GateItem, KpiView, RevisionView } from '../../domain/views'
import { createEnvSecretStore } from '../../services/secrets/secret-store'
import { boardFixture, type BoardFixture } from '../../services/export/testing/board-fixture'
import { startJiraServer } from '../../services/export/testing/jira-server'
import { startNotionServer } from '../../services/export/testing/notion-server'
import { startTrelloServer } from '../../services/export/testing/trello-server'
import { procedureCaller } from './testing/dispatch'

const NOTION_TOKEN = 'ntn_launch_secret_5e2b'
const PAGE = '2a3b4c5d-0000-4000-8000-00000000bbbb'
const JIRA_TOKEN = 'ATATT3xFfGF0-launch-secret'
const TRELLO = { key: 'b1c2d3e4f5a60718293a4b5c6d7e8f90', token: 'ATTAlaunchtrellotoken0123456789', boardId: '6a1e2d3c4b5a697887766554' }

const DAY = 86_400_000
// Noon UTC: the same calendar day in every time zone the tests may run in.
const at = (day: string) => Date.parse(`${day}T12:00:00Z`)

const cleanups: (() => unknown)[] = []
let fx: BoardFixture
let api: ReturnType<typeof procedureCaller>
beforeEach(() => {
  fx = boardFixture({
    secrets: createEnvSecretStore({
      KPILOOP_SECRET_EXPORT_NOTION_TOKEN: NOTION_TOKEN,
      KPILOOP_SECRET_EXPORT_JIRA_APITOKEN: JIRA_TOKEN,
      KPILOOP_SECRET_EXPORT_TRELLO_KEY: TRELLO.key,
      KPILOOP_SECRET_EXPORT_TRELLO_TOKEN: TRELLO.token
    })
  })
  api = procedureCaller(fx.core)
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  fx.cleanup()
})

const audit = (action: string): AuditView[] => fx.core.audit.list({ boardId: fx.boardId, limit: 100 }).filter((a) => a.action === action)
const plan = (overrides: Record<string, unknown> = {}) =>
  api.call<LaunchPlanState>('launch.plan.set', {
    boardId: fx.boardId,
    plan: { launchDate: '2025-12-03', owner: '王敏', cadence: 'weekly', notify: ['growth-team@example.com', '@李雷'], ...overrides }
  })

describe('the launch plan', () => {
  it('is saved, read back, audited, and replaced by a later save without losing the earlier one', async () => {
    expect(await api.call('launch.plan.get', { boardId: fx.boardId })).toEqual({ plan: null, schedule: [] })
    const first = await plan()
    expect(first.plan).toMatchObject({
      launchDate: '2025-12-03',
      owner: '王敏',
      cadence: 'weekly',
      notify: ['growth-team@example.com', '@李雷'],
      channel: 'file'
    })
    expect(audit('launch.plan.set')[0]!.summary).toContain('launch 2025-12-03, weekly reviews, owner 王敏')

    const second = await plan({ cadence: 'monthly', channel: 'jira', destination: 'KPI-7' })
    expect(second.plan).toMatchObject({ cadence: 'monthly', channel: 'jira', destination: 'KPI-7' })
    expect((await api.call<LaunchPlanState>('launch.plan.get', { boardId: fx.boardId })).plan?.cadence).toBe('monthly')
    expect(fx.core.deps.sqlite.prepare('SELECT COUNT(*) AS n FROM launch_plan').get()).toEqual({ n: 2 })
    expect(audit('launch.plan.set')).toHaveLength(2)
  })

  it('refuses a launch date that is not a day and a cadence it does not know', async () => {
    expect((await api.failure('launch.plan.set', { boardId: fx.boardId, plan: { launchDate: '2025-13-40', cadence: 'weekly' } })).code).toBe('VALIDATION')
    expect((await api.failure('launch.plan.set', { boardId: fx.boardId, plan: { launchDate: '2025-12-03', cadence: 'daily' } })).code).toBe('VALIDATION')
    expect(audit('launch.plan.set')).toEqual([])
  })
})

describe('a launched KPI moves to operating after its first full review period', () => {
  it('waits for the first full week after launch, then moves through the gate with the rule in the revision and the audit', async () => {
    // KPI-B002 was launched on 2025-12-01; the plan launches the board on Wednesday 2025-12-03, so the first
    // full week is 2025-12-08 … 2025-12-14 and the KPI becomes operating on 2025-12-15.
    await plan()
    fx.clock.now = at('2025-12-14')
    const state = await api.call<LaunchPlanState>('launch.plan.get', { boardId: fx.boardId })
    expect(state.schedule).toEqual([
      {
        kpiId: fx.id('KPI-B002'),
        code: 'KPI-B002',
        launchedOn: '2025-12-03',
        firstReview: { start: '2025-12-08', end: '2025-12-15', grain: 'week', label: '2025-W50' },
        due: false
      }
    ])
    expect(await api.call('lifecycle.advanceDue', { boardId: fx.boardId })).toEqual({ moved: [] })
    const gate = await api.call<GateItem[]>('stage.checklist', { kpiId: fx.id('KPI-B002'), to: 'operating' })
    expect(gate).toEqual([expect.objectContaining({ id: 'gate.review-cycle', ok: false, detail: expect.stringContaining('has not ended yet') })])
    // Before its cycle, a person moving it needs a written reason.
    expect((await api.failure('stage.set', { kpiId: fx.id('KPI-B002'), to: 'operating' })).code).toBe('GATE_BLOCKED')

    fx.clock.now = at('2025-12-15')
    const { moved } = await api.call<{ moved: { code: string; rule: string }[] }>('lifecycle.advanceDue', {})
    expect(moved).toEqual([
      { boardId: fx.boardId, code: 'KPI-B002', rule: expect.stringContaining('first full weekly review period after launch on 2025-12-03') }
    ])
    expect(moved[0]!.rule).toContain('2025-W50, 2025-12-08 – 2025-12-14')
    expect((await api.call<KpiView>('kpi.get', { kpiId: fx.id('KPI-B002') })).stage).toBe('operating')
    const head = (await api.call<RevisionView[]>('kpi.history', { kpiId: fx.id('KPI-B002') })).at(-1)
    expect(head).toMatchObject({ stage: 'operating', reason: moved[0]!.rule, author: 'pm-li' })
    const entry = fx.core.audit.list({ kpiId: fx.id('KPI-B002'), limit: 1 })[0]!
    expect(entry.summary).toContain(moved[0]!.rule)
    expect(await api.call('lifecycle.advanceDue', { boardId: fx.boardId })).toEqual({ moved: [] })
  })

  it('counts from the day a KPI itself was launched when that is after the plan’s date, and needs a plan at all', async () => {
    fx.clock.now = at('2025-12-10')
    await api.call('stage.set', { kpiId: fx.id('KPI-U001'), to: 'launched', confirmTarget: true, reason: 'two months are enough' })
    fx.clock.now = at('2026-02-01')
    // Without a plan nothing moves by itself.
    expect(await api.call('lifecycle.advanceDue', {})).toEqual({ moved: [] })
    await plan({ launchDate: '2025-11-20', cadence: 'monthly' })
    fx.clock.now = at('2025-12-31')
    const schedule = (await api.call<LaunchPlanState>('launch.plan.get', { boardId: fx.boardId })).schedule
    expect(schedule.map((s) => [s.code, s.launchedOn, s.firstReview.label, s.due])).toEqual([
      ['KPI-U001', '2025-12-10', '2026-01', false],
      ['KPI-B002', '2025-12-01', '2025-12', false]
    ])
    fx.clock.now = at('2026-01-01')
    expect((await api.call<{ moved: { code: string }[] }>('lifecycle.advanceDue', {})).moved.map((m) => m.code)).toEqual(['KPI-B002'])
    fx.clock.now = at('2026-02-01')
    expect((await api.call<{ moved: { code: string }[] }>('lifecycle.advanceDue', {})).moved.map((m) => m.code)).toEqual(['KPI-U001'])
  })
})

describe('notify the team', () => {
  async function launchVersion() {
    await api.call('version.cut', { boardId: fx.boardId, label: 'v1.0' })
    fx.clock.now += DAY
  }

  it('returns the version’s launched KPI table as a Markdown file, and says when there is no plan or version', async () => {
    expect((await api.failure('launch.notify', { boardId: fx.boardId })).code).toBe('LAUNCH_PLAN_MISSING')
    await plan()
    expect((await api.failure('launch.notify', { boardId: fx.boardId })).code).toBe('VERSION_NOT_FOUND')
    await launchVersion()
    const notice = await api.call<LaunchNotice>('launch.notify', { boardId: fx.boardId, locale: 'zh-CN' })
    expect(notice).toMatchObject({ channel: 'file', versionLabel: 'v1.0', kpiCount: 1, url: null, file: { name: 'AI 助手 KPI 看板-v1.0-launch.md' } })
    const markdown = Buffer.from(notice.file!.base64, 'base64').toString('utf8')
    expect(markdown).toBe(notice.markdown)
    expect(markdown).toContain('# AI 助手 KPI 看板 v1.0 已上线')
    expect(markdown).toContain('- 上线日期: 2025-12-03')
    expect(markdown).toContain('- 复盘周期: 每周')
    expect(markdown).toContain('| KPI 编号 | 描述 | 数据来源 | 目标值 | 当前值 | 阶段 | 最新建议 | 状态 |')
    // Only launched KPIs: the trial and draft ones are not part of the launch.
    expect(markdown).toContain('| KPI-B002 |')
    expect(markdown).not.toContain('KPI-U001')
    expect(markdown).not.toContain('KPI-U010')
    expect(audit('launch.notify')[0]!.summary).toBe('Notified the team of v1.0 (1 launched KPIs) via file: AI 助手 KPI 看板-v1.0-launch.md')
  })

  it('posts a page with the table under the plan’s Notion page', async () => {
    const server = await startNotionServer({ token: NOTION_TOKEN, parentPages: [PAGE] })
    cleanups.push(() => server.close())
    await api.call('export.config.set', { target: 'notion', config: { parentPageId: PAGE, baseUrl: server.url } })
    await plan({ channel: 'notion', destination: PAGE })
    await launchVersion()
    const notice = await api.call<LaunchNotice>('launch.notify', { boardId: fx.boardId, locale: 'en' })
    const [page] = [...server.childPages.values()]
    expect(notice.url).toBe(`https://www.notion.so/${page!.id.replace(/-/g, '')}`)
    expect(page).toMatchObject({ parentPageId: PAGE, title: 'AI 助手 KPI 看板 v1.0 is launched' })
    expect(page!.paragraphs).toEqual(['Launch date: 2025-12-03', 'Owner: 王敏', 'Review cadence: weekly', 'Notified: growth-team@example.com, @李雷'])
    expect(page!.tables).toHaveLength(1)
    expect(page!.tables[0]![0]).toEqual(['KPI code', 'Description', 'Data source', 'Target', 'Current value', 'Stage', 'Latest proposal', 'Status'])
    expect(page!.tables[0]!.slice(1).map((row) => row[0])).toEqual(['KPI-B002'])
    expect(server.violations).toEqual([])
    expect(audit('launch.notify')[0]!.summary).toContain(`via notion: ${notice.url}`)
  })

  it('comments on the plan’s Jira issue with an ADF table, and names an issue Jira does not know', async () => {
    const server = await startJiraServer({ email: 'po@example.com', token: JIRA_TOKEN, projects: ['KPI'] })
    cleanups.push(() => server.close())
    await api.call('export.config.set', { target: 'jira', config: { host: server.url, email: 'po@example.com', projectKey: 'KPI' } })
    await api.call('export.run', { boardId: fx.boardId, target: 'jira' })
    await plan({ channel: 'jira', destination: 'KPI-2' })
    await launchVersion()
    const notice = await api.call<LaunchNotice>('launch.notify', { boardId: fx.boardId, locale: 'en' })
    expect(server.comments).toHaveLength(1)
    expect(server.comments[0]!.issueKey).toBe('KPI-2')
    expect(notice.url).toBe(`${server.url}/browse/KPI-2?focusedCommentId=${server.comments[0]!.id}`)
    const body = JSON.stringify(server.comments[0]!.body)
    expect(body).toContain('"type":"table"')
    expect(body).toContain('KPI-B002')
    expect(body).not.toContain('KPI-U001')
    expect(server.violations).toEqual([])

    await plan({ channel: 'jira', destination: 'KPI-99' })
    const failure = await api.failure('launch.notify', { boardId: fx.boardId })
    expect(failure).toMatchObject({ code: 'EXPORT_CONFIG', message: expect.stringContaining('KPI-99') })
    expect(audit('launch.notify')).toHaveLength(1)
  })

  it('adds a card with the Markdown table to the first list of the Trello board', async () => {
    const server = await startTrelloServer(TRELLO)
    cleanups.push(() => server.close())
    server.lists.set('7b1e2d3c4b5a697887766554', { id: '7b1e2d3c4b5a697887766554', name: 'Announcements', idBoard: TRELLO.boardId })
    await api.call('export.config.set', { target: 'trello', config: { boardId: TRELLO.boardId, baseUrl: server.url } })
    await plan({ channel: 'trello' })
    await launchVersion()
    const notice = await api.call<LaunchNotice>('launch.notify', { boardId: fx.boardId, locale: 'en' })
    const [card] = [...server.cards.values()]
    expect(card).toMatchObject({ name: 'AI 助手 KPI 看板 v1.0 is launched', idList: '7b1e2d3c4b5a697887766554' })
    expect(card!.desc).toBe(notice.markdown)
    expect(card!.desc).toContain('| KPI-B002 |')
    expect(server.violations).toEqual([])
  })
})
