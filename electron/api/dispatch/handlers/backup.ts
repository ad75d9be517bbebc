import type { HandlersOf } from '../..'
import type { backupProcedures } from '../../backup'
import type { Core } from '../../../services/core'

export function backupHandlers({ backups }: Core): HandlersOf<typeof backupProcedures> {
  return {
    'backup.settings': () => backups.settings(),
    'backup.configure': (change, { actor }) => backups.configure(change, actor),
    'backup.list': () => backups.list(),
    'backup.create': ({ out }) => backups.create(out),
    'backup.restore': ({ file }, { actor }) => backups.restore(file, actor)
  }
}
