import { procedures, type Handlers } from '..'
import { backupFolder, listBackupFiles } from '../../../db/backup-files'
import { DEFAULT_BACKUP_SETTINGS } from '../../domain/backup'
import type { AppError } from '../../domain/errors'
import type { CopyOptions } from '../../services/backup/backup-copy'
import { restoreClosedWorkspace } from '../../services/backup/restore-closed'
import { createDispatcher, type Dispatch } from './dispatcher'
import type { ShellInfo } from './handlers'

/**
 * The procedures a workspace that cannot be opened (damaged, empty) still answers: its backups
 * can be listed and one restored in its place. Every other procedure answers the opening error.
 */
export function createRecoveryDispatcher(file: string, openError: AppError, options: ShellInfo & CopyOptions & { now?: () => number }): Dispatch {
  const refuse = () => {
    throw openError
  }
  const handlers = Object.fromEntries(Object.keys(procedures).map((name) => [name, refuse])) as unknown as Handlers
  return createDispatcher({
    ...handlers,
    'app.info': () => ({ version: options.version, mode: options.mode, systemLocale: options.systemLocale, workspace: file, readOnly: null }),
    'backup.settings': () => ({ ...DEFAULT_BACKUP_SETTINGS, folder: backupFolder(file) }),
    'backup.list': () => listBackupFiles(file),
    'backup.restore': ({ file: backup }) => restoreClosedWorkspace(file, backup, { ...options, now: (options.now ?? Date.now)() })
  })
}
