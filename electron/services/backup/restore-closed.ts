import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { backupFileName } from '../../../db/backup-files'
import type { BackupView } from '../../domain/backup'
import { AppError } from '../../domain/errors'
import { stageBackup, type CopyOptions } from './backup-copy'

/** Opening failed in a way a backup repairs: the file is there, but is not a readable workspace. */
export const isRecoverable = (error: unknown): error is AppError =>
  error instanceof AppError && (error.code === 'WORKSPACE_DAMAGED' || error.code === 'WORKSPACE_EMPTY_FILE')

/**
 * Restores a workspace that cannot be opened (damaged or empty): the backup is staged and
 * checked first, the unreadable file and its write-ahead log are moved, as they are, into the
 * backups folder, and the staged copy takes their place in one rename.
 */
export async function restoreClosedWorkspace(
  file: string,
  backupFile: string,
  options: CopyOptions & { now: number }
): Promise<{ restored: string; safetyCopy: BackupView | null }> {
  const staging = `${backupFileName(file, 'pre-restore', options.now)}.staging`
  await stageBackup(backupFile, staging, options)
  let safetyCopy: BackupView | null = null
  if (existsSync(file)) {
    const kept = backupFileName(file, 'damaged', options.now)
    renameSync(file, kept)
    if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${kept}-wal`)
    rmSync(`${file}-shm`, { force: true })
    safetyCopy = { file: kept, reason: 'damaged', at: options.now, bytes: statSync(kept).size }
  }
  renameSync(staging, file)
  return { restored: backupFile, safetyCopy }
}
