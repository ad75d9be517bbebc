import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppError } from '../../../domain/errors'
import { codeOf } from '../../testing/error-code'
import { createConnector, createDriver, runFormulaUnchecked } from '../connector'
import { EXPECTED, NOVEMBER, fixtureStatements } from '../testing/product-fixture'
import type { SourceConfig } from '../types'
import { serversUp } from '../../testing/servers'

const suffix = randomBytes(4).toString('hex')
const database = `kpi_my_${suffix}`
const reader = `kpi_reader_${suffix}`
const readerPassword = `pw-${randomBytes(6).toString('hex')}`
const source: SourceConfig = { kind: 'mysql', url: `mysql://root@127.0.0.1:3306/${database}` }
const readerSource: SourceConfig = { kind: 'mysql', url: `mysql://${reader}@127.0.0.1:3306/${database}`, password: readerPassword }

async function admin<T = unknown>(sql: string, values: unknown[] = []): Promise<T> {
  const connection = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' })
  try {
    return (await connection.query(sql, values))[0] as T
  } finally {
    await connection.end()
  }
}

const count = async (table: string): Promise<number> => Number((await admin<{ n: number }[]>(`SELECT COUNT(*) AS n FROM ${database}.${table}`))[0]!.n)

beforeAll(async () => {
  await admin(`CREATE DATABASE ${database}`)
  for (const statement of fixtureStatements('mysql')) await admin(statement.replace(/^(CREATE TABLE|INSERT INTO) /, `$1 ${database}.`))
  await admin(`CREATE USER '${reader}'@'%' IDENTIFIED BY ?`, [readerPassword])
  await admin(`GRANT SELECT ON ${database}.* TO '${reader}'@'%'`)
})

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${database}`)
  await admin(`DROP USER IF EXISTS '${reader}'@'%'`)
})

const up = await serversUp('the MariaDB connector', 'mysql')
describe.skipIf(!up)('MySQL/MariaDB connector', () => {
  const connector = createConnector(source)
  const value = async (sql: string, period = NOVEMBER): Promise<number> => ((await connector.runFormula(sql, period)) as { value: number }).value

  it('computes the KPIs of November exactly in the MySQL dialect, with ? parameters', async () => {
    const mau = await connector.runFormula(
      'SELECT COUNT(DISTINCT user_id) FROM user_activity WHERE activity_date >= :period_start AND activity_date < :period_end AND task_executed >= 1',
      NOVEMBER
    )
    expect(mau).toMatchObject({ kind: 'single', value: EXPECTED.mauNovember })
    expect(mau.boundSql).toContain('activity_date >= ? AND activity_date < ?')
    expect(mau.boundSql).toContain("?1 = '2025-11-01' (:period_start)")
    expect(
      await value(
        'SELECT COUNT(DISTINCT user_id) FROM user_activity WHERE activity_date >= :period_start AND activity_date < :period_end AND task_executed >= 1',
        { start: '2025-12-01', end: '2026-01-01' }
      )
    ).toBe(EXPECTED.mauDecember)
    expect(
      await value('SELECT COUNT(*) FROM users WHERE email_verified = TRUE AND registration_date >= :period_start AND registration_date < :period_end')
    ).toBe(EXPECTED.verifiedSignupsNovember)
    expect(
      await value("SELECT ROUND(SUM(status = 'completed') * 100.0 / COUNT(*), 2) FROM tasks WHERE created_at >= :period_start AND created_at < :period_end")
    ).toBe(EXPECTED.taskSuccessNovember)
    expect(await value('SELECT AVG(response_time) FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end')).toBe(
      EXPECTED.avgResponseNovember
    )
    expect(
      await value(
        "SELECT AVG(TIMESTAMPDIFF(MINUTE, created_at, resolved_at)) / 60 FROM support_tickets WHERE status = 'resolved' AND created_at >= :period_start AND created_at < :period_end"
      )
    ).toBe(EXPECTED.resolutionHoursNovember)
  })

  it('returns a monthly series for backfill', async () => {
    const result = await connector.runFormula(
      `SELECT DATE_FORMAT(activity_date, '%Y-%m-01') AS month, COUNT(DISTINCT user_id) FROM user_activity
       WHERE task_executed >= 1 AND activity_date >= :period_start AND activity_date < :period_end GROUP BY month ORDER BY month`,
      { start: '2025-10-01', end: '2026-01-01' }
    )
    expect(result).toMatchObject({ kind: 'series', points: EXPECTED.mauByMonth })
  })

  it('reports results that are not one number', async () => {
    const january = { start: '2026-01-01', end: '2026-02-01' }
    const between = 'FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end'
    expect(await codeOf(connector.runFormula(`SELECT response_time ${between}`, january))).toBe('QUERY_NO_ROW')
    expect(await codeOf(connector.runFormula(`SELECT AVG(response_time) ${between}`, january))).toBe('QUERY_NULL')
    expect(await codeOf(connector.runFormula(`SELECT endpoint ${between} LIMIT 1`, NOVEMBER))).toBe('QUERY_NOT_NUMBER')
    expect(await codeOf(connector.runFormula(`SELECT response_time ${between}`, NOVEMBER))).toBe('QUERY_TOO_MANY_ROWS')
    const small = createConnector({ ...source, rowLimit: 2 })
    expect(await codeOf(small.runFormula('SELECT activity_date, COUNT(*) FROM user_activity GROUP BY activity_date', NOVEMBER))).toBe('QUERY_TOO_MANY_ROWS')
    const failed = await connector.runFormula('SELECT SUM(nope) FROM tasks', NOVEMBER).catch((e: AppError) => e)
    expect(failed).toMatchObject({ code: 'QUERY_FAILED', message: expect.stringContaining("Unknown column 'nope'") })
  })

  // The server's own answer says it stopped: no session of the server is still running the query.
  const stillRunning = async (marker: string) =>
    Number(
      (
        await admin<{ n: number }[]>(`SELECT COUNT(*) AS n FROM information_schema.processlist WHERE info LIKE ? AND id <> CONNECTION_ID()`, [`%${marker}%`])
      )[0]!.n
    )

  it('stops a slow query at max_statement_time and on cancel (KILL QUERY)', async () => {
    expect(await codeOf(createConnector({ ...source, timeoutMs: 500 }).runFormula('SELECT SLEEP(30) /* kpi-timeout */', NOVEMBER))).toBe('SOURCE_TIMEOUT')
    expect(await stillRunning('kpi-timeout')).toBe(0)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 300)
    expect(await codeOf(connector.runFormula('SELECT COUNT(*) FROM tasks WHERE SLEEP(30) = 0 /* kpi-cancel */', NOVEMBER, controller.signal))).toBe('CANCELLED')
    expect(await stillRunning('kpi-cancel')).toBe(0)
  })

  it('refuses writes and side-effect functions before they run', async () => {
    for (const sql of [
      'DELETE FROM users',
      "UPDATE tasks SET status = 'failed'",
      'DROP TABLE api_logs',
      'SELECT 1; DELETE FROM users',
      "SELECT * FROM users INTO OUTFILE '/tmp/users.txt'",
      "SELECT GET_LOCK('kpi', 1)",
      "SELECT LOAD_FILE('/etc/passwd')"
    ]) {
      expect(await codeOf(connector.runFormula(sql, NOVEMBER)), sql).toBe('SOURCE_WRITE_REFUSED')
    }
    expect(await count('users')).toBe(EXPECTED.userCount)
  })

  it('lets the read-only session stop writes and DDL that slip past the guard', async () => {
    const driver = await createDriver(source)
    const unchecked = (sql: string): Promise<string> => codeOf(runFormulaUnchecked(driver, source, sql, NOVEMBER))
    expect(await unchecked('DELETE FROM users')).toBe('SOURCE_READ_ONLY')
    expect(await unchecked("UPDATE tasks SET status = 'failed'")).toBe('SOURCE_READ_ONLY')
    // DROP returns no result columns, so the server's classification refuses it; CREATE meets the read-only transaction at prepare.
    expect(await unchecked('DROP TABLE api_logs')).toBe('SOURCE_WRITE_REFUSED')
    expect(await unchecked('CREATE TABLE intruder (id INT)')).toBe('SOURCE_READ_ONLY')
    expect(await unchecked('SELECT 1; DELETE FROM users')).toBe('QUERY_FAILED')
    expect(await count('users')).toBe(EXPECTED.userCount)
    expect(await count('tasks')).toBe(10)
    expect(await count('api_logs')).toBe(6)
    const tables = await admin<unknown[]>(`SHOW TABLES FROM ${database} LIKE 'intruder'`)
    expect(tables).toHaveLength(0)
  })

  it('reads the grants to tell whether the user can write', async () => {
    const root = await connector.test()
    expect(root).toMatchObject({ canWrite: true, serverVersion: expect.stringContaining('MariaDB') })
    expect(root.writeReason).toMatch(/ALL PRIVILEGES/)
    expect(await createConnector(readerSource).test()).toMatchObject({ user: `${reader}@%`, canWrite: false })
  })

  it('lists the tables of the database', async () => {
    const tables = await connector.tables()
    expect(tables.map((t) => t.name).sort()).toEqual(['api_logs', 'support_tickets', 'tasks', 'user_activity', 'users'])
    expect(tables.find((t) => t.name === 'tasks')?.columns[0]).toEqual({ name: 'task_id', type: 'int(11)' })
  })

  it('fails clearly on a wrong password, an unreachable port and a missing database', async () => {
    const wrong = await createConnector({ ...readerSource, password: 'not-the-password' })
      .test()
      .catch((e: AppError) => e)
    expect(wrong).toMatchObject({ code: 'SOURCE_AUTH' })
    expect((wrong as AppError).message).not.toContain('not-the-password')
    expect(await codeOf(createConnector({ kind: 'mysql', url: 'mysql://root@127.0.0.1:1/test' }).test())).toBe('SOURCE_CONNECT')
    expect(await codeOf(createConnector({ kind: 'mysql', url: `mysql://root@127.0.0.1:3306/missing_${suffix}` }).test())).toBe('SOURCE_CONFIG')
  })
})
