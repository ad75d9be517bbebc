import pg from 'pg'
import { AppError } from '../../../domain/errors'
import type { BoundQuery } from '../bind-period'
import { parseServerUrl } from '../source-url'
import { CONNECT_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, type ConnectionTest, type Driver, type RunLimits, type SourceConfig } from '../types'
import { cancelled, messageOf, networkError, throwIfAborted } from './driver-errors'
import { groupColumns } from './group-columns'
import { describeIsolation, isolationOf, runRestricted, type Isolation } from './postgres-isolation'

// Dates and timestamps stay text: a JS Date would shift a DATE to the local time zone.
const RAW_TEXT_TYPES = new Set([1082, 1114, 1184])
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    RAW_TEXT_TYPES.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
}

export function createPostgresDriver(config: SourceConfig): Driver {
  const address = parseServerUrl(config.url, 'postgres')
  const where = `PostgreSQL at ${address.host}:${address.port}`
  const schema = address.params.get('schema')
  const sslmode = address.params.get('sslmode')
  const clientConfig: pg.ClientConfig = {
    host: address.host,
    port: address.port,
    user: address.user || undefined,
    database: address.database || undefined,
    password: config.password,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'kpiloop',
    types,
    ...(schema ? { options: `-c search_path=${schema.replace(/[^\w,$]/g, '')}` } : {}),
    ...(sslmode && sslmode !== 'disable' ? { ssl: { rejectUnauthorized: sslmode === 'verify-full' } } : {})
  }

  // One small pool per connector: a pull of 1,000 KPIs reuses connections instead of opening 1,000.
  let pool: pg.Pool | undefined
  const poolOf = (): pg.Pool => {
    if (!pool) {
      pool = new pg.Pool({ ...clientConfig, max: 4, idleTimeoutMillis: 10_000 })
      pool.on('error', () => undefined)
    }
    return pool
  }

  async function withClient<T>(signal: AbortSignal | undefined, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    throwIfAborted(signal)
    let client: pg.PoolClient
    try {
      client = await poolOf().connect()
    } catch (error) {
      throw mapError(error, where, signal)
    }
    const pid = (client as pg.PoolClient & { processID: number | null }).processID
    const onAbort = (): void => void cancelBackend(clientConfig, pid)
    signal?.addEventListener('abort', onAbort, { once: true })
    let broken: Error | undefined
    try {
      return await work(client)
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error))
      throw mapError(error, where, signal)
    } finally {
      signal?.removeEventListener('abort', onAbort)
      // A connection that failed mid-statement is discarded rather than reused.
      client.release(broken)
    }
  }

  async function readOnly<T>(client: pg.PoolClient, timeoutMs: number, work: () => Promise<T>, utc = false): Promise<T> {
    const ms = Math.max(1, Math.round(timeoutMs))
    await client.query('BEGIN READ ONLY')
    try {
      await client.query(`SET LOCAL statement_timeout = ${ms}; SET LOCAL lock_timeout = ${ms}`)
      // Bucket bounds are timestamptz: a `timestamp without time zone` column compared to them is read as UTC.
      if (utc) await client.query("SET LOCAL TimeZone = 'UTC'")
      return await work()
    } finally {
      await client.query('ROLLBACK').catch(() => undefined)
      // Session-level advisory locks survive a rollback; the pooled session must not keep any.
      await client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined)
    }
  }

  const refuseUnconfined = (isolation: Isolation): void => {
    if (isolation.mode === 'own-role' && isolation.superuser) {
      throw new AppError(
        'SOURCE_UNSAFE_ROLE',
        `${where}: the login is a superuser and this server cannot confine it (needs PostgreSQL 14+ with pg_read_all_data and a temporary function). Connect as a role that can only read.`
      )
    }
  }

  return {
    test: (signal) =>
      withClient(signal, async (client) => {
        const isolation = await isolationOf(client)
        const role = await readOnly(client, CONNECT_TIMEOUT_MS * 2, async () => describeRole(await client.query(ROLE_SQL)))
        return { ...role, protection: describeIsolation(isolation, config.timeoutMs ?? DEFAULT_TIMEOUT_MS) }
      }),
    tables: (signal) =>
      withClient(signal, (client) => readOnly(client, CONNECT_TIMEOUT_MS * 6, async () => groupColumns((await client.query(COLUMNS_SQL)).rows))),
    execute: (query: BoundQuery, limits: RunLimits, signal?: AbortSignal) =>
      withClient(signal, async (client) => {
        const isolation = await isolationOf(client)
        refuseUnconfined(isolation)
        return readOnly(
          client,
          limits.timeoutMs,
          async () => {
            if (isolation.mode === 'restricted') return runRestricted(client, query.text, query.values, limits.rowLimit)
            // A cursor fetches at most rowLimit + 1 rows; the extended protocol refuses a second statement.
            const declare: pg.QueryConfig & { queryMode: 'extended' } = {
              text: `DECLARE kpi_formula NO SCROLL CURSOR FOR ${query.text}`,
              values: query.values,
              queryMode: 'extended'
            }
            await client.query(declare)
            const result = await client.query({ text: `FETCH ${limits.rowLimit + 1} FROM kpi_formula`, rowMode: 'array' })
            return {
              columns: result.fields.map((f) => ({ name: f.name, type: PG_TYPES[f.dataTypeID] ?? `oid ${f.dataTypeID}` })),
              rows: result.rows as unknown[][]
            }
          },
          query.utc
        )
      }),
    explain: (query: BoundQuery, limits: RunLimits, signal?: AbortSignal) =>
      withClient(signal, (client) =>
        readOnly(
          client,
          limits.timeoutMs,
          async () => {
            const explain: pg.QueryConfig & { queryMode: 'extended' } = { text: `EXPLAIN ${query.text}`, values: query.values, queryMode: 'extended' }
            await client.query(explain)
          },
          query.utc
        )
      ),
    close: async () => {
      const open = pool
      pool = undefined
      await open?.end().catch(() => undefined)
    }
  }
}

/** Names of the built-in types a formula's columns usually have (pg reports only their OIDs). */
const PG_TYPES: Record<number, string> = {
  16: 'boolean',
  18: 'char',
  19: 'name',
  20: 'bigint',
  21: 'smallint',
  23: 'integer',
  25: 'text',
  114: 'json',
  700: 'real',
  701: 'double precision',
  1042: 'character',
  1043: 'character varying',
  1082: 'date',
  1083: 'time',
  1114: 'timestamp',
  1184: 'timestamptz',
  1186: 'interval',
  1700: 'numeric',
  2950: 'uuid',
  3802: 'jsonb'
}

async function cancelBackend(config: pg.ClientConfig, pid: number | null): Promise<void> {
  if (pid === null) return
  const canceller = new pg.Client(config)
  canceller.on('error', () => undefined)
  try {
    await canceller.connect()
    await canceller.query('SELECT pg_cancel_backend($1)', [pid])
  } catch {
    // The run ends anyway: its statement timeout still applies.
  } finally {
    await canceller.end().catch(() => undefined)
  }
}

function mapError(error: unknown, where: string, signal?: AbortSignal): AppError {
  const network = networkError(error, where)
  if (network) return signal?.aborted && network.code !== 'SOURCE_CONNECT' ? cancelled() : network
  const code = (error as { code?: string }).code
  const message = messageOf(error)
  if (code === '57014') return signal?.aborted ? cancelled() : new AppError('SOURCE_TIMEOUT', `The query ran past the statement timeout: ${message}.`)
  if (/Query read timeout/i.test(message)) return new AppError('SOURCE_TIMEOUT', 'The query ran past the timeout.')
  if (code === '25006') return new AppError('SOURCE_READ_ONLY', `The database refused a write in the read-only session: ${message}.`)
  // 42501: insufficient privilege; 2F003: dblink refusing a connection without a password to a role that is not a superuser.
  if (code === '42501' || code === '2F003') return new AppError('SOURCE_FORBIDDEN', `The database refused it to the formula's read-only role: ${message}.`)
  if (code === '28P01' || code === '28000') return new AppError('SOURCE_AUTH', `${where} refused the login: ${message}.`)
  if (code === '3D000') return new AppError('SOURCE_CONFIG', `${where}: ${message}.`)
  if (signal?.aborted) return cancelled()
  return new AppError('QUERY_FAILED', message, code ? { sqlState: code } : undefined)
}

const ROLE_SQL = `
SELECT version() AS version, current_user AS "user", r.rolsuper AS superuser,
  current_setting('default_transaction_read_only') = 'on' AS read_only_default,
  (SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      AND (has_table_privilege(c.oid, 'INSERT') OR has_table_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE'))
    ORDER BY 1 LIMIT 1) AS writable_table,
  (SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
      AND has_schema_privilege(oid, 'CREATE') ORDER BY 1 LIMIT 1) AS create_schema
FROM pg_roles r WHERE r.rolname = current_user`

interface RoleRow {
  version: string
  user: string
  superuser: boolean
  read_only_default: boolean
  writable_table: string | null
  create_schema: string | null
}

function describeRole(result: pg.QueryResult): Omit<ConnectionTest, 'protection'> {
  const row = result.rows[0] as RoleRow
  const base = { serverVersion: row.version, user: row.user }
  if (row.superuser) {
    return { ...base, canWrite: true, writeReason: `Role "${row.user}" is a superuser and can change any data.` }
  }
  if (row.writable_table) {
    return { ...base, canWrite: true, writeReason: `Role "${row.user}" may INSERT, UPDATE or DELETE on ${row.writable_table}.` }
  }
  if (row.create_schema && !row.read_only_default) {
    return { ...base, canWrite: true, writeReason: `Role "${row.user}" may CREATE in schema ${row.create_schema}.` }
  }
  return { ...base, canWrite: false }
}

const COLUMNS_SQL = `
SELECT table_schema AS schema, table_name AS name, column_name AS column, data_type AS type
FROM information_schema.columns
WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_%'
ORDER BY table_schema, table_name, ordinal_position`
