import { existsSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { BACKUP_REASONS, type BackupReason, type BackupView } from '../electron/domain/backup'

/**
 * Backups live in a `backups` folder beside the workspace, so that they can be found when the
 * workspace itself cannot be read. Names carry the workspace, the moment (UTC) and the reason.
 */
export const backupFolder = (workspaceFile: string): string => join(dirname(workspaceFile), 'backups')

const stem = (workspaceFile: string) => basename(workspaceFile, extname(workspaceFile))
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const stamp = (at: number) => new Date(at).toISOString().replace(/:/g, '-').replace('.', '-')

export function backupFileName(workspaceFile: string, reason: BackupReason, at: number): string {
  return join(backupFolder(workspaceFile), `${stem(workspaceFile)}-${stamp(at)}-${reason}.kpiloop`)
}

function parseName(workspaceFile: string, name: string): { at: number; reason: BackupReason } | null {
  const pattern = new RegExp(
    `^${escape(stem(workspaceFile))}-(\\d{4}-\\d\\d-\\d\\dT\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d{3})Z-(${BACKUP_REASONS.join('|')})\\.kpiloop$`
  )
  const match = pattern.exec(name)
  if (!match) return null
  const [, day, minutes, seconds, ms, reason] = match
  const at = Date.parse(`${day}:${minutes}:${seconds}.${ms}Z`)
  return Number.isNaN(at) ? null : { at, reason: reason as BackupReason }
}

/** The workspace's backups, newest first. */
export function listBackupFiles(workspaceFile: string): BackupView[] {
  const folder = backupFolder(workspaceFile)
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .flatMap((name) => {
      const parsed = parseName(workspaceFile, name)
      return parsed ? [{ file: join(folder, name), ...parsed, bytes: statSync(join(folder, name)).size }] : []
    })
    .sort((a, b) => b.at - a.at)
}

/** The newest backup that holds a whole workspace (a damaged file's copy does not). */
export function latestBackup(workspaceFile: string): BackupView | undefined {
  return listBackupFiles(workspaceFile).find((backup) => backup.reason !== 'damaged')
}
