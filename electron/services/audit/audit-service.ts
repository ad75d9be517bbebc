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

interface AuditRow {
  id: number
  at: number
  actor: string
  action: string
  board_id: number | null
  kpi_id: number | null
  summary: string
  details: string | null
}

export interface AuditQuery {
  boardId?: number
  kpiId?: number
  limit: number
  beforeId?: number
}

/** The audit log: one row per mutation, written inside the mutation's own transaction. */
export function createAuditService({ sqlite, now }: Pick<ServiceDeps, 'sqlite' | 'now'>) {
  const insert = sqlite.prepare('INSERT INTO audit_log (at, actor, action, board_id, kpi_id, summary, details) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const toView = (row: AuditRow): AuditView => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    boardId: row.board_id,
    kpiId: row.kpi_id,
    summary: row.summary,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null
  })

  return {
    record(entry: AuditEntryInput): void {
      insert.run(
        now(),
        entry.actor,
        entry.action,
        entry.boardId ?? null,
        entry.kpiId ?? null,
        entry.summary,
        entry.details ? JSON.stringify(entry.details) : null
      )
    },
    list(query: AuditQuery): AuditView[] {
      const where: string[] = []
      const params: number[] = []
      if (query.boardId !== undefined) {
        where.push('board_id = ?')
        params.push(query.boardId)
      }
      if (query.kpiId !== undefined) {
        where.push('kpi_id = ?')
        params.push(query.kpiId)
      }
      if (query.beforeId !== undefined) {
        where.push('id < ?')
        params.push(query.beforeId)
      }
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`
      return (sqlite.prepare(sql).all(...params, query.limit) as AuditRow[]).map(toView)
    }
  }
}
export type AuditService = ReturnType<typeof createAuditService>
