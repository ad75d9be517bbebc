import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import mysql from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConnector } from '../connector'
import { appHarness, expectHarmless, type HostileCase } from '../testing/hostile-harness'
import { fixtureStatements } from '../testing/product-fixture'
import type { SourceConfig } from '../types'
import { serversUp } from '../../testing/servers'

const suffix = randomBytes(4).toString('hex')
const database = `kpi_hostile_${suffix}`
const reader = `kpi_hreader_${suffix}`
const readerPassword = `pw-${randomBytes(6).toString('hex')}`
const dropped = `/tmp/kpiloop-hostile-${suffix}.txt`

async function admin<T = unknown>(sql: string, values: unknown[] = []): Promise<T> {
  const connection = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' })
  try {
    return (await connection.query(sql, values))[0] as T
  } finally {
    await connection.end()
  }
}

async function snapshot(): Promise<unknown> {
  const [row] = await admin<Record<string, unknown>[]>(`SELECT
    (SELECT MD5(GROUP_CONCAT(CONCAT_WS('|', user_id, email, registration_date, email_verified) ORDER BY user_id)) FROM ${database}.users) AS users,
    (SELECT COUNT(*) FROM ${database}.tasks) AS tasks,
    (SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables WHERE table_schema = '${database}') AS tables_,
    (SELECT COUNT(*) FROM mysql.user) AS users_on_server,
    IS_USED_LOCK('kpi_lock') AS named_lock,
    @@global.general_log AS general_log,
    @@global.max_connections AS max_connections`)
  return { ...row, fileDropped: existsSync(dropped) }
}

const q = (text: string): string => text.replaceAll('{db}', database).replaceAll('{file}', dropped)

/** What MariaDB answers for each formula with this login; root keeps the FILE privilege, which a read-only transaction does not take away. */
const cases = (root: boolean): HostileCase[] => [
  // The reader lacks the privilege; root meets the read-only transaction or the server's classification of the statement.
  { name: 'DELETE', sql: q('DELETE FROM {db}.users'), db: root ? 'SOURCE_READ_ONLY' : 'SOURCE_FORBIDDEN' },
  { name: 'UPDATE', sql: q("UPDATE {db}.tasks SET status = 'failed'"), db: root ? 'SOURCE_READ_ONLY' : 'SOURCE_FORBIDDEN' },
  { name: 'DROP TABLE', sql: q('DROP TABLE {db}.tasks'), db: 'SOURCE_WRITE_REFUSED' },
  { name: 'CREATE TABLE … AS SELECT', sql: q('CREATE TABLE {db}.pwned AS SELECT 1'), db: root ? 'SOURCE_READ_ONLY' : 'SOURCE_FORBIDDEN' },
  { name: 'SELECT … INTO OUTFILE', sql: q("SELECT email FROM {db}.users INTO OUTFILE '{file}'"), db: root ? 'SOURCE_WRITE_REFUSED' : 'SOURCE_FORBIDDEN' },
  { name: 'INTO DUMPFILE behind a comment', sql: q("SELECT /* x */ 1 INTO DUMPFILE '{file}'"), db: root ? 'SOURCE_WRITE_REFUSED' : 'SOURCE_FORBIDDEN' },
  {
    name: 'INTO OUTFILE inside a versioned comment the check reads as a comment',
    sql: q("SELECT 1 /*!50000 INTO OUTFILE '{file}' */"),
    db: root ? 'SOURCE_WRITE_REFUSED' : 'SOURCE_FORBIDDEN'
  },
  { name: 'SET GLOBAL', sql: 'SET GLOBAL general_log = 1', db: root ? 'SOURCE_WRITE_REFUSED' : 'SOURCE_FORBIDDEN' },
  { name: 'a second statement', sql: q('SELECT 1; DROP TABLE {db}.users'), db: 'QUERY_FAILED' },
  { name: 'LOAD_FILE of a server file', sql: "SELECT LENGTH(LOAD_FILE('/etc/hostname'))", db: root ? 'unenforced' : 'QUERY_NULL' },
  {
    name: 'LOAD_FILE quoted with backticks and a hex path',
    sql: 'SELECT LENGTH(`load_file`(0x2f6574632f686f73746e616d65))',
    db: root ? 'unenforced' : 'QUERY_NULL'
  },
  { name: 'a stored function that deletes', sql: q('SELECT {db}.purge_users()'), db: 'SOURCE_READ_ONLY' },
  { name: 'NEXTVAL of a sequence', sql: q('SELECT NEXTVAL({db}.ticket_seq)'), db: 'SOURCE_READ_ONLY' },
  { name: 'a named lock kept past the statement', sql: "SELECT GET_LOCK('kpi_lock', 0)", db: 'ok' },
  { name: 'the server user table', sql: 'SELECT COUNT(*) FROM mysql.user', db: root ? 'ok' : 'SOURCE_FORBIDDEN' },
  { name: 'a long sleep', sql: 'SELECT SLEEP(30)', db: 'SOURCE_TIMEOUT' },
  { name: 'a CPU-bound loop', sql: "SELECT BENCHMARK(100000000000, MD5('kpi'))", db: 'SOURCE_TIMEOUT' }
]

beforeAll(async () => {
  await admin(`CREATE DATABASE ${database}`)
  for (const statement of fixtureStatements('mysql')) await admin(statement.replace(/^(CREATE TABLE|INSERT INTO) /, `$1 ${database}.`))
  await admin(`CREATE SEQUENCE ${database}.ticket_seq`)
  await admin(`CREATE FUNCTION ${database}.purge_users() RETURNS INT MODIFIES SQL DATA BEGIN DELETE FROM ${database}.users; RETURN 0; END`)
  await admin(`CREATE USER '${reader}'@'%' IDENTIFIED BY ?`, [readerPassword])
  await admin(`GRANT SELECT, EXECUTE ON ${database}.* TO '${reader}'@'%'`)
})

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${database}`)
  await admin(`DROP USER IF EXISTS '${reader}'@'%'`)
})

const up = await serversUp('hostile formulas on MariaDB', 'mysql')
describe.skipIf(!up).each([
  ['root', { kind: 'mysql', url: `mysql://root@127.0.0.1:3306/${database}`, timeoutMs: 1_500 } satisfies SourceConfig],
  [
    'a user that may only read',
    { kind: 'mysql', url: `mysql://${reader}@127.0.0.1:3306/${database}`, password: readerPassword, timeoutMs: 1_500 } satisfies SourceConfig
  ]
])('hostile formulas on MariaDB as %s', (label, source) => {
  let app: ReturnType<typeof appHarness>
  beforeAll(() => void (app = appHarness(source, cases(label === 'root'))))
  afterAll(() => app.cleanup())

  it.each(cases(label === 'root').map((c) => [c.name, c] as const))('%s: refused, nothing changed', async (_name, hostile) => {
    await expectHarmless(app, source, hostile, snapshot)
  })

  it('says that a login with the FILE privilege keeps access to server files', async () => {
    const connector = createConnector(source)
    const { protection } = await connector.test()
    await connector.close()
    expect(protection).toMatchObject(
      label === 'root' ? { level: 'partial', gaps: ['serverFiles'] } : { level: 'enforced', gaps: [], measures: ['readOnlyTransaction', 'statementTimeout'] }
    )
  })
})
