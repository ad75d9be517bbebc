import { and, count, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm'
import { auditLog, type AuditEntry } from '../../../db/schema'
import type { AuditPage, AuditView } from '../../domain/views'
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

/** What the audit drawer filters by; every filter is optional and they all hold at once. */
export interface AuditSearch {
  boardId: number
  kpiId?: number
  actor?: string
  /** An action ('kpi.edit') or a family of them ('kpi.'). */
  action?: string
  /** Epoch ms, from inclusive, to exclusive. */
  from?: number
  to?: number
  offset: number
  limit: number
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
    },
    /** One page of a board's log, filtered in the database (a log grows with every edit), with the filters' choices. */
    search(query: AuditSearch): AuditPage {
      const onBoard = eq(auditLog.boardId, query.boardId)
      const where: (SQL | undefined)[] = [onBoard]
      if (query.kpiId !== undefined) where.push(eq(auditLog.kpiId, query.kpiId))
      if (query.actor !== undefined) where.push(eq(auditLog.actor, query.actor))
      if (query.action !== undefined)
        where.push(query.action.endsWith('.') ? like(auditLog.action, `${query.action.replace(/[%_]/g, '')}%`) : eq(auditLog.action, query.action))
      if (query.from !== undefined) where.push(gte(auditLog.at, query.from))
      if (query.to !== undefined) where.push(lt(auditLog.at, query.to))
      const filter = and(...where)
      const entries = db.select().from(auditLog).where(filter).orderBy(desc(auditLog.id)).limit(query.limit).offset(query.offset).all().map(toView)
      const total = db.select({ n: count() }).from(auditLog).where(filter).get()!.n
      const distinct = (column: typeof auditLog.actor | typeof auditLog.action) =>
        db
          .selectDistinct({ v: column })
          .from(auditLog)
          .where(onBoard)
          .orderBy(column)
          .all()
          .map((r) => r.v)
      return { entries, total, actors: distinct(auditLog.actor), actions: distinct(auditLog.action) }
    }
  }
}
export type AuditService = ReturnType<typeof createAuditService>
