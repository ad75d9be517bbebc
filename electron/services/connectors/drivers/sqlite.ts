import Database from 'better-sqlite3'
import { AppError, isAppError } from '../../../domain/errors'
import type { BoundQuery } from '../bind-period'
import { parseFileUrl } from '../source-url'
import type { ConnectionTest, Driver, RunLimits, SourceConfig } from '../types'
import { cancelled, messageOf, throwIfAborted } from './driver-errors'
import { groupColumns, type ColumnRow } from './group-columns'

/**
 * better-sqlite3 runs synchronously and exposes no interrupt, so the timeout and the AbortSignal
 * are checked between result rows: a single long aggregate cannot be stopped midway.
 */
export function createSqliteDriver(config: SourceConfig): Driver {
  const target = parseFileUrl(config.url, 'sqlite')
  if (target.mode !== 'file') throw new AppError('SOURCE_CONFIG', 'A SQLite source is one database file, not a folder.')
  const file = target.file
  let db: Database.Database | null = null

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
        return { serverVersion: `SQLite ${version}`, canWrite: false }
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
    execute: (query: BoundQuery, limits: RunLimits, signal?: AbortSignal) =>
      guarded(signal, (d) => {
        const statement = d.prepare(query.text)
        if (!statement.reader) {
          // Runs only to let the read-only connection refuse it; a statement without rows is no formula.
          statement.run(...query.values)
          throw new AppError('QUERY_NO_ROW', 'The statement returned no rows.')
        }
        const deadline = performance.now() + limits.timeoutMs
        const columns = statement.columns().map((c) => ({ name: c.name, type: c.type ?? 'expression' }))
        const rows: unknown[][] = []
        for (const row of statement.raw(true).iterate(...query.values) as IterableIterator<unknown[]>) {
          rows.push(row)
          if (rows.length > limits.rowLimit) break
          if (signal?.aborted) throw cancelled()
          if (performance.now() > deadline) throw new AppError('SOURCE_TIMEOUT', 'The query ran past the timeout.')
        }
        return { columns, rows }
      }),
    explain: (query: BoundQuery, _limits: RunLimits, signal?: AbortSignal) =>
      guarded(signal, (d) => {
        d.prepare(query.text)
      }),
    close: async () => {
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
  if (code === 'SQLITE_BUSY') return new AppError('SOURCE_TIMEOUT', `The database file is locked: ${message}`)
  if (code === 'SQLITE_CANTOPEN' || /unable to open|does not exist/i.test(message)) {
    return new AppError('SOURCE_CONFIG', `Cannot open the SQLite file ${file}: ${message}`)
  }
  if (code === 'SQLITE_NOTADB') return new AppError('SOURCE_CONFIG', `${file} is not a SQLite database.`)
  return new AppError('QUERY_FAILED', message, code ? { code } : undefined)
}
