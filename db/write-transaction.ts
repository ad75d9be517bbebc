import type Database from 'better-sqlite3'
import type { WorkspaceState, WorkspaceWait } from '../electron/domain/backup'
import { busyError, isBusy, workspaceError } from './workspace-errors'

export interface WritePolicy {
  file: string
  /** The longest wait for another writer before giving up with WORKSPACE_BUSY. */
  limitMs: number
  /** How long one attempt waits inside SQLite; a writer still waiting after it reports progress. */
  sliceMs: number
  onWait?: (wait: WorkspaceWait) => void
  state: WorkspaceState
}

/** Wraps a synchronous function of statements as a write transaction of the workspace. */
export type WriteTransaction = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => R

/**
 * Write transactions take the write lock first (BEGIN IMMEDIATE): a deferred one that read and
 * then wrote would fail at once whenever another process committed in between. A busy workspace
 * is waited for, in slices that each report progress, up to the limit.
 */
export function writeTransactions(sqlite: Database.Database, policy: WritePolicy): WriteTransaction {
  return <A extends unknown[], R>(fn: (...args: A) => R) => {
    const tx = sqlite.transaction(fn)
    return (...args: A): R => {
      // Nested in another write transaction: a savepoint, the lock is already held.
      if (sqlite.inTransaction) return tx(...args)
      const started = Date.now()
      sqlite.pragma(`busy_timeout = ${policy.sliceMs}`)
      try {
        for (;;) {
          try {
            return tx.immediate(...args)
          } catch (error) {
            if (!isBusy(error)) throw workspaceError(error, policy.file, policy.state)
            const waitedMs = Date.now() - started
            if (waitedMs >= policy.limitMs) throw busyError(policy.file, waitedMs)
            policy.onWait?.({ waitedMs, limitMs: policy.limitMs })
          }
        }
      } finally {
        sqlite.pragma(`busy_timeout = ${policy.limitMs}`)
      }
    }
  }
}
