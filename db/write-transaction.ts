import type Database from 'better-sqlite3'
import type { WorkspaceState, WorkspaceWait } from '../electron/domain/backup'
import { busyError, diskFullError, isBusy, workspaceError } from './workspace-errors'

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

const pause = (ms: number) => new Promise((resume) => setTimeout(resume, ms))

/**
 * Resolves once the write lock is free, waiting without blocking (the app keeps answering and its
 * progress reaches the window), or rejects with WORKSPACE_BUSY after the limit. The shells call it
 * before a procedure that writes; the transaction itself still takes the lock first.
 */
export async function whenWritable(sqlite: Database.Database, policy: WritePolicy, signal?: AbortSignal): Promise<void> {
  if (policy.state.readOnly === 'disk-full') throw diskFullError(policy.file)
  const started = Date.now()
  for (let attempt = 0; ; attempt++) {
    sqlite.pragma('busy_timeout = 0')
    try {
      sqlite.exec('BEGIN IMMEDIATE')
      sqlite.exec('ROLLBACK')
      return
    } catch (error) {
      if (!isBusy(error)) throw workspaceError(error, policy.file, policy.state)
    } finally {
      sqlite.pragma(`busy_timeout = ${policy.limitMs}`)
    }
    const waitedMs = Date.now() - started
    if (waitedMs >= policy.limitMs) throw busyError(policy.file, waitedMs)
    // A writer that finishes within a slice goes unmentioned: only a real wait is reported.
    if (waitedMs >= policy.sliceMs) policy.onWait?.({ waitedMs, limitMs: policy.limitMs })
    await pause(Math.min(5 * 2 ** attempt, policy.sliceMs))
    signal?.throwIfAborted()
  }
}
