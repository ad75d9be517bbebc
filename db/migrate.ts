import type Database from 'better-sqlite3'
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { backupFileName } from './backup-files'
import type { WriteTransaction } from './write-transaction'

// drizzle-kit's own bookkeeping table, so that its tools keep reading our workspaces.
const TABLE = '__drizzle_migrations'

function pending(sqlite: Database.Database, migrations: MigrationMeta[]): MigrationMeta[] {
  if (!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '${TABLE}'`).get()) return migrations
  const last = sqlite.prepare(`SELECT created_at AS at FROM ${TABLE} ORDER BY created_at DESC LIMIT 1`).get() as { at: number } | undefined
  return migrations.filter((m) => !last || Number(last.at) < m.folderMillis)
}

function assertReferencesHold(sqlite: Database.Database, file: string): void {
  const broken = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
  if (broken.length === 0) return
  const first = broken[0]!
  throw new Error(`Upgrading ${file} left ${broken.length} broken reference(s), first ${first.table} row ${first.rowid} → ${first.parent}.`)
}

export interface MigrationOutcome {
  /** The schema the file had (its number of migrations); equal to the current one when nothing ran. */
  from: number
  /** The copy of the file as it was, made before it was upgraded. */
  backup: string | null
}

/**
 * Brings the schema up to date in one write transaction, after a copy of the file as it was
 * (VACUUM INTO: open is synchronous and nothing else uses this connection yet).
 */
export function migrateWorkspace(
  sqlite: Database.Database,
  { file, folder, transaction, now, backup: backupFirst }: { file: string; folder: string; transaction: WriteTransaction; now: number; backup: boolean }
): MigrationOutcome {
  const migrations = readMigrationFiles({ migrationsFolder: folder })
  const from = migrations.length - pending(sqlite, migrations).length
  if (from === migrations.length) return { from, backup: null }
  let backup: string | null = null
  if (from > 0 && backupFirst && file !== ':memory:') {
    backup = backupFileName(file, 'pre-migration', now)
    mkdirSync(dirname(backup), { recursive: true })
    sqlite.prepare('VACUUM INTO ?').run(backup)
  }
  // Rebuilding a table the SQLite way (copy, drop, rename) trips foreign keys half-way through;
  // they are off while migrating, and the result is checked before the transaction commits.
  sqlite.pragma('foreign_keys = OFF')
  try {
    const ran = transaction(() => {
      // Under the lock: another window or command may have upgraded the file meanwhile.
      const todo = pending(sqlite, migrations)
      if (todo.length === 0) return false
      sqlite.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`)
      const record = sqlite.prepare(`INSERT INTO ${TABLE} (hash, created_at) VALUES (?, ?)`)
      for (const migration of todo) {
        for (const statement of migration.sql) sqlite.exec(statement)
        record.run(migration.hash, migration.folderMillis)
      }
      assertReferencesHold(sqlite, file)
      sqlite.pragma(`user_version = ${migrations.length}`)
      return true
    })()
    if (!ran && backup) rmSync(backup, { force: true })
    return { from, backup: ran ? backup : null }
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
}
