import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm'
import { auditLog, type AuditEntry } from '../../../db/schema'
import type { AuditView } from '../../domain/views'
import type { ServiceDeps } from '../context'

export interface AuditEntryInput {
  actor: string
  action: string
  boardId?: number | null
  kpiId?: number | null
  summary: string
  details?: Record<string, unknown>
}

export interface AuditQuery {
  boardId?: number
  kpiId?: number
  limit: number
  beforeId?: number
}

/** The audit log: one row per mutation, written inside the mutation's own transaction. */
export function createAuditService({ db, now }: Pick<ServiceDeps, 'db' | 'now'>) {
  const insert = db
    .insert(auditLog)
    .values({
      at: sql.placeholder('at'),
      actor: sql.placeholder('actor'),
      action: sql.placeholder('action'),
      boardId: sql.placeholder('boardId'),
      kpiId: sql.placeholder('kpiId'),
      summary: sql.placeholder('summary'),
      // Bound as the JSON text itself: the column's own encoder would store an absent detail as the text 'null'.
      details: sql`${sql.placeholder('details')}`
    })
    .prepare()
  const toView = (row: AuditEntry): AuditView => ({ ...row, details: row.details ?? null })

  return {
    record(entry: AuditEntryInput): void {
      insert.run({
        at: now(),
        actor: entry.actor,
        action: entry.action,
        boardId: entry.boardId ?? null,
        kpiId: entry.kpiId ?? null,
        summary: entry.summary,
        details: entry.details ? JSON.stringify(entry.details) : null
      })
    },
    list(query: AuditQuery): AuditView[] {
      const where: SQL[] = []
      if (query.boardId !== undefined) where.push(eq(auditLog.boardId, query.boardId))
      if (query.kpiId !== undefined) where.push(eq(auditLog.kpiId, query.kpiId))
      if (query.beforeId !== undefined) where.push(lt(auditLog.id, query.beforeId))
      return db
        .select()
        .from(auditLog)
        .where(and(...where))
        .orderBy(desc(auditLog.id))
        .limit(query.limit)
        .all()
        .map(toView)
    }
  }
}
export type AuditService = ReturnType<typeof createAuditService>
