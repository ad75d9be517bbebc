import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppError } from '../../../domain/errors'
import { codeOf } from '../../testing/error-code'
import { createConnector, createDriver, runFormulaUnchecked } from '../connector'
import { EXPECTED, NOVEMBER, fixtureStatements } from '../testing/product-fixture'
import type { SourceConfig } from '../types'
import { serversUp } from '../../testing/servers'

const suffix = randomBytes(4).toString('hex')
const schema = `kpi_pg_${suffix}`
const reader = `kpi_reader_${suffix}`
const writer = `kpi_writer_${suffix}`
const admin = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' }
const url = (user = 'postgres', db = 'test'): string => `postgres://${user}@127.0.0.1:5432/${db}?schema=${schema}`
const source: SourceConfig = { kind: 'postgres', url: url() }

async function adminQuery(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client(admin)
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

const count = async (table: string): Promise<number> => Number((await adminQuery(`SELECT COUNT(*) AS n FROM ${schema}.${table}`)).rows[0].n)

beforeAll(async () => {
  await adminQuery(`CREATE SCHEMA ${schema}`)
  for (const statement of fixtureStatements('postgres')) await adminQuery(`SET search_path = ${schema}; ${statement}`)
  await adminQuery(`CREATE SEQUENCE ${schema}.ticket_seq`)
  await adminQuery(`CREATE FUNCTION ${schema}.purge_users() RETURNS bigint LANGUAGE sql AS 'DELETE FROM ${schema}.users; SELECT 0::bigint'`)
  await adminQuery(`CREATE ROLE ${reader} LOGIN; GRANT USAGE ON SCHEMA ${schema} TO ${reader}; GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${reader}`)
  await adminQuery(`CREATE ROLE ${writer} LOGIN; GRANT USAGE ON SCHEMA ${schema} TO ${writer}; GRANT SELECT, INSERT ON ${schema}.tasks TO ${writer}`)
})

afterAll(async () => {
  await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  for (const role of [reader, writer]) await adminQuery(`DROP OWNED BY ${role}; DROP ROLE IF EXISTS ${role}`).catch(() => undefined)
})

const up = await serversUp('the PostgreSQL connector', 'postgres')
describe.skipIf(!up)('PostgreSQL connector', () => {
  const connector = createConnector(source)
  afterAll(() => connector.close())

  it('computes the PRD-style KPIs of November exactly, with the period bound as parameters', async () => {
    const mau = await connector.runFormula(
      'SELECT COUNT(DISTINCT user_id) FROM user_activity WHERE activity_date >= :period_start AND activity_date < :period_end AND task_executed >= 1',
      NOVEMBER
    )
    expect(mau).toMatchObject({ kind: 'single', value: EXPECTED.mauNovember })
    expect(mau.boundSql).toContain('activity_date >= $1::DATE')
    expect(mau.boundSql).toContain("$1 = DATE '2025-11-01'")
    const run = async (sql: string): Promise<unknown> => ((await connector.runFormula(sql, NOVEMBER)) as { value: number }).value
    expect(await run('SELECT COUNT(*) FROM users WHERE email_verified = true AND registration_date >= :period_start AND registration_date < :period_end')).toBe(
      EXPECTED.verifiedSignupsNovember
    )
    expect(
      await run(
        "SELECT ROUND(COUNT(CASE WHEN status = 'completed' THEN 1 END) * 100.0 / COUNT(*), 2) FROM tasks WHERE created_at >= :period_start AND created_at < :period_end"
      )
    ).toBe(EXPECTED.taskSuccessNovember)
    expect(
      await run(
        'SELECT PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY response_time) FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end'
      )
    ).toBe(EXPECTED.p95ResponseNovember)
    expect(
      await run(
        "SELECT AVG(EXTRACT(EPOCH FROM (resolved_at - created_at)) / 3600) FROM support_tickets WHERE status = 'resolved' AND created_at >= :period_start AND created_at < :period_end"
      )
    ).toBe(EXPECTED.resolutionHoursNovember)
  })

  it('returns a series for a backfill formula grouped by month', async () => {
    const result = await connector.runFormula(
      `SELECT DATE_TRUNC('month', activity_date)::date AS month, COUNT(DISTINCT user_id) FROM user_activity
       WHERE task_executed >= 1 AND activity_date >= :period_start AND activity_date < :period_end GROUP BY 1 ORDER BY 1`,
      { start: '2025-10-01', end: '2026-01-01' }
    )
    expect(result).toMatchObject({ kind: 'series', points: EXPECTED.mauByMonth })
  })

  it('reports results that are not one number', async () => {
    const january = { start: '2026-01-01', end: '2026-02-01' }
    expect(
      await codeOf(connector.runFormula('SELECT response_time FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end', january))
    ).toBe('QUERY_NO_ROW')
    expect(
      await codeOf(connector.runFormula('SELECT AVG(response_time) FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end', january))
    ).toBe('QUERY_NULL')
    expect(await codeOf(connector.runFormula('SELECT endpoint FROM api_logs ORDER BY log_id LIMIT 1', NOVEMBER))).toBe('QUERY_NOT_NUMBER')
    expect(
      await codeOf(connector.runFormula('SELECT response_time FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end', NOVEMBER))
    ).toBe('QUERY_TOO_MANY_ROWS')
    const small = createConnector({ ...source, rowLimit: 2 })
    const daily = 'SELECT activity_date, COUNT(*) FROM user_activity WHERE activity_date >= :period_start AND activity_date < :period_end GROUP BY 1'
    expect(await codeOf(small.runFormula(daily, NOVEMBER))).toBe('QUERY_TOO_MANY_ROWS')
    const failed = await connector.runFormula('SELECT SUM(nope) FROM tasks', NOVEMBER).catch((e: AppError) => e)
    expect(failed).toMatchObject({ code: 'QUERY_FAILED', message: expect.stringContaining('column "nope" does not exist') })
  })

  // The server's own answer says it stopped: a query that ran to its end would have returned its row, and after a
  // cancel no session of the server is still running it.
  const stillRunning = async (marker: string) =>
    Number(
      (await adminQuery(`SELECT COUNT(*) AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%${marker}%' AND pid <> pg_backend_pid()`)).rows[0].n
    )

  it('stops a slow query at the statement timeout and on cancel', async () => {
    const slow = createConnector({ ...source, timeoutMs: 500 })
    expect(await codeOf(slow.runFormula('SELECT 1 FROM pg_sleep(30) /* kpi-timeout */', NOVEMBER))).toBe('SOURCE_TIMEOUT')
    expect(await stillRunning('kpi-timeout')).toBe(0)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 300)
    expect(await codeOf(connector.runFormula('SELECT 1 FROM pg_sleep(30) /* kpi-cancel */', NOVEMBER, controller.signal))).toBe('CANCELLED')
    expect(await stillRunning('kpi-cancel')).toBe(0)
  })

  it('refuses writes before they reach the database, leaving the data unchanged', async () => {
    for (const sql of [
      'DELETE FROM users',
      "UPDATE tasks SET status = 'failed'",
      'DROP TABLE api_logs',
      'SELECT 1; DELETE FROM users',
      'SELECT * INTO users_copy FROM users',
      `SELECT nextval('ticket_seq')`,
      'SELECT pg_terminate_backend(pg_backend_pid())'
    ]) {
      expect(await codeOf(connector.runFormula(sql, NOVEMBER)), sql).toBe('SOURCE_WRITE_REFUSED')
    }
    expect(await count('users')).toBe(EXPECTED.userCount)
    expect(await count('api_logs')).toBe(6)
  })

  it('lets the read-only transaction stop writes that slip past the guard', async () => {
    // A user function that deletes passes the guard; the read-only transaction refuses it.
    expect(await codeOf(connector.runFormula('SELECT purge_users()', NOVEMBER))).toBe('SOURCE_READ_ONLY')
    const driver = await createDriver(source)
    const unchecked = (sql: string): Promise<string> => codeOf(runFormulaUnchecked(driver, source, sql, NOVEMBER))
    // Even a session setting switched off by one run does not carry into the next.
    expect(await unchecked("SELECT length(set_config('default_transaction_read_only', 'off', false))")).toBe('ok')
    expect(await unchecked("SELECT nextval('ticket_seq')")).toBe('SOURCE_FORBIDDEN')
    expect(await unchecked('DELETE FROM users')).toBe('QUERY_FAILED')
    expect(await unchecked('SELECT 1; DELETE FROM users')).toBe('QUERY_FAILED')
    expect(await unchecked('WITH gone AS (DELETE FROM users RETURNING 1) SELECT COUNT(*) FROM gone')).toBe('QUERY_FAILED')
    expect(await count('users')).toBe(EXPECTED.userCount)
    expect(Number((await adminQuery(`SELECT last_value FROM ${schema}.ticket_seq`)).rows[0].last_value)).toBe(1)
  })

  it('tells whether the role can write, and why', async () => {
    const superuser = await connector.test()
    expect(superuser).toMatchObject({ user: 'postgres', canWrite: true, serverVersion: expect.stringContaining('PostgreSQL') })
    expect(superuser.writeReason).toContain('superuser')
    const readOnly = await createConnector({ kind: 'postgres', url: url(reader) }).test()
    expect(readOnly).toMatchObject({ user: reader, canWrite: false })
    const inserter = await createConnector({ kind: 'postgres', url: url(writer) }).test()
    expect(inserter.canWrite).toBe(true)
    expect(inserter.writeReason).toContain(`${schema}.tasks`)
  })

  it('lists the tables and columns of the user schemas', async () => {
    const tables = await connector.tables()
    const users = tables.find((t) => t.schema === schema && t.name === 'users')
    expect(users?.columns.map((c) => c.name)).toEqual(['user_id', 'email', 'registration_date', 'email_verified'])
    expect(users?.columns[2]?.type).toBe('date')
    expect(tables.some((t) => t.schema === 'pg_catalog' || t.schema === 'information_schema')).toBe(false)
  })

  it('fails fast and clearly on bad connections', async () => {
    expect(await codeOf(createConnector({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/test' }).test())).toBe('SOURCE_CONNECT')
    expect(await codeOf(createConnector({ kind: 'postgres', url: url('postgres', `missing_${suffix}`) }).test())).toBe('SOURCE_CONFIG')
    expect(await codeOf(createConnector({ kind: 'postgres', url: url(`nobody_${suffix}`) }).test())).toBe('SOURCE_AUTH')
    const withPassword = await codeOf(Promise.resolve().then(() => createConnector({ kind: 'postgres', url: 'postgres://postgres:hunter2@127.0.0.1/test' })))
    expect(withPassword).toBe('SOURCE_CONFIG')
  })
})
