import type { boardVersion } from '../../../db/schema'
import type { SqlRow } from '../../../db/sql-row'
import type { KpiView, VersionDiff, VersionView } from '../../domain/views'
import type { AuditService } from '../audit/audit-service'
import type { BoardService } from '../boards/board-service'
import type { ServiceDeps } from '../context'
import { AppError } from '../../domain/errors'
import type { KpiService } from '../kpis/kpi-service'
import { rowToFields, rowToKpiView, type RevisionRow } from '../kpis/revision-row'
import { boardStage, suggestLabel } from './labels'
import { diffPins, type Pin } from './version-diff'

type VersionRow = SqlRow<typeof boardVersion> & { kpi_count: number }

export const CURRENT = 'current'

export function createVersionService(deps: ServiceDeps & { audit: AuditService; boards: BoardService; kpis: KpiService }) {
  const { sqlite, events, audit, boards, kpis, now, transaction } = deps
  const stmt = {
    list: sqlite.prepare(
      'SELECT v.*, (SELECT COUNT(*) FROM board_version_item i WHERE i.version_id = v.id) AS kpi_count FROM board_version v WHERE v.board_id = ? ORDER BY v.id'
    ),
    byLabel: sqlite.prepare(
      'SELECT v.*, (SELECT COUNT(*) FROM board_version_item i WHERE i.version_id = v.id) AS kpi_count FROM board_version v WHERE v.board_id = ? AND v.label = ?'
    ),
    insert: sqlite.prepare('INSERT INTO board_version (board_id, label, note, author, created_at) VALUES (?, ?, ?, ?, ?)'),
    pinLive: sqlite.prepare(
      `INSERT INTO board_version_item (version_id, kpi_id, revision_id)
       SELECT ?, k.kpi_id, k.revision_id FROM kpi_head k JOIN kpi_revision r ON r.id = k.revision_id
       WHERE k.board_id = ? AND r.stage != 'retired'`
    ),
    pins: sqlite.prepare(
      'SELECT i.kpi_id AS kpiId, i.revision_id AS revisionId, r.code, r.name FROM board_version_item i JOIN kpi_revision r ON r.id = i.revision_id WHERE i.version_id = ?'
    ),
    currentPins: sqlite.prepare(
      `SELECT k.kpi_id AS kpiId, k.revision_id AS revisionId, r.code, r.name FROM kpi_head k JOIN kpi_revision r ON r.id = k.revision_id
       WHERE k.board_id = ? AND r.stage != 'retired'`
    ),
    pinnedRows: sqlite.prepare(
      'SELECT r.*, k.board_id FROM board_version_item i JOIN kpi_revision r ON r.id = i.revision_id JOIN kpi k ON k.id = i.kpi_id WHERE i.version_id = ? ORDER BY k.id'
    ),
    revisionRow: sqlite.prepare('SELECT * FROM kpi_revision WHERE id = ?'),
    attachNotes: sqlite.prepare('UPDATE version_note SET version_id = ? WHERE board_id = ? AND version_id IS NULL'),
    revisionRows: sqlite.prepare('SELECT * FROM kpi_revision WHERE id IN (SELECT value FROM json_each(?))')
  }

  const toView = (row: VersionRow): VersionView => ({
    id: row.id,
    boardId: row.board_id,
    label: row.label,
    note: row.note,
    author: row.author,
    createdAt: row.created_at,
    kpiCount: row.kpi_count
  })

  function version(boardId: number, label: string): VersionRow {
    boards.get(boardId)
    const row = stmt.byLabel.get(boardId, label) as VersionRow | undefined
    if (!row) throw new AppError('VERSION_NOT_FOUND', `Board version ${label} does not exist.`, { label })
    return row
  }

  function pins(boardId: number, label: string): Pin[] {
    if (label === CURRENT) return stmt.currentPins.all(boardId) as Pin[]
    return stmt.pins.all(version(boardId, label).id) as Pin[]
  }

  const fieldsOf = (revisionId: number) => rowToFields(stmt.revisionRow.get(revisionId) as RevisionRow)

  function suggest(boardId: number): string {
    const board = boards.get(boardId)
    const labels = (stmt.list.all(boardId) as VersionRow[]).map((v) => v.label)
    return suggestLabel(boardStage(board.stageCounts), labels)
  }

  const cutTx = transaction((boardId: number, label: string, note: string, actor: string): number => {
    if (label.toLowerCase() === CURRENT || stmt.byLabel.get(boardId, label)) {
      throw new AppError('DUPLICATE_LABEL', `Board version ${label} already exists.`, { label })
    }
    const id = Number(stmt.insert.run(boardId, label, note, actor, now()).lastInsertRowid)
    const pinned = stmt.pinLive.run(id, boardId).changes
    stmt.attachNotes.run(id, boardId)
    audit.record({ actor, action: 'version.cut', boardId, summary: `Cut version ${label} (${pinned} KPIs)`, details: { label, kpis: pinned } })
    return id
  })

  const restoreTx = transaction((boardId: number, label: string, reason: string, actor: string) => {
    const wanted = new Map(pins(boardId, label).map((p) => [p.kpiId, p.revisionId]))
    const current = new Map(pins(boardId, CURRENT).map((p) => [p.kpiId, p.revisionId]))
    const options = { actor, source: 'rollback' as const, reason: reason || `Restored board version ${label}` }
    let restored = 0
    let unchanged = 0
    let retired = 0
    for (const [kpiId, revisionId] of wanted) {
      const before = kpis.get(kpiId).revisionId
      if (current.get(kpiId) !== revisionId) kpis.edit(kpiId, fieldsOf(revisionId), options, 'restore')
      if (kpis.get(kpiId).revisionId !== before) restored++
      else unchanged++
    }
    for (const kpiId of current.keys()) {
      if (wanted.has(kpiId)) continue
      kpis.retire(kpiId, options)
      retired++
    }
    audit.record({ actor, action: 'version.restore', boardId, summary: `Restored board to ${label}`, details: { label, restored, retired, unchanged } })
    return { restored, retired, unchanged }
  })

  return {
    list(boardId: number): VersionView[] {
      boards.require(boardId)
      return (stmt.list.all(boardId) as VersionRow[]).map(toView)
    },
    suggest,
    cut(boardId: number, input: { label?: string; note?: string }, actor: string): VersionView {
      boards.get(boardId)
      const label = input.label?.trim() || suggest(boardId)
      cutTx(boardId, label, input.note ?? '', actor)
      events.emit('version.changed', { boardId })
      return toView(version(boardId, label))
    },
    get: (boardId: number, label: string): VersionView => toView(version(boardId, label)),
    kpis(boardId: number, label: string): KpiView[] {
      const rows = stmt.pinnedRows.all(version(boardId, label).id) as (RevisionRow & { board_id: number })[]
      return rows.map(rowToKpiView)
    },
    diff(boardId: number, from: string, to: string): VersionDiff {
      const rowsOf = (ids: number[]) => new Map((stmt.revisionRows.all(JSON.stringify(ids)) as RevisionRow[]).map((r) => [r.id, r]))
      return diffPins(from, to, pins(boardId, from), pins(boardId, to), rowsOf)
    },
    restore(boardId: number, label: string, reason: string, actor: string) {
      const outcome = restoreTx(boardId, label, reason, actor)
      events.emit('version.changed', { boardId })
      return outcome
    }
  }
}
export type VersionService = ReturnType<typeof createVersionService>
