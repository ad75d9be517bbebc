import { rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../core'
import { tempWorkspace } from '../testing/temp-workspace'
import { createPullBackoff, retryDelay } from './pull-backoff'
import { duePulls, nextTickMs, startPullScheduler } from './pull-scheduler'

const ENDLESS = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c'
let clock = Date.parse('2025-12-10T09:00:00Z')
let ws: ReturnType<typeof tempWorkspace>
let core: Core
let boardId: number
let kpiId: number

beforeEach(() => {
  clock = Date.parse('2025-12-10T09:00:00Z')
  ws = tempWorkspace({ now: () => clock })
  core = ws.core
  const app = join(ws.dir, 'app.db')
  new Database(app).exec('CREATE TABLE orders (created_at TEXT)').close()
  core.sources.save({ name: 'app', kind: 'sqlite', url: app, timeoutMs: 300 }, 'po', 'add')
  boardId = core.boards.create('Ops', '', 'po').id
  kpiId = core.kpis.add(boardId, { code: 'K1', name: 'Orders', formula: ENDLESS, dataSource: 'app', frequency: 'daily', stage: 'trial' }, { actor: 'po' }).id
})
afterEach(() => {
  core.close()
  rmSync(ws.dir, { recursive: true, force: true })
})

const scheduler = (on: Core) => startPullScheduler({ ...on, actor: 'scheduled pull' }, 60 * 60_000)

describe('the pull scheduler', () => {
  it('records a failing formula and backs off instead of running it again, also after a restart', async () => {
    expect(duePulls(core).get(boardId)).toEqual([kpiId])
    const first = scheduler(core)
    await first.tick()
    first.stop()
    const failure = createPullBackoff(core.settings, () => clock).failures()[kpiId]
    expect(failure).toMatchObject({ failures: 1, errorCode: 'SOURCE_TIMEOUT', nextAttemptAt: clock + retryDelay(1) })
    expect(duePulls(core).has(boardId)).toBe(false)

    // A restart reads the same record: the formula is not run again at start-up.
    core.close()
    core = createCore(ws.file, { access: 'write', now: () => clock })
    expect(duePulls(core).has(boardId)).toBe(false)

    // After the delay it is tried once more, and the next delay is twice as long.
    clock += retryDelay(1) + 1
    const again = scheduler(core)
    await again.tick()
    again.stop()
    expect(createPullBackoff(core.settings, () => clock).failures()[kpiId]).toMatchObject({ failures: 2, nextAttemptAt: clock + retryDelay(2) })
    expect(retryDelay(2)).toBe(2 * retryDelay(1))
    expect(retryDelay(50)).toBe(24 * 60 * 60_000)
  })

  it('tries a corrected formula at once and forgets the failure once it pulls', async () => {
    const run = scheduler(core)
    await run.tick()
    core.kpis.edit(kpiId, { formula: 'SELECT count(*) FROM orders WHERE created_at >= :period_start AND created_at < :period_end' }, { actor: 'po' })
    expect(duePulls(core).get(boardId)).toEqual([kpiId])
    await run.tick()
    run.stop()
    expect(createPullBackoff(core.settings, () => clock).failures()[kpiId]).toBeUndefined()
    expect(core.measurements.ofBoard(boardId).get(kpiId)).toHaveLength(1)
  })

  it('looks every half of the shortest bucket of a scheduled real-time KPI, at least every 15 minutes', () => {
    expect(nextTickMs(core)).toBe(15 * 60_000)
    core.kpis.add(boardId, { code: 'H1', name: 'Hourly', formula: 'SELECT 1', dataSource: 'app', frequency: 'hourly', stage: 'trial' }, { actor: 'po' })
    // Half an hour is slower than the calendar pace: an hourly KPI alone keeps 15 minutes.
    expect(nextTickMs(core)).toBe(15 * 60_000)
    const realtime = core.kpis.add(
      boardId,
      { code: 'R1', name: 'Live', formula: 'SELECT 1', dataSource: 'app', frequency: 'realtime', stage: 'draft' },
      { actor: 'po' }
    )
    // A draft is not scheduled yet.
    expect(nextTickMs(core)).toBe(15 * 60_000)
    core.kpis.edit(realtime.id, { stage: 'trial' }, { actor: 'po' })
    expect(nextTickMs(core)).toBe(150_000)
    core.sources.save({ name: 'app', kind: 'sqlite', url: join(ws.dir, 'app.db'), timeoutMs: 300, realtimeMinutes: 1 }, 'po', 'edit')
    expect(nextTickMs(core)).toBe(30_000)
  })

  it('wakes often but looks only when half the shortest bucket has passed since its last look', async () => {
    const formula = 'SELECT count(*) FROM orders WHERE created_at >= :period_start AND created_at < :period_end'
    core.kpis.edit(kpiId, { stage: 'draft' }, { actor: 'po' })
    const live = core.kpis.add(boardId, { code: 'R2', name: 'Live', formula, dataSource: 'app', frequency: 'realtime', stage: 'trial' }, { actor: 'po' }).id
    clock = Date.parse('2025-12-10T09:04:00Z')
    const ticker = startPullScheduler({ ...core, actor: 'scheduled pull' })
    await ticker.tick()
    expect(core.measurements.list(live).at(-1)?.periodEnd).toBe('2025-12-10T09:00:00Z')
    // 90 s later the bucket 09:00–09:05 is complete, but the next look is 2.5 min after the last one.
    clock = Date.parse('2025-12-10T09:05:30Z')
    await ticker.tick()
    expect(core.measurements.list(live).at(-1)?.periodEnd).toBe('2025-12-10T09:00:00Z')
    clock = Date.parse('2025-12-10T09:06:40Z')
    await ticker.tick()
    await ticker.stop()
    expect(core.measurements.list(live).at(-1)?.periodEnd).toBe('2025-12-10T09:05:00Z')
  })
})
