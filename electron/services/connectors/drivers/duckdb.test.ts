import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf } from '../../testing/error-code'
import { createConnector, createDriver, runFormulaUnchecked } from '../connector'
import { EXPECTED, NOVEMBER, fixtureStatements } from '../testing/product-fixture'
import type { SourceConfig } from '../types'

const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-duckdb-'))
const file = path.join(dir, 'product.duckdb')
const folder = path.join(dir, 'exports')
const source: SourceConfig = { kind: 'duckdb', url: `duckdb://${file}` }

async function withWritable<T>(work: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(file)
  const connection = await instance.connect()
  try {
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowsJS() as unknown[][])
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

beforeAll(async () => {
  mkdirSync(folder)
  await withWritable(async (run) => {
    for (const statement of fixtureStatements('duckdb')) await run(statement)
    await run(`COPY user_activity TO '${folder}/user_activity.parquet' (FORMAT parquet)`)
    await run(`COPY api_logs TO '${folder}/api_logs.csv' (HEADER)`)
  })
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Tickets')
  sheet.addRow(['ticket_id', 'created_at', 'resolved_at', 'status', 'priority'])
  sheet.addRow([1, new Date('2025-11-03T09:00:00Z'), new Date('2025-11-03T13:00:00Z'), 'resolved', 'high'])
  sheet.addRow([2, new Date('2025-11-10T10:00:00Z'), new Date('2025-11-10T22:00:00Z'), 'resolved', 'medium'])
  sheet.addRow([3, new Date('2025-11-20T10:00:00Z'), null, 'open', 'low'])
  await workbook.xlsx.writeFile(path.join(folder, 'support tickets.xlsx'))
  writeFileSync(path.join(folder, 'README.txt'), 'not a table')
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('DuckDB connector on a database file', () => {
  const connector = createConnector(source)
  afterAll(() => connector.close())
  const value = async (sql: string, period = NOVEMBER): Promise<number> => ((await connector.runFormula(sql, period)) as { value: number }).value

  it('computes the KPIs of November exactly in the DuckDB dialect', async () => {
    const mau = await connector.runFormula(
      'SELECT COUNT(DISTINCT user_id) FROM user_activity WHERE activity_date >= :period_start AND activity_date < :period_end AND task_executed >= 1',
      NOVEMBER
    )
    expect(mau).toMatchObject({ kind: 'single', value: EXPECTED.mauNovember })
    expect(mau.boundSql).toContain('$1::DATE')
    expect(await value('SELECT COUNT(*) FROM users WHERE email_verified AND registration_date >= :period_start AND registration_date < :period_end')).toBe(
      EXPECTED.verifiedSignupsNovember
    )
    expect(
      await value(
        "SELECT ROUND(COUNT(*) FILTER (WHERE status = 'completed') * 100.0 / COUNT(*), 2) FROM tasks WHERE created_at >= :period_start AND created_at < :period_end"
      )
    ).toBe(EXPECTED.taskSuccessNovember)
    expect(
      await value(
        'SELECT PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY response_time) FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end'
      )
    ).toBeCloseTo(EXPECTED.p95ResponseNovember, 9)
    expect(
      await value(
        "SELECT AVG(date_diff('minute', created_at, resolved_at)) / 60 FROM support_tickets WHERE status = 'resolved' AND created_at >= :period_start AND created_at < :period_end"
      )
    ).toBe(EXPECTED.resolutionHoursNovember)
  })

  it('returns a monthly series for backfill', async () => {
    const result = await connector.runFormula(
      `SELECT date_trunc('month', activity_date) AS month, COUNT(DISTINCT user_id) FROM user_activity
       WHERE task_executed >= 1 AND activity_date >= :period_start AND activity_date < :period_end GROUP BY ALL ORDER BY 1`,
      { start: '2025-10-01', end: '2026-01-01' }
    )
    expect(result).toMatchObject({ kind: 'series', points: EXPECTED.mauByMonth })
  })

  it('reports results that are not one number, a timeout and a cancel', async () => {
    const january = { start: '2026-01-01', end: '2026-02-01' }
    const between = 'FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end'
    expect(await codeOf(connector.runFormula(`SELECT response_time ${between}`, january))).toBe('QUERY_NO_ROW')
    expect(await codeOf(connector.runFormula(`SELECT AVG(response_time) ${between}`, january))).toBe('QUERY_NULL')
    expect(await codeOf(connector.runFormula(`SELECT ANY_VALUE(endpoint) ${between}`, NOVEMBER))).toBe('QUERY_NOT_NUMBER')
    expect(await codeOf(connector.runFormula(`SELECT response_time ${between}`, NOVEMBER))).toBe('QUERY_TOO_MANY_ROWS')
    const heavy = 'SELECT COUNT(*) FROM range(100000000000) a WHERE a.range % 7 = 3'
    // Interrupted: counting 10^11 rows to its end would take hours.
    expect(await codeOf(createConnector({ ...source, timeoutMs: 500 }).runFormula(heavy, NOVEMBER))).toBe('SOURCE_TIMEOUT')
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 300)
    expect(await codeOf(connector.runFormula(heavy, NOVEMBER, controller.signal))).toBe('CANCELLED')
    expect(await value('SELECT COUNT(*) FROM users WHERE registration_date < :period_end')).toBe(4)
  })

  it('refuses writes, and the read-only, file-fenced instance stops those that slip past', async () => {
    for (const sql of [
      'DELETE FROM users',
      'DROP TABLE tasks',
      "COPY users TO '/tmp/users.csv'",
      'SELECT 1; DELETE FROM users',
      "ATTACH '/tmp/other.duckdb'"
    ]) {
      expect(await codeOf(connector.runFormula(sql, NOVEMBER)), sql).toBe('SOURCE_WRITE_REFUSED')
    }
    const driver = await createDriver(source)
    const unchecked = (sql: string): Promise<string> => codeOf(runFormulaUnchecked(driver, source, sql, NOVEMBER))
    // DuckDB's own statement type stops anything but a SELECT; file access is fenced by configuration.
    expect(await unchecked('DELETE FROM users')).toBe('SOURCE_WRITE_REFUSED')
    expect(await unchecked('CREATE TABLE intruder AS SELECT 1')).toBe('SOURCE_WRITE_REFUSED')
    expect(await unchecked(`COPY users TO '${dir}/leak.csv'`)).toBe('SOURCE_FORBIDDEN')
    expect(await unchecked("SELECT COUNT(*) FROM (SELECT nextval('x'))")).toBe('QUERY_FAILED')
    expect(await unchecked(`SELECT COUNT(*) FROM read_csv('${folder}/api_logs.csv')`)).toBe('SOURCE_FORBIDDEN')
    expect(await unchecked('SET enable_external_access = true')).toBe('SOURCE_WRITE_REFUSED')
    expect(await unchecked('SELECT 1; DELETE FROM users')).toBe('SOURCE_WRITE_REFUSED')
    await driver.close()
    expect(existsSync(`${dir}/leak.csv`)).toBe(false)
    await connector.close()
    expect(await withWritable((run) => run('SELECT COUNT(*) FROM users'))).toEqual([[5n]])
  })

  it('reports read-only access and the schema', async () => {
    const again = createConnector(source)
    expect(await again.test()).toMatchObject({ serverVersion: expect.stringMatching(/^DuckDB v1\./), canWrite: false })
    const tables = await again.tables()
    expect(tables.map((t) => t.name).sort()).toEqual(['api_logs', 'support_tickets', 'tasks', 'user_activity', 'users'])
    expect(tables.find((t) => t.name === 'users')?.columns[2]).toEqual({ name: 'registration_date', type: 'DATE' })
    await again.close()
    expect(await codeOf(createConnector({ kind: 'duckdb', url: `duckdb://${dir}/missing.duckdb` }).test())).toBe('SOURCE_CONFIG')
  })
})

describe('DuckDB connector on a folder of CSV, Parquet and XLSX files', () => {
  const folderSource: SourceConfig = { kind: 'duckdb', url: `folder://${folder}` }

  it('makes each file a table named after it and computes KPIs across them', async () => {
    const connector = createConnector(folderSource)
    const tables = await connector.tables()
    expect(tables.map((t) => t.name).sort()).toEqual(['api_logs', 'support_tickets', 'user_activity'])
    const mau = await connector.runFormula(
      'SELECT COUNT(DISTINCT user_id) FROM user_activity WHERE activity_date >= :period_start AND activity_date < :period_end AND task_executed >= 1',
      NOVEMBER
    )
    expect(mau).toMatchObject({ value: EXPECTED.mauNovember })
    const p95 = await connector.runFormula(
      'SELECT quantile_cont(response_time, 0.95) FROM api_logs WHERE requested_at >= :period_start AND requested_at < :period_end',
      NOVEMBER
    )
    expect((p95 as { value: number }).value).toBeCloseTo(EXPECTED.p95ResponseNovember, 9)
    const hours = await connector.runFormula(
      "SELECT AVG(date_diff('minute', created_at, resolved_at)) / 60 FROM support_tickets WHERE status = 'resolved' AND created_at >= :period_start AND created_at < :period_end",
      NOVEMBER
    )
    expect(hours).toMatchObject({ value: EXPECTED.resolutionHoursNovember })
    await connector.close()
  })

  it('keeps the folder read-only and cleans up its temporary database', async () => {
    const before = readdirSync(os.tmpdir()).filter((f) => f.startsWith('kpiloop-folder-')).length
    const driver = await createDriver(folderSource)
    const unchecked = (sql: string): Promise<string> => codeOf(runFormulaUnchecked(driver, folderSource, sql, NOVEMBER))
    expect(await unchecked('DROP VIEW api_logs')).toBe('SOURCE_WRITE_REFUSED')
    expect(await unchecked(`COPY api_logs TO '${folder}/copy.csv'`)).toBe('SOURCE_WRITE_REFUSED')
    expect(await unchecked(`SELECT COUNT(*) FROM read_csv('${file}')`)).toBe('SOURCE_FORBIDDEN')
    await driver.close()
    expect(readdirSync(folder).sort()).toEqual(['README.txt', 'api_logs.csv', 'support tickets.xlsx', 'user_activity.parquet'])
    expect(readdirSync(os.tmpdir()).filter((f) => f.startsWith('kpiloop-folder-')).length).toBeLessThanOrEqual(before)
    expect(await codeOf(createConnector({ kind: 'duckdb', url: `folder://${dir}/nothing-here` }).test())).toBe('SOURCE_CONFIG')
  })
})
