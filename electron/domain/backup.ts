/** Why a backup was made; pre-migration, pre-restore and damaged copies are never pruned. */
export const BACKUP_REASONS = ['scheduled', 'manual', 'pre-migration', 'pre-restore', 'damaged'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

export interface BackupView {
  file: string
  reason: BackupReason
  /** When it was made (epoch ms), read from its name. */
  at: number
  bytes: number
}

export interface BackupSettings {
  /** Where the app's backups are kept: a `backups` folder beside the workspace. */
  folder: string
  /** Hours between scheduled backups while the app runs; 0 turns them off. */
  intervalHours: number
  /** Scheduled backups kept; older ones are deleted. */
  keep: number
}

export const DEFAULT_BACKUP_SETTINGS = { intervalHours: 24, keep: 10 } as const

/** The core is waiting for another KPI Loop window or command to finish writing. */
export interface WorkspaceWait {
  waitedMs: number
  limitMs: number
}

/** How the open workspace can be used: read-only when the disk was full at open. */
export interface WorkspaceState {
  readOnly: 'disk-full' | null
}

export interface RestoreResult {
  restored: string
  /** The workspace as it was before the restore (null: there was no file to keep). */
  safetyCopy: BackupView | null
}
