import { dialog } from 'electron'
import { createRuntime, type Runtime, type RuntimeOptions } from '../api/dispatch/runtime'
import type { BackupView } from '../domain/backup'
import { isRecoverable, restoreClosedWorkspace } from '../services/backup/restore-closed'
import { backupMessages } from '../../renderer/src/features/backup/i18n'

/** The user chose to quit rather than restore: nothing more to say. */
export class RestoreDeclined extends Error {}

/**
 * Opens the workspace. A damaged or empty one is left as it is and its latest backup offered;
 * the backup replaces it only when the user says so (the unreadable file is kept in the backups folder).
 */
export async function openRuntime(options: RuntimeOptions, locale: string): Promise<Runtime> {
  for (;;) {
    try {
      return await createRuntime(options)
    } catch (error) {
      const backup = isRecoverable(error) ? (error.details?.latestBackup as BackupView | null) : null
      if (!backup) throw error
      // The window's own words, in the OS language (the window may not have loaded yet).
      const text = (locale.toLowerCase().startsWith('zh') ? backupMessages.zhCN : backupMessages.en).backup
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'KPI Loop',
        message: text.unreadable,
        detail: (error as Error).message,
        buttons: [text.restoreBackupOf.replace('{{when}}', new Date(backup.at).toLocaleString(locale)), text.quit],
        defaultId: 0,
        cancelId: 1,
        noLink: true
      })
      if (response !== 0) throw new RestoreDeclined()
      await restoreClosedWorkspace(options.file, backup.file, { ...options, now: Date.now() })
    }
  }
}
