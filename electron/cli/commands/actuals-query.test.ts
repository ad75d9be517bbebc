import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli'

let dir: string
let db: string
let warehouse: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-cli-report-'))
  db = join(dir, 'cli.kpiloop')
  warehouse = join(dir, 'events.sqlite')
  const w = new Database(warehouse)
  w.exec('CREATE TABLE events (day TEXT, user_id INTEGER)')
  const insert = w.prepare('INSERT INTO events VALUES (?, ?)')
  for (let d = 1; d <= 30; d++) for (let u = 1; u <= (d % 7) + 1; u++) insert.run(`2025-11-${String(d).padStart(2, '0')}`, u)
  insert.run('2025-12-02', 9)
  w.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const kpiloop = (...args: string[]) => runCli(db, args, { KPILOOP_ACTOR: 'analyst' })
const ok = async (...args: string[]) => {
  const result = await kpiloop(...args)
  expect(result.stderr, args.join(' ')).toBe('')
  expect(result.code).toBe(0)
  return result.stdout
}
const json = async (...args: string[]) => JSON.parse(await ok('--json', ...args))

// Each step spawns the real CLI, as a user's shell or cron would.
describe('kpiloop report queries from the terminal', { timeout: 300_000 }, () => {
  it('assigns one source to a board, previews by ISO week, maps a report, binds hard-coded dates and pulls a quarter', async () => {
    await json('board', 'create', 'Growth')
    await ok('source', 'add', 'wh', '--kind', 'sqlite', '--url', `sqlite://${warehouse}`)
    const mau = "SELECT COUNT(DISTINCT user_id) FROM events WHERE day >= '2025-11-01' AND day < '2025-12-01'"
    await ok(
      'kpi',
      'add',
      '--board',
      'Growth',
      '--code',
      'MAU',
      '--name',
      '月活跃用户数',
      '--target',
      '≥ 5 users',
      '--set',
      `formula=${mau}`,
      '--set',
      'frequency=daily'
    )
    await ok(
      'kpi',
      'add',
      '--board',
      'Growth',
      '--code',
      'DAU',
      '--name',
      'Daily active users (DAU)',
      '--target',
      '≥ 3 users',
      '--set',
      'formula=SELECT day, COUNT(DISTINCT user_id) AS dau, COUNT(*) AS events FROM events GROUP BY day',
      '--set',
      'frequency=daily'
    )

    const assigned = await json('kpi', 'edit', '--board', 'Growth', '--all', '--set', 'dataSource=wh', '--reason', 'warehouse connected')
    expect(assigned.map((k: { code: string; dataSource: string }) => [k.code, k.dataSource])).toEqual([
      ['MAU', 'wh'],
      ['DAU', 'wh']
    ])

    const week = await ok('actuals', 'preview', 'DAU', '--board', 'Growth', '--period', '2025-W47')
    expect(week).toContain('DAU for 2025-W47 (2025-11-17 → 2025-11-24, end exclusive)')
    expect(week).toContain('result: 31 rows × 3 columns (first 10 shown)')
    expect(week).toContain('mapping (proposed, not saved): value=dau; period=day:day')
    expect(week).toContain('why: "dau" matches "dau" in the KPI\'s name.')
    expect(week).toMatch(/2025-11-17\s+2025-11-18\s+4\s+1/)

    const saved = await json('kpi', 'edit', '--board', 'Growth', '--kpi', 'DAU', '--set', 'mapping=value=dau; period=day:day')
    expect(saved[0].mapping).toEqual({ value: 'dau', period: 'day', grain: 'day' })

    const pinned = await ok('actuals', 'preview', 'MAU', '--board', 'Growth', '--period', '2025-12')
    expect(pinned).toContain("line 1, column 57: '2025-11-01' (fixed date)")
    expect(pinned).toContain('pull refused: MAU: the formula reads the fixed dates')
    expect(pinned).toContain('  + SELECT COUNT(DISTINCT user_id) FROM events WHERE day >= :period_start AND day < :period_end')
    expect(pinned).toContain('and frequency → monthly (the dates spanned one month)')

    const refused = await kpiloop('actuals', 'pull', '--board', 'Growth', '--kpi', 'MAU', '--period', '2025-Q4')
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('gives the same result for every period')

    const mapped = await ok('actuals', 'map', 'MAU', '--board', 'Growth', '--rewrite-dates')
    expect(mapped).toContain('formula: dates bound to :period_start / :period_end; frequency monthly')
    const pulled = await json('actuals', 'pull', '--board', 'Growth', '--period', '2025-Q4')
    expect(pulled.results.map((r: { code: string; stored: number }) => [r.code, r.stored])).toEqual([
      ['MAU', 3],
      ['DAU', 31]
    ])
    const values = await json('actuals', 'list', 'MAU', '--board', 'Growth')
    expect(values.map((m: { periodStart: string; value: number }) => [m.periodStart, m.value])).toEqual([
      ['2025-10-01', 0],
      ['2025-11-01', 7],
      ['2025-12-01', 1]
    ])
  })

  it('refuses a period that is no day, week, month or quarter, with the forms it takes', async () => {
    const result = await kpiloop('actuals', 'preview', 'DAU', '--board', 'Growth', '--period', 'last week')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      '"last week" is not a period: write a day (2025-11-03), an ISO week (2025-W47), a month (2025-11) or a quarter (2025-Q4). [PERIOD_INVALID]'
    )
  })
})
