import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DuePullSummary, MeasurementView } from '../../domain/views'
import { runCli } from '../testing/run-cli'

const HOUR = 3_600_000
let dir: string
let db: string
// The real clock: cron runs the command without one. Bounds are UTC, written as SQLite writes datetime().
const hour = Math.floor(Date.now() / HOUR) * HOUR
const at = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-cli-due-'))
  db = join(dir, 'cli.kpiloop')
  const w = new Database(join(dir, 'api.sqlite'))
  w.exec('CREATE TABLE requests (at TEXT, ms INTEGER)')
  const insert = w.prepare('INSERT INTO requests VALUES (?, ?)')
  // The last complete hour holds two requests (one exactly on its start), the hour before one (a second before the edge).
  for (const [when, ms] of [
    [hour - HOUR, 120],
    [hour - HOUR / 2, 180],
    [hour - HOUR - 1000, 240],
    [hour + 1000, 900]
  ] as const) {
    insert.run(at(when), ms)
  }
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
  it('pulls an hourly KPI for every complete hour of the last day on every board, then finds nothing due', async () => {
    await json('board', 'create', 'Platform')
    await ok('source', 'add', 'api', '--kind', 'sqlite', '--url', `sqlite://${join(dir, 'api.sqlite')}`)
    const formula = 'SELECT count(*) FROM requests WHERE at >= :period_start AND at < :period_end'
    const add = (code: string, stage: string) =>
      ok(
        'kpi',
        'add',
        '--board',
        'Platform',
        '--code',
        code,
        '--name',
        'API requests',
        '--target',
        '≥ 1',
        '--set',
        `formula=${formula}`,
        '--set',
        'dataSource=api',
        '--set',
        'frequency=hourly',
        '--set',
        `stage=${stage}`
      )
    await add('REQ', 'operating')
    await add('REQ-DRAFT', 'draft')

    const first = await json<DuePullSummary>('actuals', 'pull', '--due')
    // A run crossing the hour fills the hour that just ended too.
    const hours = Math.floor(Date.now() / HOUR) * HOUR === hour ? 24 : 25
    expect(first.boards.map((b) => [b.board, b.results.map((r) => [r.code, r.outcome, r.stored])])).toEqual([['Platform', [['REQ', 'pulled', hours]]]])
    const stored = await json<MeasurementView[]>('actuals', 'list', 'REQ', '--board', 'Platform')
    const value = (start: number) => stored.find((m) => m.periodStart === iso(start) && m.periodEnd === iso(start + HOUR))?.value
    expect(stored[0]!.periodStart).toBe(iso(hour - 24 * HOUR))
    expect([value(hour - HOUR), value(hour - 2 * HOUR), value(hour - 3 * HOUR)]).toEqual([2, 1, 0])

    // Cron every minute: the next run in the same hour stores nothing new.
    const again = Math.floor(Date.now() / HOUR) * HOUR
    const second = await json<DuePullSummary>('actuals', 'pull', '--due')
    expect(second.stored).toBe(Math.floor(Date.now() / HOUR) * HOUR === again ? 0 : 1)
    if (second.stored === 0) expect(await ok('actuals', 'pull', '--due')).toContain('Nothing is due')
    expect((await json<MeasurementView[]>('actuals', 'list', 'REQ', '--board', 'Platform')).length).toBe(stored.length + second.stored)
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
