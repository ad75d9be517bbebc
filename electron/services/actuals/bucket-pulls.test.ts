import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { serversUp } from '../testing/servers'
import { tempWorkspace } from '../testing/temp-workspace'
import { duePulls, pullDue } from './pull-scheduler'

// The same instants in every table: rows exactly on a bucket's edge belong to the bucket they start.
const ROWS = [
  '2025-12-10 07:59:59.999',
  '2025-12-10 08:00:00',
  '2025-12-10 08:30:00',
  '2025-12-10 08:59:59.999',
  '2025-12-10 09:00:00',
  '2025-12-10 09:04:59',
  '2025-12-10 09:05:00'
]
const suffix = randomBytes(4).toString('hex')
const schema = `kpi_bucket_${suffix}`
const reader = `kpi_bucket_reader_${suffix}`
const database = `kpi_bucket_${suffix}`

async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

async function myAdmin(sql: string, first?: string): Promise<void> {
  const connection = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' })
  try {
    if (first) await connection.query(first)
    await connection.query(sql)
  } finally {
    await connection.end()
  }
}

const values = ROWS.map((r) => `('${r}')`).join(', ')
const up = await serversUp('the bucket pulls', 'postgres', 'mysql')

describe.skipIf(!up)('real-time and hourly pulls against the real PostgreSQL and MariaDB', () => {
  beforeAll(async () => {
    await pgAdmin(`CREATE SCHEMA ${schema};
      CREATE TABLE ${schema}.events_tz (at timestamptz); CREATE TABLE ${schema}.events_naive (at timestamp);
      SET TimeZone = 'UTC'; INSERT INTO ${schema}.events_tz VALUES ${values}; INSERT INTO ${schema}.events_naive VALUES ${values};
      CREATE ROLE ${reader} LOGIN; GRANT USAGE ON SCHEMA ${schema} TO ${reader}; GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${reader};
      ALTER ROLE ${reader} SET TimeZone = 'Asia/Shanghai'`)
    // The reader's sessions run in UTC+8: a naive column read in the session's zone would shift every bucket by 8 hours.
    await myAdmin(`CREATE DATABASE ${database}`)
    await myAdmin(`CREATE TABLE ${database}.events_dt (at DATETIME(3))`)
    await myAdmin(`CREATE TABLE ${database}.events_ts (at TIMESTAMP(3) NULL)`)
    await myAdmin(`INSERT INTO ${database}.events_dt VALUES ${values}`)
    // TIMESTAMP values are read in the session's zone: written in UTC here, as the app reads them.
    await myAdmin(`INSERT INTO ${database}.events_ts VALUES ${values}`, "SET time_zone = '+00:00'")
  })
  afterAll(async () => {
    await pgAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP OWNED BY ${reader}; DROP ROLE IF EXISTS ${reader}`)
    await myAdmin(`DROP DATABASE IF EXISTS ${database}`)
  })

  let clock: number
  let ws: ReturnType<typeof tempWorkspace>
  let core: Core
  let boardId: number
  beforeEach(() => {
    clock = Date.parse('2025-12-10T09:07:00Z')
    ws = tempWorkspace({ now: () => clock })
    core = ws.core
    core.sources.save({ name: 'pg', kind: 'postgres', url: `postgres://${reader}@127.0.0.1:5432/test?schema=${schema}` }, 'po', 'add')
    core.sources.save({ name: 'maria', kind: 'mysql', url: `mysql://root@127.0.0.1:3306/${database}`, realtimeMinutes: 15 }, 'po', 'add')
    boardId = core.boards.create('Ops', '', 'po').id
  })
  afterEach(() => ws.cleanup())

  const addKpi = (code: string, source: string, table: string, frequency: 'hourly' | 'realtime') =>
    core.kpis.add(
      boardId,
      {
        code,
        name: `Events ${code}`,
        formula: `SELECT count(*) FROM ${table} WHERE at >= :period_start AND at < :period_end`,
        dataSource: source,
        frequency,
        stage: 'trial'
      },
      { actor: 'po' }
    ).id
  const valueOf = (kpiId: number, start: string) => core.measurements.list(kpiId).find((m) => m.periodStart === start)?.value
  const run = () => pullDue({ ...core, actor: 'scheduled pull' })

  it('stores one value per complete hour, edges counted as [start, end), for timestamptz and timestamp columns and MariaDB', async () => {
    const kpis = [addKpi('TZ', 'pg', 'events_tz', 'hourly'), addKpi('NAIVE', 'pg', 'events_naive', 'hourly'), addKpi('DT', 'maria', 'events_dt', 'hourly')]
    kpis.push(addKpi('TS', 'maria', 'events_ts', 'hourly'))
    const first = await run()
    expect(first.failed).toBe(0)
    for (const kpiId of kpis) {
      const stored = core.measurements.list(kpiId)
      // The last 24 complete hours; the running hour (09:00–10:00) waits until it ends.
      expect(stored).toHaveLength(24)
      expect(stored.at(-1)).toMatchObject({ periodStart: '2025-12-10T08:00:00Z', periodEnd: '2025-12-10T09:00:00Z', value: 3 })
      expect(valueOf(kpiId, '2025-12-10T07:00:00Z')).toBe(1)
      expect(valueOf(kpiId, '2025-12-10T06:00:00Z')).toBe(0)
      expect(stored[0]!.periodStart).toBe('2025-12-09T09:00:00Z')
    }
    // Cron every minute: the second run in the same hour asks nothing and stores nothing.
    expect(duePulls(core).size).toBe(0)
    expect((await run()).stored).toBe(0)

    // The app was closed for three hours: the missed complete hours are filled, the running one is not.
    clock = Date.parse('2025-12-10T12:10:00Z')
    expect(duePulls(core).get(boardId)).toEqual(kpis)
    expect((await run()).stored).toBe(3 * kpis.length)
    for (const kpiId of kpis) {
      expect(valueOf(kpiId, '2025-12-10T09:00:00Z')).toBe(3)
      expect(valueOf(kpiId, '2025-12-10T11:00:00Z')).toBe(0)
      expect(core.measurements.list(kpiId)).toHaveLength(27)
    }
  })

  it('stores one value per complete interval of a real-time KPI: 5 minutes by default, the source’s own otherwise', async () => {
    const [tz, naive, dt] = [
      addKpi('RT-TZ', 'pg', 'events_tz', 'realtime'),
      addKpi('RT-NAIVE', 'pg', 'events_naive', 'realtime'),
      addKpi('RT-DT', 'maria', 'events_dt', 'realtime')
    ]
    expect((await run()).failed).toBe(0)
    for (const kpiId of [tz, naive]) {
      const stored = core.measurements.list(kpiId)
      expect(stored).toHaveLength(288)
      expect(stored.at(-1)).toMatchObject({ periodStart: '2025-12-10T09:00:00Z', periodEnd: '2025-12-10T09:05:00Z', value: 2 })
      expect(valueOf(kpiId, '2025-12-10T08:55:00Z')).toBe(1)
      expect(valueOf(kpiId, '2025-12-10T08:00:00Z')).toBe(1)
    }
    // MariaDB's source says 15 minutes: 96 buckets, the newest 08:45–09:00.
    const quarter = core.measurements.list(dt)
    expect(quarter).toHaveLength(96)
    expect(quarter.at(-1)).toMatchObject({ periodStart: '2025-12-10T08:45:00Z', periodEnd: '2025-12-10T09:00:00Z', value: 1 })
    expect(valueOf(dt, '2025-12-10T08:00:00Z')).toBe(1)
    expect(valueOf(dt, '2025-12-10T07:45:00Z')).toBe(1)

    clock = Date.parse('2025-12-10T09:12:00Z')
    expect(duePulls(core).get(boardId)).toEqual([tz, naive])
    expect((await run()).stored).toBe(2)
    expect(valueOf(tz, '2025-12-10T09:05:00Z')).toBe(1)
    expect((await run()).stored).toBe(0)
  })
})
