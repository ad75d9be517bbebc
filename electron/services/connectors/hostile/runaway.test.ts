import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import Database from 'better-sqlite3'
import mysql from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf } from '../../testing/error-code'
import { createConnector } from '../connector'
import { PERIOD } from '../testing/hostile-harness'
import type { SourceConfig } from '../types'
import { serversUp } from '../../testing/servers'

const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-runaway-'))
const database = `kpi_runaway_${randomBytes(4).toString('hex')}`
const TIMEOUT_MS = 1_000
const ENDLESS = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c'

const ENGINES: [string, SourceConfig, string][] = [
  ['PostgreSQL', { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test', timeoutMs: TIMEOUT_MS }, ENDLESS],
  // MariaDB ends recursive CTEs itself (max_recursive_iterations); a CPU-bound loop does not end.
  ['MariaDB', { kind: 'mysql', url: `mysql://root@127.0.0.1:3306/${database}`, timeoutMs: TIMEOUT_MS }, "SELECT BENCHMARK(100000000000, MD5('kpi'))"],
  ['SQLite', { kind: 'sqlite', url: `sqlite://${path.join(dir, 'a.db')}`, timeoutMs: TIMEOUT_MS }, ENDLESS],
  [
    'DuckDB',
    { kind: 'duckdb', url: `duckdb://${path.join(dir, 'a.duckdb')}`, timeoutMs: TIMEOUT_MS },
    'SELECT count(*) FROM range(100000000000) a, range(100000000000) b'
  ]
]

async function adminMysql(sql: string): Promise<void> {
  const connection = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' })
  await connection.query(sql).finally(() => connection.end())
}

beforeAll(async () => {
  await adminMysql(`CREATE DATABASE ${database}`)
  new Database(path.join(dir, 'a.db')).exec('CREATE TABLE t (x INTEGER)').close()
  ;(await DuckDBInstance.create(path.join(dir, 'a.duckdb'))).closeSync()
})

afterAll(async () => {
  await adminMysql(`DROP DATABASE IF EXISTS ${database}`)
  rmSync(dir, { recursive: true, force: true })
})

const up = await serversUp('runaway formulas', 'postgres', 'mysql')
describe.skipIf(!up).each(ENGINES)('a runaway formula on %s', (_engine, source, sql) => {
  it('is stopped at the source timeout while the app keeps serving', async () => {
    const connector = createConnector(source)
    const outcome = codeOf(connector.runFormula(sql, PERIOD))
    let finished = false
    void outcome.then(() => (finished = true))
    // A timer fires while the formula runs: the event loop is not held by the query.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(finished).toBe(false)
    const deadline = new Promise<string>((resolve) => setTimeout(() => resolve('still running'), TIMEOUT_MS + 2_000).unref())
    expect(await Promise.race([outcome, deadline])).toBe('SOURCE_TIMEOUT')
    // The same connector answers the next formula at once.
    expect(await connector.runFormula('SELECT 42', PERIOD)).toMatchObject({ kind: 'single', value: 42 })
    await connector.close()
  })
})
