import type { VersionNoteView } from '../../domain/views'
import type { AuditService } from '../audit/audit-service'
import type { ServiceDeps } from '../context'

interface Row {
  id: number
  version_id: number | null
  board_id: number
  kind: VersionNoteView['kind']
  body: string
  author: string
  created_at: number
}

/**
 * Dev-review notes, launch plans and remarks. A note belongs to the next version cut of its
 * board: cutting a version attaches the notes written since the previous one.
 */
export function createNotesService(deps: ServiceDeps & { audit: AuditService }) {
  const { sqlite, audit, now, transaction } = deps
  const insert = sqlite.prepare('INSERT INTO version_note (board_id, kind, body, author, created_at) VALUES (?, ?, ?, ?, ?)')
  const list = sqlite.prepare('SELECT * FROM version_note WHERE board_id = ? ORDER BY id DESC')
  const get = sqlite.prepare('SELECT * FROM version_note WHERE id = ?')
  const toView = (r: Row): VersionNoteView => ({
    id: r.id,
    boardId: r.board_id,
    versionId: r.version_id,
    kind: r.kind,
    body: r.body,
    author: r.author,
    createdAt: r.created_at
  })
  return {
    add(boardId: number, kind: VersionNoteView['kind'], body: string, actor: string): VersionNoteView {
      const id = transaction(() => {
        const noteId = Number(insert.run(boardId, kind, body, actor, now()).lastInsertRowid)
        audit.record({ actor, action: 'notes.add', boardId, summary: `Added ${kind} note (${body.length} characters)` })
        return noteId
      })()
      return toView(get.get(id) as Row)
    },
    list: (boardId: number): VersionNoteView[] => (list.all(boardId) as Row[]).map(toView)
  }
}
export type NotesService = ReturnType<typeof createNotesService>
