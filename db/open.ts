import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { WorkspaceState, WorkspaceWait } from '../electron/domain/backup'
import { AppError } from '../electron/domain/errors'
import { migrateWorkspace, type MigrationOutcome } from './migrate'
import * as schema from './schema'
import { shippedPath } from './shipped-path'
import { diskFullError, emptyFileError, isBusy, readOnlyError, workspaceError } from './workspace-errors'
import { whenWritable, writeTransactions, type WriteTransaction } from './write-transaction'

export type Db = BetterSQLite3Database<typeof schema>
export interface Workspace {
  db: Db
  sqlite: Database.Database
  file: string
  state: WorkspaceState
  /** True when this open made a new, empty workspace. */
  created: boolean
  migration: MigrationOutcome
  /** Every write of the workspace goes through one of these (see write-transaction.ts). */
  transaction: WriteTransaction
  /** Resolves once another window or command has finished writing (see write-transaction.ts). */
  whenWritable(signal?: AbortSignal): Promise<void>
  /** What SQLite reported about this file, as a product error naming it (others unchanged). */
  explain(error: unknown): unknown
  close(): void
}

export interface OpenOptions {
  /**
   * 'read': the caller only reads, so a full disk opens the workspace read-only instead of failing.
   * 'write': a full disk is refused with DISK_FULL.
   */
  access: 'read' | 'write'
  /** A missing file becomes a new workspace only when asked (a read never creates one). */
  create?: boolean
  /** Path of the better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  migrationsFolder?: string
  /** The longest wait for another window or command that is writing (default 15 s). */
  waitLimitMs?: number
  /** Called while waiting for the write lock, every quarter second or so. */
  onWait?: (wait: WorkspaceWait) => void
  /** False only for a file that is itself a copy (a backup being restored): no copy of the copy. */
  backupBeforeMigration?: boolean
  now?: () => number
}

export const defaultMigrationsFolder = (): string => shippedPath(import.meta.url, 'db/migrations')
const DEFAULT_WAIT_LIMIT_MS = 15_000
const WAIT_SLICE_MS = 250

function knownMigrationCount(folder: string): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
  return journal.entries.length
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Refuses what is not a workspace before SQLite would turn it into one. Returns whether it exists. */
function checkLocation(file: string, options: OpenOptions): boolean {
  const folder = dirname(file)
  if (!existsSync(folder))
    throw new AppError('WORKSPACE_FOLDER_MISSING', `The folder ${folder} does not exist (workspace ${file}). Check the path.`, { file, folder })
  if (!existsSync(file)) {
    if (!options.create) throw new AppError('WORKSPACE_MISSING', `There is no workspace at ${file}. Check the path.`, { file })
    if (!writable(folder)) throw readOnlyError(file)
    return false
  }
  const stats = statSync(file)
  if (stats.isDirectory()) throw new AppError('WORKSPACE_NOT_SQLITE', `${file} is a folder, not a KPI Loop workspace.`, { file })
  // A new workspace's first pages may still be in its write-ahead log; otherwise 0 bytes is no workspace.
  const wal = `${file}-wal`
  if (stats.size === 0 && !(existsSync(wal) && statSync(wal).size > 0)) throw emptyFileError(file)
  // WAL needs to create -wal and -shm files beside the workspace.
  if (options.access === 'write' && !(writable(file) && writable(folder))) throw readOnlyError(file)
  return true
}

function connect(file: string, options: OpenOptions, exists: boolean, limitMs: number, readOnly: boolean): Database.Database {
  const sqlite = new Database(file, { fileMustExist: exists, timeout: limitMs, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
  try {
    // On a full disk SQLite cannot size its shared-memory index: exclusive locking keeps the index in memory.
    if (readOnly) sqlite.pragma('locking_mode = EXCLUSIVE')
    sqlite.pragma(`query_only = ${readOnly ? 'ON' : 'OFF'}`)
    // The first read parses the header and the schema: a foreign, damaged or truncated file fails here.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
    return sqlite
  } catch (error) {
    sqlite.close()
    throw error
  }
}

const isDiskFull = (error: unknown, file: string) => {
  const mapped = workspaceError(error, file)
  return mapped instanceof AppError && mapped.code === 'DISK_FULL'
}

/**
 * Opens a workspace file and brings its schema up to date (after a backup of the file as it was).
 * What is not a workspace (missing, empty, foreign, damaged, from a newer KPI Loop) is refused
 * with a coded error naming the file, before anything is written to it.
 */
export function openWorkspace(file: string, options: OpenOptions): Workspace {
  // ':memory:' is a workspace of its own, gone when closed (a dry run with no workspace file).
  const exists = file !== ':memory:' && checkLocation(file, options)
  const folder = options.migrationsFolder ?? defaultMigrationsFolder()
  const limitMs = options.waitLimitMs ?? DEFAULT_WAIT_LIMIT_MS
  const state: WorkspaceState = { readOnly: null }
  let sqlite: Database.Database | undefined
  try {
    try {
      sqlite = connect(file, options, exists, limitMs, false)
    } catch (error) {
      if (!isDiskFull(error, file) || options.access === 'write' || !exists) throw error
      sqlite = connect(file, options, exists, limitMs, true)
      state.readOnly = 'disk-full'
    }
    const known = knownMigrationCount(folder)
    const applied = sqlite.pragma('user_version', { simple: true }) as number
    if (applied > known) {
      throw new AppError(
        'WORKSPACE_TOO_NEW',
        `${file} was written by a newer KPI Loop (schema ${applied}, this app knows ${known}). Update the app to open it.`,
        { file, applied, known }
      )
    }
    if (!state.readOnly) sqlite.pragma('journal_mode = WAL')
    // Every acknowledged edit is on disk before the call returns, even if the OS crashes or power fails.
    sqlite.pragma('synchronous = FULL')
    // A workspace of 10,000 KPIs × 20 revisions is ~100 MB: keep its hot pages in memory.
    sqlite.pragma('cache_size = -65536')
    sqlite.pragma('mmap_size = 268435456')
    sqlite.pragma('temp_store = MEMORY')
    const policy = { file, limitMs, sliceMs: WAIT_SLICE_MS, onWait: options.onWait, state }
    const transaction = writeTransactions(sqlite, policy)
    if (state.readOnly && applied < known) throw diskFullError(file)
    // user_version counts the migrations applied: an up-to-date workspace skips reading and hashing the migration files.
    const migration =
      applied < known
        ? migrateWorkspace(sqlite, { file, folder, transaction, now: (options.now ?? Date.now)(), backup: options.backupBeforeMigration !== false })
        : { from: applied, backup: null }
    sqlite.pragma('foreign_keys = ON')
    const db = drizzle({ client: sqlite, schema, casing: 'snake_case' })
    const opened = sqlite
    return {
      db,
      sqlite: opened,
      file,
      state,
      created: !exists,
      migration,
      transaction,
      whenWritable: (signal) => whenWritable(opened, policy, signal),
      explain: (error) => workspaceError(error, file, state),
      close: () => opened.close()
    }
  } catch (error) {
    sqlite?.close()
    if (isBusy(error)) throw new AppError('WORKSPACE_LOCKED', `The workspace ${file} is in use by another process.`, { file })
    throw workspaceError(error, file, state)
  }
}
