import sqlite3 from 'sqlite3'
import { AppError } from '../../../domain/errors'
import { cancelled } from './driver-errors'

/**
 * Runs formulas on SQLite's own thread pool (node-sqlite3), so the app keeps serving while one
 * runs, and stops it with sqlite3_interrupt at the timeout, on cancel, or once the row limit is
 * passed. better-sqlite3 runs on the calling thread and cannot be interrupted at all.
 */
export interface SqliteRunner {
  /** Rows of one read-only statement as arrays in `columns` order; at most rowLimit + 1 of them. */
  rows(sql: string, values: string[], columns: string[], limits: { timeoutMs: number; rowLimit: number }, signal?: AbortSignal): Promise<unknown[][]>
  /** Stops what runs and closes the file. */
  close(): Promise<void>
}

export function openSqliteRunner(file: string): Promise<SqliteRunner> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error)
      // No second database can be attached, and schema objects may not call functions with side effects.
      db.configure('limit', sqlite3.LIMIT_ATTACHED, 0)
      db.configure('busyTimeout', 5_000)
      db.exec('PRAGMA query_only = ON; PRAGMA trusted_schema = OFF', (pragmaError) => (pragmaError ? reject(pragmaError) : resolve(runner(db))))
    })
  })
}

function runner(db: sqlite3.Database): SqliteRunner {
  // interrupt() acts on the whole connection, so statements take turns.
  let queue: Promise<unknown> = Promise.resolve()
  let stopCurrent: (() => void) | null = null

  const rows: SqliteRunner['rows'] = (sql, values, columns, limits, signal) => {
    const run = queue.then(
      () =>
        new Promise<unknown[][]>((resolve, reject) => {
          const collected: unknown[][] = []
          // node-sqlite3 hands a failing step to the row callback, not to the completion.
          let failure: Error | null = null
          let stopped: 'timeout' | 'cancel' | 'limit' | null = null
          const stop = (why: NonNullable<typeof stopped>): void => {
            stopped ??= why
            db.interrupt()
          }
          const timer = setTimeout(() => stop('timeout'), limits.timeoutMs)
          const onAbort = (): void => stop('cancel')
          signal?.addEventListener('abort', onAbort, { once: true })
          stopCurrent = () => stop('cancel')
          if (signal?.aborted) stop('cancel')
          // A prepared statement reports a failing step reliably (db.each with parameters loses it).
          const statement = db.prepare(sql, values, (error: Error | null) => {
            if (error) failure ??= error
          })
          statement.each(
            (error: Error | null, row: Record<string, unknown>) => {
              if (error) failure ??= error
              if (error || stopped) return
              collected.push(columns.map((name) => row[name]))
              if (collected.length > limits.rowLimit) stop('limit')
            },
            // The step's error can come after the completion; finalize runs after both.
            (error: Error | null) =>
              statement.finalize(() => {
                clearTimeout(timer)
                signal?.removeEventListener('abort', onAbort)
                stopCurrent = null
                if (stopped === 'limit') return resolve(collected)
                if (stopped === 'timeout')
                  return reject(new AppError('SOURCE_TIMEOUT', `The query ran past the timeout (${limits.timeoutMs} ms) and was interrupted.`))
                if (stopped === 'cancel') return reject(cancelled())
                if (error ?? failure) return reject(error ?? failure)
                resolve(collected)
              })
          )
        })
    )
    queue = run.catch(() => undefined)
    return run
  }

  return {
    rows,
    close: () => {
      stopCurrent?.()
      return queue.then(() => new Promise<void>((done) => db.close(() => done())))
    }
  }
}
