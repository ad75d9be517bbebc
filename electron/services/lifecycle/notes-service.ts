import { desc, eq, sql } from 'drizzle-orm'
import { versionNote } from '../../../db/schema'
import type { VersionNoteView } from '../../domain/views'
import type { AuditService } from '../audit/audit-service'
import type { ServiceDeps } from '../context'

/**
 * Dev-review notes, launch plans and remarks. A note belongs to the next version cut of its
 * board: cutting a version attaches the notes written since the previous one.
 */
export function createNotesService(deps: ServiceDeps & { audit: AuditService }) {
  const { db, audit, now, transaction } = deps
  const insert = db
    .insert(versionNote)
    .values({
      boardId: sql.placeholder('boardId'),
      kind: sql.placeholder('kind'),
      body: sql.placeholder('body'),
      author: sql.placeholder('author'),
      createdAt: sql.placeholder('at')
    })
    .returning({ id: versionNote.id })
    .prepare()
  const list = db
    .select()
    .from(versionNote)
    .where(eq(versionNote.boardId, sql.placeholder('boardId')))
    .orderBy(desc(versionNote.id))
    .prepare()
  const get = db
    .select()
    .from(versionNote)
    .where(eq(versionNote.id, sql.placeholder('id')))
    .prepare()
  return {
    add(boardId: number, kind: VersionNoteView['kind'], body: string, actor: string): VersionNoteView {
      const id = transaction(() => {
        const noteId = insert.get({ boardId, kind, body, author: actor, at: now() })!.id
        audit.record({ actor, action: 'notes.add', boardId, summary: `Added ${kind} note (${body.length} characters)`, details: { kind } })
        return noteId
      })()
      return get.get({ id })!
    },
    list: (boardId: number): VersionNoteView[] => list.all({ boardId })
  }
}
export type NotesService = ReturnType<typeof createNotesService>
