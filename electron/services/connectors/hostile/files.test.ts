import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { appHarness, expectHarmless, type HostileCase } from '../testing/hostile-harness'
import { fixtureStatements } from '../testing/product-fixture'
import type { SourceConfig } from '../types'

// The in-process engines: the file is opened read-only and the app interrupts what runs too long.
const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-hostile-'))
const sqliteFile = path.join(dir, 'product.db')
const duckFile = path.join(dir, 'product.duckdb')
const dropped = path.join(dir, 'dropped')

/** The database files byte for byte, the folder's listing, and whether anything was written beside them. */
async function snapshot(): Promise<unknown> {
  const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')
  return { sqlite: hash(sqliteFile), duckdb: hash(duckFile), files: readdirSync(dir).sort(), dropped: existsSync(dropped) }
}

const SQLITE_CASES: HostileCase[] = [
  { name: 'DELETE', sql: 'DELETE FROM users', db: 'SOURCE_WRITE_REFUSED' },
  { name: 'DELETE … RETURNING (returns rows)', sql: 'DELETE FROM users RETURNING user_id', db: 'SOURCE_READ_ONLY' },
  { name: 'UPDATE … RETURNING', sql: "UPDATE tasks SET status = 'failed' RETURNING task_id", db: 'SOURCE_READ_ONLY' },
  { name: 'INSERT … RETURNING', sql: "INSERT INTO users (user_id, email) VALUES (99, 'x') RETURNING user_id", db: 'SOURCE_READ_ONLY' },
  { name: 'DROP TABLE', sql: 'DROP TABLE tasks', db: 'SOURCE_WRITE_REFUSED' },
  { name: 'CREATE TEMP TABLE', sql: 'CREATE TEMP TABLE t AS SELECT 1', db: 'SOURCE_WRITE_REFUSED' },
  { name: 'ATTACH another file', sql: `ATTACH DATABASE '${dropped}' AS other`, db: 'SOURCE_WRITE_REFUSED' },
  { name: 'VACUUM INTO a copy', sql: `VACUUM INTO '${dropped}'`, db: 'SOURCE_WRITE_REFUSED' },
  { name: 'a writing PRAGMA', sql: 'PRAGMA user_version = 7', db: 'SOURCE_WRITE_REFUSED' },
  { name: 'a table-valued PRAGMA with a side effect', sql: "SELECT * FROM pragma_journal_mode('delete')", db: 'QUERY_FAILED' },
  { name: 'load_extension', sql: `SELECT load_extension('${dropped}.so')`, db: 'SOURCE_FORBIDDEN' },
  { name: 'the shell’s writefile()', sql: `SELECT writefile('${dropped}', 'x')`, db: 'QUERY_FAILED' },
  { name: 'a second statement', sql: 'SELECT 1; DELETE FROM users', db: 'QUERY_FAILED' },
  { name: 'an endless recursive CTE', sql: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c', db: 'SOURCE_TIMEOUT' }
]

const DUCKDB_CASES: HostileCase[] = [
  { name: 'COPY to a file', sql: `COPY users TO '${dropped}' (HEADER)`, db: 'SOURCE_FORBIDDEN' },
  { name: 'COPY of a query behind a comment', sql: `/* export */ COPY (SELECT * FROM users) TO '${dropped}'`, db: 'SOURCE_FORBIDDEN' },
  { name: 'reading a file outside the source', sql: "SELECT count(*) FROM read_csv('/etc/passwd')", db: 'SOURCE_FORBIDDEN' },
  { name: 'read_text of a server file', sql: "SELECT length(content) FROM read_text('/etc/hostname')", db: 'SOURCE_FORBIDDEN' },
  { name: 'listing files with glob', sql: "SELECT count(*) FROM glob('/etc/*')", db: 'SOURCE_FORBIDDEN' },
  { name: 'reading a URL', sql: "SELECT count(*) FROM read_parquet('http://127.0.0.1:9/x.parquet')", db: 'SOURCE_FORBIDDEN' },
  { name: 'ATTACH another file', sql: `ATTACH '${dropped}' AS other`, db: 'SOURCE_WRITE_REFUSED' },
  { name: 'INSTALL an extension', sql: 'INSTALL httpfs', db: 'SOURCE_WRITE_REFUSED' },
  { name: 'turning file access back on', sql: 'SET enable_external_access = true', db: 'SOURCE_WRITE_REFUSED' },
  { name: 'CREATE TABLE', sql: 'CREATE TABLE pwned AS SELECT 1', db: 'SOURCE_WRITE_REFUSED' },
  { name: 'query() running a write', sql: "SELECT * FROM query('DELETE FROM users RETURNING user_id')", db: 'QUERY_FAILED' },
  { name: 'getenv', sql: "SELECT length(getenv('HOME'))", db: 'QUERY_FAILED' },
  { name: 'a second statement', sql: 'SELECT 1; DROP TABLE users', db: 'SOURCE_WRITE_REFUSED' },
  { name: 'an endless recursive CTE', sql: 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c', db: 'SOURCE_TIMEOUT' }
]

beforeAll(async () => {
  const sqlite = new Database(sqliteFile)
  for (const statement of fixtureStatements('sqlite')) sqlite.exec(statement)
  sqlite.close()
  const instance = await DuckDBInstance.create(duckFile)
  const connection = await instance.connect()
  for (const statement of fixtureStatements('duckdb')) await connection.run(statement)
  await connection.run('CREATE SEQUENCE ticket_seq')
  connection.closeSync()
  instance.closeSync()
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.each([
  ['SQLite', { kind: 'sqlite', url: `sqlite://${sqliteFile}`, timeoutMs: 1_000 } satisfies SourceConfig, SQLITE_CASES],
  ['DuckDB', { kind: 'duckdb', url: `duckdb://${duckFile}`, timeoutMs: 1_000 } satisfies SourceConfig, DUCKDB_CASES]
])('hostile formulas on %s', (_engine, source, cases) => {
  let app: ReturnType<typeof appHarness>
  beforeAll(() => void (app = appHarness(source, cases)))
  afterAll(() => app.cleanup())

  it.each(cases.map((c) => [c.name, c] as const))('%s: refused, nothing changed', async (_name, hostile) => {
    await expectHarmless(app, source, hostile, snapshot)
  })
})
