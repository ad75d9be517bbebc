import { z } from 'zod'
import { procedure, result } from './procedure'
import type { BackupSettings, BackupView, RestoreResult } from '../domain/backup'

const path = z.string().trim().min(1).max(4096)

export const backupProcedures = {
  'backup.settings': procedure({ input: z.strictObject({}), output: result<BackupSettings>() }),
  /** `intervalHours` 0 turns scheduled backups off. */
  'backup.configure': procedure({
    writes: true,
    input: z.strictObject({
      intervalHours: z
        .number()
        .int()
        .min(0)
        .max(24 * 30)
        .optional(),
      keep: z.number().int().min(1).max(365).optional()
    }),
    output: result<BackupSettings>()
  }),
  'backup.list': procedure({ input: z.strictObject({}), output: result<BackupView[]>() }),
  /** A backup now, into the backups folder or to `out` (a new file). */
  'backup.create': procedure({ input: z.strictObject({ out: path.optional() }), output: result<BackupView>() }),
  /** Replaces the workspace's content with the backup's, after a backup of the workspace as it is. */
  'backup.restore': procedure({ writes: true, input: z.strictObject({ file: path }), output: result<RestoreResult>() })
}
