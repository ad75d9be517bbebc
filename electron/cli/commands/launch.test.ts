import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import dayjs from 'dayjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { runCli } from '../testing/run-cli'

const BOARD = '增长看板'
const DAY = 86_400_000
// The CLI runs on the real clock: the KPIs were launched 60 days ago, the board 40 days ago.
const launchedAt = Date.now() - 60 * DAY
const planDate = dayjs(Date.now() - 40 * DAY).format('YYYY-MM-DD')

let ws: ReturnType<typeof tempWorkspace>
beforeEach(() => {
  ws = tempWorkspace({ now: () => launchedAt })
  const board = ws.core.boards.create(BOARD, '', 'pm')
  ws.core.kpis.add(board.id, { code: 'KPI-U001', name: '月活跃用户数', target: '≥ 1000 users', stage: 'launched' }, { actor: 'pm' })
  ws.core.kpis.add(board.id, { code: 'KPI-T002', name: 'P95 latency', target: 'P95 ≤ 500ms', stage: 'trial' }, { actor: 'pm' })
  ws.core.versions.cut(board.id, { label: 'v1.0' }, 'pm')
  ws.core.close()
})
afterEach(() => ws.cleanup())

const cli = (...args: string[]) => runCli(ws.file, args, { LANG: 'en_US.UTF-8' }, ws.dir)

describe('kpiloop launch plan', () => {
  it('sets the plan, changes one option later keeping the others, and shows it', async () => {
    expect(await cli('launch', 'plan', 'set', '--board', BOARD, '--owner', '王敏')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('needs --date YYYY-MM-DD and --cadence')
    })
    const set = await cli(
      'launch',
      'plan',
      'set',
      '--board',
      BOARD,
      '--date',
      planDate,
      '--cadence',
      'monthly',
      '--owner',
      '王敏',
      '--notify',
      'growth@example.com, @李雷'
    )
    expect(set).toMatchObject({ code: 0, stdout: expect.stringContaining(`Saved the launch plan of ${BOARD}.`) })
    expect(set.stdout).toContain(`Launch date:    ${planDate}`)
    await cli('launch', 'plan', 'set', '--board', BOARD, '--cadence', 'weekly', '--destination', 'launch-notice.md')
    const shown = JSON.parse((await cli('--json', 'launch', 'plan', 'show', '--board', BOARD)).stdout) as { plan: Record<string, unknown> }
    expect(shown.plan).toMatchObject({
      launchDate: planDate,
      cadence: 'weekly',
      owner: '王敏',
      notify: ['growth@example.com', '@李雷'],
      channel: 'file',
      destination: 'launch-notice.md'
    })
    expect((await cli('launch', 'plan', 'set', '--board', BOARD, '--cadence', 'daily')).stderr).toContain('[VALIDATION]')
  }, 60_000)
})

describe('the move to operating from the command line', () => {
  it('`lifecycle advance --due` moves a launched KPI whose first review period has ended, once, and says the rule', async () => {
    await cli('launch', 'plan', 'set', '--board', BOARD, '--date', planDate, '--cadence', 'weekly')
    const advanced = await cli('lifecycle', 'advance', '--due')
    expect(advanced).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^KPI-U001 moved to operating\. Launch plan: the first full weekly review period after launch on /)
    })
    expect(advanced.stdout).not.toContain('KPI-T002')
    expect((await cli('lifecycle', 'advance', '--due')).stdout).toBe('No launched KPI is due to move.\n')
    const audit = await cli('audit', '--board', BOARD)
    expect(audit.stdout).toContain('KPI-U001: stage — Launch plan: the first full weekly review period')
  }, 60_000)

  it('a command that reads the board moves due KPIs first and reports it on stderr, keeping --json output clean', async () => {
    await cli('launch', 'plan', 'set', '--board', BOARD, '--date', planDate, '--cadence', 'monthly')
    const listed = await cli('--json', 'kpi', 'list', '--board', BOARD)
    expect(listed.stderr).toMatch(/KPI-U001 moved to operating\. Launch plan: the first full monthly review period/)
    expect((JSON.parse(listed.stdout) as { code: string; stage: string }[]).map((k) => [k.code, k.stage])).toEqual([
      ['KPI-U001', 'operating'],
      ['KPI-T002', 'trial']
    ])
    expect((await cli('status', '--board', BOARD)).stderr).not.toContain('moved to operating')
  }, 60_000)
})

describe('kpiloop launch notify', () => {
  it("writes the version's launched KPI table to the plan's file, audited", async () => {
    expect((await cli('launch', 'notify', '--board', BOARD)).stderr).toContain('[LAUNCH_PLAN_MISSING]')
    await cli('launch', 'plan', 'set', '--board', BOARD, '--date', planDate, '--cadence', 'weekly', '--owner', '王敏', '--destination', 'launch-notice.md')
    const notified = await cli('launch', 'notify', '--board', BOARD, '--locale', 'zh-CN')
    const path = join(ws.dir, 'launch-notice.md')
    expect(notified).toMatchObject({ code: 0, stdout: `Wrote the launch notice of v1.0 (1 launched KPIs) to ${path}.\n` })
    const markdown = readFileSync(path, 'utf8')
    expect(markdown).toContain(`# ${BOARD} v1.0 已上线`)
    expect(markdown).toContain(`- 上线日期: ${planDate}`)
    expect(markdown).toContain('| KPI-U001 | 月活跃用户数 |')
    expect(markdown).not.toContain('KPI-T002')
    expect((await cli('audit', '--board', BOARD)).stdout).toContain('Notified the team of v1.0 (1 launched KPIs) via file')
  }, 60_000)
})
