import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { openWorkspace, type OpenOptions } from '../../../db/open'
import { workspaceError } from '../../../db/workspace-errors'
import { AppError } from '../../domain/errors'

/** What opening a copy needs from the core's own options (Electron's SQLite build, the migrations). */
export type CopyOptions = Pick<OpenOptions, 'nativeBinding' | 'migrationsFolder'>

const binding = (options: CopyOptions) => (options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})

/** A database file with the write-ahead log and index SQLite may keep beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true })
}

function unusableBackup(error: unknown, backupFile: string): unknown {
  const code = (error as { code?: string }).code
  if (code === 'WORKSPACE_DAMAGED')
    return new AppError(code, `The backup ${backupFile} is damaged and cannot be restored; the workspace was not changed.`, { file: backupFile })
  if (code === 'WORKSPACE_NOT_SQLITE')
    return new AppError(code, `${backupFile} is not a KPI Loop workspace or backup; the workspace was not changed.`, { file: backupFile })
  if (code === 'WORKSPACE_TOO_NEW')
    return new AppError(code, `The backup ${backupFile} was made by a newer KPI Loop; update the app to restore it.`, { file: backupFile })
  return error
}

/** A few MB per step keeps the app answering while it copies; a copy restarted by another writer finishes in one. */
function stepper() {
  let last = Infinity
  return ({ totalPages, remainingPages }: { totalPages: number; remainingPages: number }) => {
    const restarted = remainingPages > last
    last = remainingPages
    return restarted ? totalPages : 1024
  }
}

/**
 * Copies a live database with SQLite's online backup API into `target`, a self-contained file
 * (rollback journal, no -wal beside it). It appears under its name only once complete.
 */
export async function onlineCopy(source: Database.Database, target: string, options: CopyOptions, whole = false): Promise<void> {
  const partial = `${target}.partial`
  mkdirSync(dirname(target), { recursive: true })
  try {
    await source.backup(partial, { progress: whole ? () => Number.MAX_SAFE_INTEGER : stepper() })
    const copy = new Database(partial, binding(options))
    copy.pragma('journal_mode = DELETE')
    copy.close()
    renameSync(partial, target)
  } catch (error) {
    rmSync(partial, { force: true })
    throw workspaceError(error, target)
  }
}

/**
 * Turns a backup into a whole workspace of the current schema at `staging`: copied, checked page
 * by page, upgraded. The backup itself is never modified.
 */
export async function stageBackup(backupFile: string, staging: string, options: CopyOptions): Promise<void> {
  if (!existsSync(backupFile)) throw new AppError('BACKUP_NOT_FOUND', `There is no backup at ${backupFile}.`, { file: backupFile })
  let source: Database.Database | undefined
  try {
    source = new Database(backupFile, { readonly: true, fileMustExist: true, ...binding(options) })
    source.prepare('SELECT count(*) FROM sqlite_master').get()
    await onlineCopy(source, staging, options, true)
    const copy = openWorkspace(staging, {
      access: 'write',
      backupBeforeMigration: false,
      nativeBinding: options.nativeBinding,
      migrationsFolder: options.migrationsFolder
    })
    const check = copy.sqlite.pragma('quick_check', { simple: true })
    copy.close()
    if (check !== 'ok') throw new AppError('WORKSPACE_DAMAGED', 'quick_check failed')
  } catch (error) {
    removeDatabaseFiles(staging)
    throw unusableBackup(workspaceError(error, backupFile), backupFile)
  } finally {
    source?.close()
  }
}
