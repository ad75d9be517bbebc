import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../electron/domain/errors'
import * as schema from './schema'
import { shippedPath } from './shipped-path'

export type Db = BetterSQLite3Database<typeof schema>
export interface Workspace {
  db: Db
  sqlite: Database.Database
  file: string
  close(): void
}

export interface OpenOptions {
  /** Path of the better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  migrationsFolder?: string
}

export const defaultMigrationsFolder = (): string => shippedPath(import.meta.url, 'db/migrations')

interface Journal {
  entries: { idx: number; tag: string }[]
}

function knownMigrationCount(folder: string): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal
  return journal.entries.length
}

function assertWritable(file: string): void {
  const target = existsSync(file) ? file : dirname(file)
  try {
    accessSync(target, constants.W_OK)
    // WAL needs to create -wal and -shm files beside the workspace.
    accessSync(dirname(file), constants.W_OK)
  } catch {
    throw new AppError('WORKSPACE_READ_ONLY', `The workspace ${file} cannot be written (read-only file or folder).`, { file })
  }
}

function sqliteError(error: unknown, file: string): never {
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_NOTADB') throw new AppError('WORKSPACE_NOT_SQLITE', `${file} is not a KPI Loop workspace (not an SQLite database).`, { file })
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') throw new AppError('WORKSPACE_READ_ONLY', `The workspace ${file} cannot be written.`, { file })
  if (code === 'SQLITE_BUSY') throw new AppError('WORKSPACE_LOCKED', `The workspace ${file} is in use by another process.`, { file })
  throw error
}

function assertReferencesHold(sqlite: Database.Database, file: string): void {
  const broken = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
  if (broken.length === 0) return
  const first = broken[0]!
  throw new Error(`Upgrading ${file} left ${broken.length} broken reference(s), first ${first.table} row ${first.rowid} → ${first.parent}.`)
}

/**
 * Opens (creating if needed) a workspace file and brings its schema up to date.
 * A file from a newer KPI Loop is refused before anything is written to it.
 */
export function openWorkspace(file: string, options: OpenOptions = {}): Workspace {
  if (file !== ':memory:') assertWritable(file)
  const folder = options.migrationsFolder ?? defaultMigrationsFolder()
  const known = knownMigrationCount(folder)
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    const applied = sqlite.pragma('user_version', { simple: true }) as number
    if (applied > known) {
      throw new AppError(
        'WORKSPACE_TOO_NEW',
        `${file} was written by a newer KPI Loop (schema ${applied}, this app knows ${known}). Update the app to open it.`,
        { file, applied, known }
      )
    }
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('busy_timeout = 5000')
    // A workspace of 10,000 KPIs × 20 revisions is ~100 MB: keep its hot pages in memory.
    sqlite.pragma('cache_size = -65536')
    sqlite.pragma('mmap_size = 268435456')
    sqlite.pragma('temp_store = MEMORY')
    const db = drizzle({ client: sqlite, schema, casing: 'snake_case' })
    // A migration rebuilds a table the SQLite way (copy, drop, rename), which foreign keys refuse
    // half-way through; migrations run with them off, and their result is checked before any use.
    // user_version counts the migrations applied: an up-to-date workspace (every open but the first after
    // an upgrade) skips reading and hashing the migration files.
    if (applied < known) {
      sqlite.pragma('foreign_keys = OFF')
      migrate(db, { migrationsFolder: folder })
      assertReferencesHold(sqlite, file)
      sqlite.pragma(`user_version = ${known}`)
    }
    sqlite.pragma('foreign_keys = ON')
    const opened = sqlite
    return { db, sqlite: opened, file, close: () => opened.close() }
  } catch (error) {
    sqlite?.close()
    if (error instanceof AppError) throw error
    sqliteError(error, file)
  }
}
