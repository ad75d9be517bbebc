import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConnector } from '../connector'
import { appHarness, expectHarmless, type HostileCase } from '../testing/hostile-harness'
import { fixtureStatements } from '../testing/product-fixture'
import type { SourceConfig } from '../types'
import { serversUp } from '../../testing/servers'

const suffix = randomBytes(4).toString('hex')
const schema = `kpi_hostile_${suffix}`
const reader = `kpi_hostile_reader_${suffix}`
const dropped = `/tmp/kpiloop-hostile-${suffix}`
const admin = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' }
let sentinel: pg.Client
let sentinelPid = 0

async function adminQuery(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client(admin)
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Everything a hostile formula could change: data, schema, roles, large objects, sequences, locks, sessions, files. */
async function snapshot(): Promise<unknown> {
  const row = (
    await adminQuery(`SELECT
      (SELECT md5(string_agg(u::text, ',' ORDER BY user_id)) FROM ${schema}.users u) AS users,
      (SELECT count(*) FROM ${schema}.tasks) AS tasks,
      (SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = '${schema}'::regnamespace) AS relations,
      (SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles) AS roles,
      (SELECT count(*) FROM pg_largeobject_metadata) AS large_objects,
      (SELECT last_value FROM ${schema}.ticket_seq) AS sequence,
      (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory') AS advisory_locks,
      (SELECT count(*) FROM pg_stat_activity WHERE pid = ${sentinelPid}) AS sentinel_alive,
      (SELECT count(*) FROM pg_database) AS databases,
      (SELECT setting FROM pg_settings WHERE name = 'log_statement') AS log_statement`)
  ).rows[0] as Record<string, unknown>
  return { ...row, fileDropped: existsSync(dropped) || existsSync(`${dropped}.lo`) }
}

const q = (text: string): string => text.replaceAll('{s}', schema).replaceAll('{file}', dropped)

// Each formula is run through preview and pull (formula check first), then straight on the database.
const CASES: HostileCase[] = [
  {
    name: 'dblink_exec through a Unicode-escaped name',
    sql: q(`SELECT U&"dblink\\005fexec"('dbname=test user=postgres', 'CREATE TABLE {s}.pwned (x int)')`),
    db: 'SOURCE_FORBIDDEN'
  },
  { name: 'dblink_exec by its plain name', sql: q(`SELECT dblink_exec('dbname=test user=postgres', 'DELETE FROM {s}.users')`), db: 'SOURCE_FORBIDDEN' },
  {
    name: 'dblink_exec quoted and schema-qualified',
    sql: q(`SELECT {s}."dblink_exec"('dbname=test user=postgres', 'DROP TABLE {s}.tasks')`),
    db: 'SOURCE_FORBIDDEN'
  },
  {
    name: 'dblink reading another database',
    sql: `SELECT count(*) FROM dblink('dbname=postgres user=postgres', 'SELECT 1') AS t(x int)`,
    db: 'SOURCE_FORBIDDEN'
  },
  { name: 'dblink_connect keeping a link open', sql: `SELECT length(dblink_connect('kept', 'dbname=test user=postgres'))`, db: 'SOURCE_FORBIDDEN' },
  {
    name: 'ts_stat running a query string in dollar quotes',
    sql: `SELECT count(*) FROM ts_stat($q$SELECT to_tsvector(pg_read_file('/etc/hostname'))$q$)`,
    db: 'SOURCE_FORBIDDEN'
  },
  {
    name: 'query_to_xml running a write',
    sql: q(`SELECT length(query_to_xml('DELETE FROM {s}.users RETURNING 1', true, true, '')::text)`),
    db: 'QUERY_FAILED'
  },
  {
    name: 'query_to_xml reading a server file',
    sql: `SELECT length(query_to_xml('select pg_read_file(''/etc/hostname'')', true, true, '')::text)`,
    db: 'SOURCE_FORBIDDEN'
  },
  {
    name: 'query_to_xml hidden in a Unicode string',
    sql: `SELECT length(query_to_xml(U&'select pg\\005fread\\005ffile(''/etc/hostname'')', true, true, '')::text)`,
    db: 'SOURCE_FORBIDDEN'
  },
  { name: 'pg_read_file', sql: `SELECT length(pg_read_file('/etc/hostname'))`, db: 'SOURCE_FORBIDDEN' },
  { name: 'pg_read_binary_file', sql: `SELECT length(pg_read_binary_file('/etc/hostname'))`, db: 'SOURCE_FORBIDDEN' },
  { name: 'pg_ls_dir', sql: `SELECT count(*) FROM pg_ls_dir('.')`, db: 'SOURCE_FORBIDDEN' },
  { name: 'lo_import of a server file', sql: `SELECT lo_import('/etc/hostname')::bigint`, db: 'SOURCE_FORBIDDEN' },
  // Runs, and vanishes with the rollback that ends every formula.
  { name: 'lo_from_bytea creating a large object', sql: `SELECT lo_from_bytea(0, 'x')::bigint`, db: 'ok' },
  { name: 'lo_export of a large object to a file', sql: q(`SELECT lo_export(0, '{file}.lo')`), db: 'SOURCE_FORBIDDEN' },
  { name: 'COPY to a server file', sql: q(`COPY {s}.users TO '{file}'`), db: 'QUERY_FAILED' },
  { name: 'COPY TO PROGRAM behind a leading comment', sql: q(`/* report */ COPY (SELECT 1) TO PROGRAM 'touch {file}'`), db: 'QUERY_FAILED' },
  { name: 'DO block', sql: q(`DO $$ BEGIN EXECUTE 'DROP TABLE {s}.tasks'; END $$`), db: 'QUERY_FAILED' },
  { name: 'data-modifying CTE', sql: q(`WITH gone AS (DELETE FROM {s}.users RETURNING 1) SELECT count(*) FROM gone`), db: 'QUERY_FAILED' },
  {
    name: 'UPDATE … RETURNING in a CTE with a quoted table',
    sql: q(`WITH t AS (UPDATE "{s}"."tasks" SET status = 'x' RETURNING 1) SELECT count(*) FROM t`),
    db: 'QUERY_FAILED'
  },
  { name: 'SELECT … INTO a new table', sql: q(`SELECT * INTO {s}.users_copy FROM {s}.users`), db: 'QUERY_FAILED' },
  { name: 'a second statement after the SELECT', sql: q(`SELECT 1; DROP TABLE {s}.users`), db: 'QUERY_FAILED' },
  { name: 'breaking out of a wrapping subquery', sql: q(`SELECT 1) r; DROP TABLE {s}.users; SELECT (1`), db: 'QUERY_FAILED' },
  { name: 'a user function that deletes', sql: q(`SELECT {s}.purge_users()`), db: 'SOURCE_READ_ONLY' },
  { name: 'nextval', sql: q(`SELECT nextval('{s}.ticket_seq')`), db: 'SOURCE_FORBIDDEN' },
  { name: 'setval through a quoted name', sql: q(`SELECT "setval"('{s}.ticket_seq', 99)`), db: 'SOURCE_FORBIDDEN' },
  {
    name: 'taking the superuser back (session_authorization)',
    sql: `SELECT length(set_config('session_authorization', 'postgres', false))`,
    db: 'SOURCE_FORBIDDEN'
  },
  { name: 'taking the superuser back (role), escaped', sql: `SELECT length(U&"set\\005fconfig"('role', 'postgres', true))`, db: 'SOURCE_FORBIDDEN' },
  { name: 'a session setting meant to outlive the run', sql: `SELECT length(set_config('default_transaction_read_only', 'off', false))`, db: 'ok' },
  { name: 'a server setting', sql: `SELECT length(set_config('log_statement', 'all', false))`, db: 'SOURCE_FORBIDDEN' },
  { name: 'pg_reload_conf', sql: `SELECT pg_reload_conf()::int`, db: 'SOURCE_FORBIDDEN' },
  {
    name: 'ending other sessions',
    sql: `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'kpiloop-sentinel'`,
    db: 'SOURCE_FORBIDDEN'
  },
  {
    name: 'cancelling other sessions, escaped',
    sql: `SELECT count(U&"pg\\005fcancel\\005fbackend"(pid)) FROM pg_stat_activity WHERE application_name = 'kpiloop-sentinel'`,
    db: 'SOURCE_FORBIDDEN'
  },
  // Taken, then released after the run: the pooled session keeps no lock.
  { name: 'a session advisory lock', sql: `SELECT count(*) FROM (SELECT pg_advisory_lock(4242)) l`, db: 'ok' },
  { name: 'a row lock (FOR UPDATE)', sql: q(`SELECT count(*) FROM (SELECT * FROM {s}.users FOR UPDATE) u`), db: 'SOURCE_READ_ONLY' },
  { name: 'pg_notify', sql: `SELECT length(pg_notify('kpi', 'x')::text)`, db: 'ok' },
  { name: 'pg_stat_reset', sql: `SELECT pg_stat_reset()::text::int`, db: 'SOURCE_FORBIDDEN' },
  { name: 'pg_switch_wal', sql: `SELECT length(pg_switch_wal()::text)`, db: 'SOURCE_FORBIDDEN' },
  { name: 'a long sleep', sql: `SELECT 1 FROM pg_sleep(30)`, db: 'SOURCE_TIMEOUT' },
  {
    name: 'calling the run function itself',
    sql: q(`SELECT count(*) FROM pg_temp.kpiloop_formula('DELETE FROM {s}.users RETURNING 1', 10, NULL, NULL)`),
    db: 'QUERY_FAILED'
  }
]

beforeAll(async () => {
  await adminQuery(`CREATE SCHEMA ${schema}`)
  for (const statement of fixtureStatements('postgres')) await adminQuery(`SET search_path = ${schema}; ${statement}`)
  await adminQuery(`CREATE EXTENSION IF NOT EXISTS dblink SCHEMA ${schema}`)
  await adminQuery(`CREATE SEQUENCE ${schema}.ticket_seq`)
  await adminQuery(`CREATE FUNCTION ${schema}.purge_users() RETURNS bigint LANGUAGE sql AS 'DELETE FROM ${schema}.users; SELECT 0::bigint'`)
  await adminQuery(`CREATE ROLE ${reader} LOGIN; GRANT USAGE ON SCHEMA ${schema} TO ${reader}; GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${reader}`)
  sentinel = new pg.Client({ ...admin, application_name: 'kpiloop-sentinel' })
  await sentinel.connect()
  sentinelPid = (await sentinel.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number
})

afterAll(async () => {
  await sentinel?.end()
  await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await adminQuery(`DROP OWNED BY ${reader}; DROP ROLE IF EXISTS ${reader}`).catch(() => undefined)
})

const up = await serversUp('hostile formulas on PostgreSQL', 'postgres')
describe.skipIf(!up).each([
  ['a superuser login', 'postgres'],
  ['a login that may only read', reader]
])('hostile formulas on PostgreSQL, %s', (_label, user) => {
  const source: SourceConfig = { kind: 'postgres', url: `postgres://${user}@127.0.0.1:5432/test?schema=${schema}`, timeoutMs: 1_500 }
  let app: ReturnType<typeof appHarness>
  beforeAll(() => void (app = appHarness(source, CASES)))
  afterAll(() => app.cleanup())

  it.each(CASES.map((c) => [c.name, c] as const))('%s: refused by the database, nothing changed', async (_name, hostile) => {
    await expectHarmless(app, source, hostile, snapshot)
  })

  it('says what PostgreSQL enforces for this login', async () => {
    const connector = createConnector(source)
    const { protection } = await connector.test()
    await connector.close()
    if (user === 'postgres')
      expect(protection).toMatchObject({ level: 'enforced', runsAs: 'pg_read_all_data', measures: expect.arrayContaining(['restrictedRole']) })
    else expect(protection).toMatchObject({ level: 'enforced', measures: ['readOnlyTransaction', 'statementTimeout'], gaps: [] })
  })
})
