import { statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../electron/domain/errors'
import { latestBackup } from './backup-files'

const sqliteCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}

export const isBusy = (error: unknown): boolean => sqliteCode(error)?.startsWith('SQLITE_BUSY') === true

/** Less than a megabyte left for the user: SQLite's I/O errors there mean the disk is full. */
export function diskIsFull(folder: string): boolean {
  try {
    const stats = statfsSync(folder)
    return stats.bavail * stats.bsize < 1 << 20
  } catch {
    return false
  }
}

const when = (at: number) => new Date(at).toISOString().slice(0, 16).replace('T', ' ')

export function damagedError(file: string): AppError {
  const backup = latestBackup(file)
  const offer = backup
    ? `The latest backup is ${backup.file} (made ${when(backup.at)} UTC): restore it in the app, or with kpiloop backup restore "${backup.file}".`
    : 'No backup of it was found beside it.'
  return new AppError('WORKSPACE_DAMAGED', `The workspace ${file} is damaged and cannot be read; nothing was changed. ${offer}`, {
    file,
    latestBackup: backup ?? null
  })
}

export function emptyFileError(file: string): AppError {
  const backup = latestBackup(file)
  const offer = backup ? ` The latest backup is ${backup.file} (made ${when(backup.at)} UTC).` : ''
  return new AppError(
    'WORKSPACE_EMPTY_FILE',
    `The workspace ${file} is an empty file (0 bytes), perhaps an interrupted copy; it was left as it is.${offer} Restore a backup, or delete the file to start a new workspace.`,
    { file, latestBackup: backup ?? null }
  )
}

export const diskFullError = (file: string): AppError =>
  new AppError('DISK_FULL', `The disk holding ${file} is full: the change was not saved. Free some space and try again; your boards can still be read.`, {
    file
  })

/**
 * What SQLite reports about the workspace file, in product words and naming the file; anything
 * else (a bug, a constraint a service did not expect) is returned as it was.
 */
export function workspaceError(error: unknown, file: string, state: { readOnly: 'disk-full' | null } = { readOnly: null }): unknown {
  const code = sqliteCode(error)
  if (!code) return error
  if (code === 'SQLITE_NOTADB') return new AppError('WORKSPACE_NOT_SQLITE', `${file} is not a KPI Loop workspace (not an SQLite database).`, { file })
  if (code.startsWith('SQLITE_CORRUPT')) return damagedError(file)
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && diskIsFull(dirname(file)))) return diskFullError(file)
  if (code.startsWith('SQLITE_READONLY')) return state.readOnly === 'disk-full' ? diskFullError(file) : readOnlyError(file)
  if (code === 'SQLITE_CANTOPEN') return readOnlyError(file)
  if (code.startsWith('SQLITE_BUSY')) return busyError(file)
  return error
}

export const busyError = (file: string, waitedMs?: number): AppError =>
  new AppError(
    'WORKSPACE_BUSY',
    `The workspace ${file} stayed busy${waitedMs ? ` for ${Math.round(waitedMs / 1000)} s` : ''}: another KPI Loop window or command kept writing to it. Nothing was saved; try again once it has finished.`,
    { file, ...(waitedMs ? { waitedMs } : {}) }
  )

export const readOnlyError = (file: string): AppError =>
  new AppError('WORKSPACE_READ_ONLY', `The workspace ${file} cannot be written (read-only file or folder).`, { file })
