import Database from 'better-sqlite3'
import { AppError, isAppError } from '../../../domain/errors'
import type { BoundQuery } from '../bind-period'
import { parseFileUrl } from '../source-url'
import { protectionOf } from '../../../domain/source-protection'
import { DEFAULT_TIMEOUT_MS, type ConnectionTest, type Driver, type RunLimits, type SourceConfig } from '../types'
import { messageOf, throwIfAborted } from './driver-errors'
import { groupColumns, type ColumnRow } from './group-columns'
import { openSqliteRunner, type SqliteRunner } from './sqlite-runner'

/**
 * Reads the schema and prepares formulas with better-sqlite3 (quick, nothing runs), and runs them
 * on an interruptible connection (sqlite-runner.ts): both open the file read-only.
 */
export function createSqliteDriver(config: SourceConfig): Driver {
  const target = parseFileUrl(config.url, 'sqlite')
  if (target.mode !== 'file') throw new AppError('SOURCE_CONFIG', 'A SQLite source is one database file, not a folder.')
  const file = target.file
  let db: Database.Database | null = null
  let running: Promise<SqliteRunner> | null = null
  const runner = (): Promise<SqliteRunner> => {
    running ??= openSqliteRunner(file)
    running.catch(() => (running = null))
    return running
  }

  const open = (): Database.Database => {
    if (db) return db
    try {
      db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 })
      db.pragma('query_only = ON')
      return db
    } catch (error) {
      db = null
      throw mapError(error, file)
    }
  }

  const guarded = <T>(signal: AbortSignal | undefined, work: (d: Database.Database) => T): Promise<T> => {
    try {
      throwIfAborted(signal)
      return Promise.resolve(work(open()))
    } catch (error) {
      return Promise.reject(mapError(error, file))
    }
  }

  return {
    test: (signal) =>
      guarded(signal, (d): ConnectionTest => {
        const version = d.prepare('SELECT sqlite_version()').pluck().get() as string
        return {
          serverVersion: `SQLite ${version}`,
          canWrite: false,
          protection: protectionOf(['readOnlyOpen', 'interrupt'], [], config.timeoutMs ?? DEFAULT_TIMEOUT_MS)
        }
      }),
    tables: (signal) =>
      guarded(signal, (d) =>
        groupColumns(
          d
            .prepare(
              `SELECT m.name AS name, p.name AS "column", p.type AS type
               FROM sqlite_master m JOIN pragma_table_info(m.name) p
               WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
               ORDER BY m.name, p.cid`
            )
            .all() as ColumnRow[]
        )
      ),
    execute: async (query: BoundQuery, limits: RunLimits, signal?: AbortSignal) => {
      // Preparing compiles the statement without running it: one statement, its kind and its columns.
      const columns = await guarded(signal, (d) => {
        const statement = d.prepare(query.text)
        if (!statement.reader) throw new AppError('SOURCE_WRITE_REFUSED', 'SQLite classified the formula as a statement that returns no rows.')
        return statement.columns().map((c) => ({ name: c.name, type: c.type ?? 'expression' }))
      })
      const names = columns.map((c) => c.name)
      const duplicate = names.find((name, i) => names.indexOf(name) !== i)
      if (duplicate !== undefined) {
        throw new AppError('QUERY_SYNTAX', `Two result columns are named "${duplicate}"; give each its own name (AS …).`, { column: duplicate })
      }
      try {
        return { columns, rows: await (await runner()).rows(query.text, query.values, names, limits, signal) }
      } catch (error) {
        throw mapError(error, file)
      }
    },
    // Preparing is SQLite's own check of tables and columns; nothing runs.
    explain: (query: BoundQuery, _limits: RunLimits, signal?: AbortSignal) =>
      guarded(signal, (d) => {
        d.prepare(query.text)
      }),
    close: async () => {
      const open = running
      running = null
      await (await open?.catch(() => null))?.close()
      db?.close()
      db = null
    }
  }
}

function mapError(error: unknown, file: string): AppError {
  if (isAppError(error)) return error
  const code = (error as { code?: string }).code ?? ''
  const message = messageOf(error)
  if (code === 'SQLITE_READONLY' || /readonly|query_only/i.test(message)) {
    return new AppError('SOURCE_READ_ONLY', `The database refused a write in the read-only session: ${message}`)
  }
  if (code === 'SQLITE_AUTH' || /not authorized/i.test(message)) return new AppError('SOURCE_FORBIDDEN', `SQLite refused it: ${message}`)
  if (code === 'SQLITE_BUSY') return new AppError('SOURCE_TIMEOUT', `The database file is locked: ${message}`)
  if (code === 'SQLITE_CANTOPEN' || /unable to open|does not exist/i.test(message)) {
    return new AppError('SOURCE_CONFIG', `Cannot open the SQLite file ${file}: ${message}`)
  }
  if (code === 'SQLITE_NOTADB') return new AppError('SOURCE_CONFIG', `${file} is not a SQLite database.`)
  return new AppError('QUERY_FAILED', message, code ? { code } : undefined)
}
