import Database from 'better-sqlite3'
import dayjs from 'dayjs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuePullSummary, MeasurementView } from '../../domain/views'
import { runCli } from '../testing/run-cli'

let dir: string
let db: string
const yesterday = dayjs().subtract(1, 'day').format('YYYY-MM-DD')
const today = dayjs().format('YYYY-MM-DD')

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-cli-due-'))
  db = join(dir, 'cli.kpiloop')
  const w = new Database(join(dir, 'api.sqlite'))
  w.exec('CREATE TABLE requests (day TEXT, ms INTEGER)')
  const insert = w.prepare('INSERT INTO requests VALUES (?, ?)')
  for (const ms of [120, 180, 240]) insert.run(yesterday, ms)
  insert.run(today, 900)
  w.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const kpiloop = (...args: string[]) => runCli(db, args, { KPILOOP_ACTOR: 'cron' })
const ok = async (...args: string[]) => {
  const result = await kpiloop(...args)
  expect(result.stderr, args.join(' ')).toBe('')
  expect(result.code).toBe(0)
  return result.stdout
}
const json = async <T>(...args: string[]): Promise<T> => JSON.parse(await ok('--json', ...args)) as T

describe('kpiloop actuals pull --due, as cron runs it', { timeout: 300_000 }, () => {
  it('pulls the real-time KPI for its latest complete day on every board, then finds nothing due', async () => {
    await json('board', 'create', 'Platform')
    await ok('source', 'add', 'api', '--kind', 'sqlite', '--url', `sqlite://${join(dir, 'api.sqlite')}`)
    const formula = 'SELECT avg(ms) FROM requests WHERE day >= :period_start AND day < :period_end'
    const add = (code: string, stage: string) =>
      ok(
        'kpi',
        'add',
        '--board',
        'Platform',
        '--code',
        code,
        '--name',
        'API latency',
        '--target',
        '≤ 500ms',
        '--set',
        `formula=${formula}`,
        '--set',
        'dataSource=api',
        '--set',
        'frequency=realtime',
        '--set',
        `stage=${stage}`
      )
    await add('LAT', 'operating')
    await add('LAT-DRAFT', 'draft')

    const first = await json<DuePullSummary>('actuals', 'pull', '--due')
    expect(first.boards.map((b) => [b.board, b.results.map((r) => [r.code, r.outcome, r.stored])])).toEqual([['Platform', [['LAT', 'pulled', 1]]]])
    const stored = await json<MeasurementView[]>('actuals', 'list', 'LAT', '--board', 'Platform')
    expect(stored.map((m) => [m.periodStart, m.periodEnd, m.value])).toEqual([[yesterday, today, 180]])

    expect(await ok('actuals', 'pull', '--due')).toContain('Nothing is due')
    expect((await json<DuePullSummary>('actuals', 'pull', '--due', '--board', 'Platform')).boards).toEqual([])
  })

  it('refuses --due mixed with a backfill, and a pull without --board or --due', async () => {
    const mixed = await kpiloop('actuals', 'pull', '--due', '--period', '2025-11')
    expect(mixed.code).not.toBe(0)
    expect(mixed.stderr).toContain('--due')
    const bare = await kpiloop('actuals', 'pull')
    expect(bare.code).not.toBe(0)
    expect(bare.stderr).toContain('--board')
  })
})
