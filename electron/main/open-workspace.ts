import { dialog } from 'electron'
import { createRuntime, type Runtime, type RuntimeOptions } from '../api/dispatch/runtime'
import type { BackupView } from '../domain/backup'
import { isRecoverable, restoreClosedWorkspace } from '../services/backup/restore-closed'

const TEXTS = {
  en: {
    unreadable: 'KPI Loop cannot read its workspace',
    restore: (at: string) => `Restore the backup of ${at}`,
    quit: 'Quit'
  },
  zh: {
    unreadable: 'KPI Loop 无法读取工作区',
    restore: (at: string) => `恢复 ${at} 的备份`,
    quit: '退出'
  }
}

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
      const text = locale.toLowerCase().startsWith('zh') ? TEXTS.zh : TEXTS.en
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'KPI Loop',
        message: text.unreadable,
        detail: (error as Error).message,
        buttons: [text.restore(new Date(backup.at).toLocaleString(locale)), text.quit],
        defaultId: 0,
        cancelId: 1,
        noLink: true
      })
      if (response !== 0) throw new RestoreDeclined()
      await restoreClosedWorkspace(options.file, backup.file, { ...options, now: Date.now() })
    }
  }
}
