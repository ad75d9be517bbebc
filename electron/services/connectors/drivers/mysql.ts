import mysql from 'mysql2/promise'
import { AppError } from '../../../domain/errors'
import type { BoundQuery } from '../bind-period'
import { parseServerUrl } from '../source-url'
import { protectionOf } from '../../../domain/source-protection'
import { CONNECT_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, type ConnectionTest, type Driver, type RunLimits, type SourceConfig } from '../types'
import { cancelled, messageOf, networkError, throwIfAborted } from './driver-errors'
import { writeGrant } from './grants'
import { groupColumns, type ColumnRow } from './group-columns'

export function createMysqlDriver(config: SourceConfig): Driver {
  const address = parseServerUrl(config.url, 'mysql')
  const where = `MySQL/MariaDB at ${address.host}:${address.port}`
  const options: mysql.ConnectionOptions = {
    host: address.host,
    port: address.port,
    user: address.user || undefined,
    password: config.password,
    database: address.database || undefined,
    connectTimeout: CONNECT_TIMEOUT_MS,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: false,
    ...(address.params.get('ssl') === 'true' ? { ssl: {} } : {})
  }

  async function withConnection<T>(signal: AbortSignal | undefined, work: (c: mysql.Connection) => Promise<T>): Promise<T> {
    throwIfAborted(signal)
    let connection: mysql.Connection
    try {
      connection = await mysql.createConnection(options)
    } catch (error) {
      throw mapError(error, where, signal)
    }
    connection.on('error', () => undefined)
    const onAbort = (): void => void killQuery(options, connection.threadId)
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      return await work(connection)
    } catch (error) {
      throw mapError(error, where, signal)
    } finally {
      signal?.removeEventListener('abort', onAbort)
      await connection.end().catch(() => connection.destroy())
    }
  }

  return {
    test: (signal) => withConnection(signal, (c) => describeUser(c, config.timeoutMs ?? DEFAULT_TIMEOUT_MS)),
    tables: (signal) =>
      withConnection(signal, async (c) => {
        const [rows] = await c.query(
          `SELECT table_schema AS \`schema\`, table_name AS name, column_name AS \`column\`, column_type AS type
           FROM information_schema.columns
           WHERE ${address.database ? 'table_schema = DATABASE()' : "table_schema NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')"}
           ORDER BY table_schema, table_name, ordinal_position`
        )
        return groupColumns(rows as ColumnRow[])
      }),
    execute: (query: BoundQuery, limits: RunLimits, signal?: AbortSignal) =>
      withConnection(signal, async (c) => {
        const [[server]] = (await c.query('SELECT VERSION() AS v')) as unknown as [[{ v: string }]]
        // MariaDB counts seconds in max_statement_time; MySQL counts milliseconds in max_execution_time.
        if (/mariadb/i.test(server.v)) await c.query('SET SESSION max_statement_time = ?', [limits.timeoutMs / 1000])
        else await c.query('SET SESSION max_execution_time = ?', [Math.max(1, Math.round(limits.timeoutMs))])
        await c.query('SET SESSION sql_select_limit = ?', [limits.rowLimit + 1])
        // Bucket bounds are naive UTC text: TIMESTAMP columns must compare in UTC too (DATETIME has no zone).
        if (query.utc) await c.query("SET SESSION time_zone = '+00:00'")
        // The session default makes DDL (which commits implicitly) fail too, not only the transaction.
        await c.query('SET SESSION TRANSACTION READ ONLY')
        await c.query('START TRANSACTION READ ONLY')
        try {
          // The server's own parser classifies the statement before it runs: one without result columns
          // (SET GLOBAL, SELECT … INTO OUTFILE, DDL) never runs, whatever the login may do.
          const prepared = await c.prepare({ sql: query.text, rowsAsArray: true })
          if ((prepared as unknown as { statement: { columns: unknown[] } }).statement.columns.length === 0) {
            throw new AppError('SOURCE_WRITE_REFUSED', 'MySQL/MariaDB classified the formula as a statement that returns no rows.')
          }
          const started = performance.now()
          const [rows, fields] = await c.execute({
            sql: query.text,
            values: query.values,
            rowsAsArray: true,
            timeout: limits.timeoutMs + CONNECT_TIMEOUT_MS
          })
          if (!Array.isArray(rows)) throw new AppError('QUERY_FAILED', 'The statement returned no result set.')
          // MariaDB ends BENCHMARK() at max_statement_time with a plain 0 instead of an error: a late answer is no answer.
          if (performance.now() - started >= limits.timeoutMs) throw new AppError('SOURCE_TIMEOUT', 'The query ran past the statement timeout.')
          return { columns: (fields ?? []).map((f) => ({ name: f.name, type: f.typeName ?? mysqlType(f.columnType ?? f.type) })), rows: rows as unknown[][] }
        } finally {
          await c.query('ROLLBACK').catch(() => undefined)
        }
      }),
    explain: (query: BoundQuery, limits: RunLimits, signal?: AbortSignal) =>
      withConnection(signal, async (c) => {
        if (query.utc) await c.query("SET SESSION time_zone = '+00:00'")
        await c.query('SET SESSION TRANSACTION READ ONLY')
        await c.query('START TRANSACTION READ ONLY')
        try {
          await c.execute({ sql: `EXPLAIN ${query.text}`, values: query.values, timeout: limits.timeoutMs + CONNECT_TIMEOUT_MS })
        } finally {
          await c.query('ROLLBACK').catch(() => undefined)
        }
      }),
    close: async () => undefined
  }
}

/** mysql2 names a column's type only on newer servers; the protocol's type number always comes. */
const MYSQL_TYPES: Record<number, string> = {
  0: 'DECIMAL',
  1: 'TINYINT',
  2: 'SMALLINT',
  3: 'INT',
  4: 'FLOAT',
  5: 'DOUBLE',
  7: 'TIMESTAMP',
  8: 'BIGINT',
  9: 'MEDIUMINT',
  10: 'DATE',
  12: 'DATETIME',
  13: 'YEAR',
  15: 'VARCHAR',
  16: 'BIT',
  245: 'JSON',
  246: 'DECIMAL',
  252: 'BLOB',
  253: 'VARCHAR',
  254: 'CHAR'
}
const mysqlType = (code: number | undefined): string => (code === undefined ? 'unknown' : (MYSQL_TYPES[code] ?? `type ${code}`))

async function describeUser(c: mysql.Connection, timeoutMs: number): Promise<ConnectionTest> {
  const [[row]] = (await c.query('SELECT VERSION() AS v, CURRENT_USER() AS u')) as unknown as [[{ v: string; u: string }]]
  const [rows] = (await c.query('SHOW GRANTS')) as unknown as [Record<string, string>[]]
  const grants = rows.map((g) => Object.values(g)[0] ?? '')
  // A read-only transaction refuses table writes, not LOAD_FILE() or INTO OUTFILE: the FILE privilege stays.
  const files = grants.some((g) => /^GRANT (ALL PRIVILEGES|.*\bFILE\b.*) ON \*\.\*/i.test(g.trim()))
  const base = {
    serverVersion: row.v,
    user: row.u,
    protection: protectionOf(['readOnlyTransaction', 'statementTimeout'], files ? ['serverFiles'] : [], timeoutMs)
  }
  const reason = writeGrant(grants, row.u)
  return reason ? { ...base, canWrite: true, writeReason: reason } : { ...base, canWrite: false }
}

async function killQuery(options: mysql.ConnectionOptions, threadId: number): Promise<void> {
  try {
    const killer = await mysql.createConnection(options)
    await killer.query(`KILL QUERY ${Number(threadId)}`).catch(() => undefined)
    await killer.end()
  } catch {
    // The statement timeout still ends the run.
  }
}

function mapError(error: unknown, where: string, signal?: AbortSignal): AppError {
  const e = error as { errno?: number; code?: string; fatal?: boolean }
  if (e.code === 'PROTOCOL_SEQUENCE_TIMEOUT') return new AppError('SOURCE_TIMEOUT', 'The query ran past the timeout.')
  const network = networkError(error, where)
  if (network) return network
  const message = messageOf(error)
  switch (e.errno) {
    case 1045:
    case 1044:
    case 1698:
      return new AppError('SOURCE_AUTH', `${where} refused the login: ${message}`)
    case 1049:
      return new AppError('SOURCE_CONFIG', `${where}: ${message}`)
    case 1969:
    case 3024:
      return new AppError('SOURCE_TIMEOUT', `The query ran past the statement timeout: ${message}`)
    case 1317:
      return signal?.aborted ? cancelled() : new AppError('SOURCE_TIMEOUT', message)
    case 1142:
    case 1143:
    case 1227:
    case 1370:
      return new AppError('SOURCE_FORBIDDEN', `The database refused it to this login: ${message}`)
    case 1792:
    case 1290:
      return new AppError('SOURCE_READ_ONLY', `The database refused a write in the read-only session: ${message}`)
  }
  if (signal?.aborted) return cancelled()
  return new AppError('QUERY_FAILED', message, e.errno ? { errno: e.errno } : undefined)
}
