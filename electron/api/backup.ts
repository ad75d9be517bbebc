import * as z from '../domain/zod'
import { procedure, result } from './procedure'
import type { BackupSettings, BackupView, RestoreResult } from '../domain/backup'

const path = z.string().check(z.trim(), z.minLength(1), z.maxLength(4096))

export const backupProcedures = {
  'backup.settings': procedure({ input: z.strictObject({}), output: result<BackupSettings>() }),
  /** `intervalHours` 0 turns scheduled backups off. */
  'backup.configure': procedure({
    writes: true,
    input: z.strictObject({
      intervalHours: z.optional(z.int().check(z.gte(0), z.lte(24 * 30))),
      keep: z.optional(z.int().check(z.gte(1), z.lte(365)))
    }),
    output: result<BackupSettings>()
  }),
  'backup.list': procedure({ input: z.strictObject({}), output: result<BackupView[]>() }),
  /** A backup now, into the backups folder or to `out` (a new file). */
  'backup.create': procedure({ input: z.strictObject({ out: z.optional(path) }), output: result<BackupView>() }),
  /** Replaces the workspace's content with the backup's, after a backup of the workspace as it is. */
  'backup.restore': procedure({ writes: true, input: z.strictObject({ file: path }), output: result<RestoreResult>() })
}
