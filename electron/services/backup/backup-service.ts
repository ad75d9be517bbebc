import Database from 'better-sqlite3'
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs'
import { backupFileName, backupFolder, listBackupFiles } from '../../../db/backup-files'
import { DEFAULT_BACKUP_SETTINGS, type BackupReason, type BackupSettings, type BackupView } from '../../domain/backup'
import { AppError } from '../../domain/errors'
import type { AuditService } from '../audit/audit-service'
import type { ServiceDeps } from '../context'
import type { SettingsService } from '../settings/settings-service'
import { onlineCopy, removeDatabaseFiles, stageBackup, type CopyOptions } from './backup-copy'

export interface BackupDeps extends Pick<ServiceDeps, 'sqlite' | 'transaction' | 'events' | 'now'> {
  file: string
  settings: SettingsService
  audit: AuditService
  copy: CopyOptions
}

const SETTING = 'backup'
/** Copies the app makes and prunes; the others (manual, pre-migration, pre-restore) stay until the user deletes them. */
const PRUNED: BackupReason[] = ['scheduled']

/** Backups of the open workspace: made online (the app keeps working), listed, pruned, restored. */
export function createBackupService(deps: BackupDeps) {
  const { sqlite, file, events, now } = deps
  const view = (target: string, reason: BackupReason, at: number): BackupView => ({ file: target, reason, at, bytes: statSync(target).size })

  function settings(): BackupSettings {
    const stored = deps.settings.get<Partial<BackupSettings>>(SETTING) ?? {}
    return { ...DEFAULT_BACKUP_SETTINGS, ...stored, folder: backupFolder(file) }
  }

  function prune(): void {
    const { keep } = settings()
    for (const old of listBackupFiles(file)
      .filter((b) => PRUNED.includes(b.reason))
      .slice(keep))
      rmSync(old.file, { force: true })
  }

  /** A name no other backup has: two backups within the same millisecond get the next one. */
  function freshName(reason: BackupReason): { target: string; at: number } {
    let at = now()
    while (existsSync(backupFileName(file, reason, at))) at += 1
    return { target: backupFileName(file, reason, at), at }
  }

  async function create(reason: BackupReason, out?: string): Promise<BackupView> {
    if (out && existsSync(out)) throw new AppError('VALIDATION', `${out} already exists; choose a new file name for the backup.`, { file: out })
    const { target, at } = out ? { target: out, at: now() } : freshName(reason)
    await onlineCopy(sqlite, target, deps.copy)
    if (PRUNED.includes(reason)) prune()
    events.emit('backup.changed', {})
    return view(target, reason, at)
  }

  /** A damaged workspace cannot be copied page by page: its bytes are kept as they are. */
  async function safetyCopy(): Promise<BackupView> {
    try {
      return await create('pre-restore')
    } catch (error) {
      if ((error as AppError).code !== 'WORKSPACE_DAMAGED') throw error
      const { target, at } = freshName('damaged')
      copyFileSync(file, target)
      if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${target}-wal`)
      return view(target, 'damaged', at)
    }
  }

  return {
    settings,
    configure(change: { intervalHours?: number; keep?: number }, actor: string): BackupSettings {
      const { folder: _folder, ...current } = settings()
      const next = { ...current, ...change }
      deps.transaction(() => {
        deps.settings.set(SETTING, next)
        deps.audit.record({
          actor,
          action: 'backup.configure',
          summary: `Backups every ${next.intervalHours} h, ${next.keep} kept`,
          details: { intervalHours: next.intervalHours, keep: next.keep }
        })
      })()
      events.emit('backup.changed', {})
      return settings()
    },
    list: (): BackupView[] => listBackupFiles(file),
    create: (out?: string) => create('manual', out),
    /** Makes the scheduled backup when the last one is older than the interval. Returns it, or null. */
    async runSchedule(): Promise<BackupView | null> {
      const { intervalHours } = settings()
      if (intervalHours <= 0) return null
      const last = listBackupFiles(file).find((b) => b.reason === 'scheduled' || b.reason === 'manual')
      if (last && now() - last.at < intervalHours * 3_600_000) return null
      return create('scheduled')
    },
    /**
     * Replaces the workspace's content with a backup's, upgraded to the current schema, after a
     * copy of the workspace as it is now. Other windows and commands see the restored content.
     */
    async restore(backupFile: string, actor: string): Promise<{ restored: string; safetyCopy: BackupView }> {
      const staging = `${freshName('pre-restore').target}.staging`
      try {
        await stageBackup(backupFile, staging, deps.copy)
        const safety = await safetyCopy()
        const source = new Database(staging, { readonly: true, ...(deps.copy.nativeBinding ? { nativeBinding: deps.copy.nativeBinding } : {}) })
        try {
          // One step: the workspace never shows half of the backup.
          await source.backup(file, { progress: () => Number.MAX_SAFE_INTEGER })
        } finally {
          source.close()
        }
        deps.audit.record({
          actor,
          action: 'backup.restore',
          summary: `Restored ${backupFile}; the previous workspace is kept at ${safety.file}`,
          details: { file: backupFile }
        })
        events.emit('board.changed', { boardId: null })
        events.emit('backup.changed', {})
        return { restored: backupFile, safetyCopy: safety }
      } finally {
        removeDatabaseFiles(staging)
      }
    }
  }
}
export type BackupService = ReturnType<typeof createBackupService>
