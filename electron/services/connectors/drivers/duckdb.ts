import os from 'node:os'
import { type DuckDBConnection, DuckDBInstance, StatementType } from '@duckdb/node-api'
import { AppError, isAppError } from '../../../domain/errors'
import type { BoundQuery } from '../bind-period'
import { parseFileUrl } from '../source-url'
import { protectionOf } from '../../../domain/source-protection'
import { DEFAULT_TIMEOUT_MS, type Driver, type RunLimits, type SourceConfig } from '../types'
import { cancelled, messageOf, throwIfAborted } from './driver-errors'
import { buildFolderDatabase } from './duckdb-folder'
import { groupColumns, type ColumnRow } from './group-columns'

const MEMORY_LIMIT = `${Math.max(256, Math.min(4096, Math.floor(os.totalmem() / 4 / 2 ** 20)))}MB`

interface Opened {
  instance: DuckDBInstance
  connection: DuckDBConnection
  dispose: () => Promise<void>
}

/**
 * Opens the file READ_ONLY, then turns off file-system access (COPY TO, ATTACH, INSTALL, reading
 * arbitrary files) and locks the configuration. A folder source may read only its own folder.
 */
export function createDuckDbDriver(config: SourceConfig): Driver {
  const target = parseFileUrl(config.url, 'duckdb')
  let opening: Promise<Opened> | null = null
  let queue: Promise<unknown> = Promise.resolve()

  const open = (): Promise<Opened> => {
    opening ??= (async () => {
      const built = target.mode === 'folder' ? await buildFolderDatabase(target.folder) : null
      const file = built ? built.file : target.mode === 'file' ? target.file : ''
      try {
        const instance = await DuckDBInstance.create(file, {
          access_mode: 'READ_ONLY',
          autoinstall_known_extensions: 'false',
          autoload_known_extensions: 'false',
          // A runaway formula (an endless recursive CTE) fails on memory before it takes the machine's.
          memory_limit: MEMORY_LIMIT
        })
        const connection = await instance.connect()
        if (target.mode === 'folder') {
          await connection.run(`SET allowed_directories = [${literal(`${target.folder.replace(/\/+$/, '')}/`)}]`)
        }
        await connection.run('SET enable_external_access = false')
        await connection.run('SET lock_configuration = true')
        const dispose = async (): Promise<void> => {
          connection.closeSync()
          instance.closeSync()
          await built?.dispose()
        }
        return { instance, connection, dispose }
      } catch (error) {
        await built?.dispose()
        throw error
      }
    })()
    opening.catch(() => {
      opening = null
    })
    return opening
  }

  // One connection per source; interrupt() acts on the whole connection, so runs take turns.
  const serial = <T>(signal: AbortSignal | undefined, work: (c: DuckDBConnection) => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      try {
        throwIfAborted(signal)
        return await work((await open()).connection)
      } catch (error) {
        throw mapError(error, target.mode === 'folder' ? target.folder : target.file, signal)
      }
    })
    queue = run.catch(() => undefined)
    return run
  }

  return {
    test: (signal) =>
      serial(signal, async (c) => {
        const reader = await c.runAndReadAll('SELECT version()')
        return {
          serverVersion: `DuckDB ${String(reader.getRowsJson()[0]?.[0])}`,
          canWrite: false,
          protection: protectionOf(['readOnlyOpen', 'noExternalAccess', 'memoryLimit', 'interrupt'], [], config.timeoutMs ?? DEFAULT_TIMEOUT_MS)
        }
      }),
    tables: (signal) =>
      serial(signal, async (c) => {
        const reader = await c.runAndReadAll(
          `SELECT table_schema AS schema, table_name AS name, column_name AS "column", data_type AS type
           FROM information_schema.columns
           WHERE table_catalog = current_database() AND table_schema NOT IN ('information_schema', 'pg_catalog')
           ORDER BY table_schema, table_name, ordinal_position`
        )
        return groupColumns(reader.getRowObjectsJson() as unknown as ColumnRow[])
      }),
    execute: (query: BoundQuery, limits: RunLimits, signal?: AbortSignal) =>
      serial(signal, async (c) => {
        const statements = await c.extractStatements(query.text)
        if (statements.count !== 1) {
          throw new AppError('SOURCE_WRITE_REFUSED', 'The formula holds more than one statement.')
        }
        const prepared = await statements.prepare(0)
        // DuckDB's own parser classifies the statement: COPY … TO could write inside an allowed folder.
        if (prepared.statementType !== StatementType.SELECT) {
          prepared.destroySync()
          throw new AppError('SOURCE_WRITE_REFUSED', 'DuckDB classified the formula as something other than a SELECT.')
        }
        prepared.bind(query.values)
        const timer = setTimeout(() => c.interrupt(), limits.timeoutMs)
        const onAbort = (): void => c.interrupt()
        signal?.addEventListener('abort', onAbort, { once: true })
        try {
          const reader = await prepared.runAndReadUntil(limits.rowLimit + 1)
          const types = reader.columnTypes()
          return { columns: reader.columnNames().map((name, i) => ({ name, type: String(types[i]) })), rows: reader.getRowsJson() as unknown[][] }
        } finally {
          clearTimeout(timer)
          signal?.removeEventListener('abort', onAbort)
          prepared.destroySync()
        }
      }),
    explain: (query: BoundQuery, _limits: RunLimits, signal?: AbortSignal) =>
      serial(signal, async (c) => {
        // Preparing binds every name against the catalog; nothing runs.
        const statements = await c.extractStatements(query.text)
        if (statements.count !== 1) throw new AppError('SOURCE_WRITE_REFUSED', 'The formula holds more than one statement.')
        ;(await statements.prepare(0)).destroySync()
      }),
    close: async () => {
      const current = opening
      opening = null
      await queue
      if (current) await (await current.catch(() => null))?.dispose()
    }
  }
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

function mapError(error: unknown, where: string, signal?: AbortSignal): AppError {
  if (isAppError(error)) return error
  const message = messageOf(error)
  if (/^INTERRUPT/i.test(message) || /Interrupted/.test(message)) {
    return signal?.aborted ? cancelled() : new AppError('SOURCE_TIMEOUT', 'The query ran past the timeout.')
  }
  if (/database does not exist|Cannot open (database )?file|No such file|not a valid DuckDB database|Could not set lock/i.test(message)) {
    return new AppError('SOURCE_CONFIG', `Cannot open ${where}: ${message}`)
  }
  if (/Permission Error/i.test(message)) return new AppError('SOURCE_FORBIDDEN', `DuckDB refused it: ${message}`)
  if (/read-only mode|read-only database/i.test(message)) {
    return new AppError('SOURCE_READ_ONLY', `The database refused it in the read-only session: ${message}`)
  }
  return new AppError('QUERY_FAILED', message)
}
