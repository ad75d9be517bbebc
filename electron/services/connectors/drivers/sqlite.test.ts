import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf } from '../../testing/error-code'
import { createConnector, createDriver, runFormulaUnchecked } from '../connector'
import { EXPECTED, NOVEMBER, fixtureStatements } from '../testing/product-fixture'
import type { SourceConfig } from '../types'

const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-sqlite-'))
const file = path.join(dir, 'product.db')
const source: SourceConfig = { kind: 'sqlite', url: `sqlite://${file}` }

const count = (table: string): number => {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number
  } finally {
    db.close()
  }
}

beforeAll(() => {
  const db = new Database(file)
  for (const statement of fixtureStatements('sqlite')) db.exec(statement)
  db.close()
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('SQLite connector', () => {
  const connector = createConnector(source)
  afterAll(() => connector.close())
  const value = async (sql: string): Promise<number> => ((await connector.runFormula(sql, NOVEMBER)) as { value: number }).value

  it('computes the KPIs of November exactly in the SQLite dialect', async () => {
    expect(
      await value(
        'SELECT COUNT(DISTINCT user_id) FROM user_activity WHERE activity_date >= :period_start AND activity_date < :period_end AND task_executed >= 1'
      )
    ).toBe(EXPECTED.mauNovember)
    expect(await value('SELECT COUNT(*) FROM users WHERE email_verified AND registration_date >= :period_start AND registration_date < :period_end')).toBe(
      EXPECTED.verifiedSignupsNovember
    )
    expect(
      await value("SELECT ROUND(SUM(status = 'completed') * 100.0 / COUNT(*), 2) FROM tasks WHERE created_at >= :period_start AND created_at < :period_end")
    ).toBe(EXPECTED.taskSuccessNovember)
    expect(
      await value(
        "SELECT AVG((julianday(resolved_at) - julianday(created_at)) * 24) FROM support_tickets WHERE status = 'resolved' AND created_at >= :period_start AND created_at < :period_end"
      )
    ).toBeCloseTo(EXPECTED.resolutionHoursNovember, 6)
    const plain = createConnector({ kind: 'sqlite', url: file })
    expect(
      await plain.runFormula('SELECT AVG(response_time) FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end', NOVEMBER)
    ).toMatchObject({ value: EXPECTED.avgResponseNovember })
    await plain.close()
  })

  it('returns a monthly series for backfill', async () => {
    const result = await connector.runFormula(
      `SELECT strftime('%Y-%m-01', activity_date) AS month, COUNT(DISTINCT user_id) FROM user_activity
       WHERE task_executed >= 1 AND activity_date >= :period_start AND activity_date < :period_end GROUP BY month`,
      { start: '2025-10-01', end: '2026-01-01' }
    )
    expect(result).toMatchObject({ kind: 'series', points: EXPECTED.mauByMonth })
  })

  it('reports results that are not one number', async () => {
    const january = { start: '2026-01-01', end: '2026-02-01' }
    const between = 'FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end'
    expect(await codeOf(connector.runFormula(`SELECT response_time ${between}`, january))).toBe('QUERY_NO_ROW')
    expect(await codeOf(connector.runFormula(`SELECT AVG(response_time) ${between}`, january))).toBe('QUERY_NULL')
    expect(await codeOf(connector.runFormula(`SELECT endpoint ${between}`, NOVEMBER))).toBe('QUERY_TOO_MANY_ROWS')
    expect(await codeOf(connector.runFormula(`SELECT MIN(endpoint) ${between}`, NOVEMBER))).toBe('QUERY_NOT_NUMBER')
    const small = createConnector({ ...source, rowLimit: 3 })
    expect(await codeOf(small.runFormula('SELECT activity_date, task_executed FROM user_activity', NOVEMBER))).toBe('QUERY_TOO_MANY_ROWS')
    await small.close()
  })

  it('refuses writes, and the read-only file refuses those that slip past the guard', async () => {
    for (const sql of ['DELETE FROM users', 'DROP TABLE tasks', 'SELECT 1; DELETE FROM users', "SELECT load_extension('/tmp/x.so')"]) {
      expect(await codeOf(connector.runFormula(sql, NOVEMBER)), sql).toBe('SOURCE_WRITE_REFUSED')
    }
    const driver = await createDriver(source)
    const unchecked = (sql: string): Promise<string> => codeOf(runFormulaUnchecked(driver, source, sql, NOVEMBER))
    // SQLite's own parser classifies a statement without result rows; one with RETURNING meets the read-only file.
    expect(await unchecked('DELETE FROM users')).toBe('SOURCE_WRITE_REFUSED')
    expect(await unchecked('DROP TABLE api_logs')).toBe('SOURCE_WRITE_REFUSED')
    expect(await unchecked('DELETE FROM users RETURNING user_id')).toBe('SOURCE_READ_ONLY')
    expect(await unchecked("UPDATE tasks SET status = 'failed' RETURNING task_id")).toBe('SOURCE_READ_ONLY')
    expect(await unchecked('SELECT 1; DELETE FROM users')).toBe('QUERY_FAILED')
    await driver.close()
    expect(count('users')).toBe(EXPECTED.userCount)
    expect(count('api_logs')).toBe(6)
  })

  it('reports the version, read-only access and the schema', async () => {
    expect(await connector.test()).toMatchObject({ serverVersion: expect.stringMatching(/^SQLite 3\./), canWrite: false })
    const tables = await connector.tables()
    expect(tables.map((t) => t.name)).toEqual(['api_logs', 'support_tickets', 'tasks', 'user_activity', 'users'])
    expect(tables.find((t) => t.name === 'users')?.columns[2]).toEqual({ name: 'registration_date', type: 'DATE' })
  })

  it('reports a missing file as a configuration problem', async () => {
    expect(await codeOf(createConnector({ kind: 'sqlite', url: `sqlite://${dir}/missing.db` }).test())).toBe('SOURCE_CONFIG')
    expect(() => createConnector({ kind: 'sqlite', url: 'relative/file.db' })).toThrow(/absolute/)
  })
})
