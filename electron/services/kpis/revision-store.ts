import type { KpiView, RevisionView } from '../../domain/views'
import type { ServiceDeps } from '../context'
import type { KpiFields } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import type { AcceptedEdit } from '../../domain/proposal'
import { INSERT_REVISION_SQL, kpiView, revisionParams, rowToFields, rowToKpiView, rowToRevision, type RevisionMeta, type RevisionRow } from './revision-row'

export interface HeadRow {
  id: number
  kpiId: number
  boardId: number
  number: number
  major: number
  author: string
  createdAt: number
  fields: KpiFields
}

type HeadSqlRow = RevisionRow & { board_id: number }

const HEAD_FROM = 'kpi_head k JOIN kpi_revision r ON r.id = k.revision_id'
const HEAD_SQL = `SELECT r.*, k.board_id FROM ${HEAD_FROM}`

/** Prepared statements over kpi and kpi_revision: the hot path of every KPI read and write. */
export function createRevisionStore({ sqlite }: Pick<ServiceDeps, 'sqlite'>) {
  const stmt = {
    board: sqlite.prepare('SELECT id FROM board WHERE id = ? AND deleted_at IS NULL'),
    head: sqlite.prepare(`${HEAD_SQL} WHERE k.kpi_id = ?`),
    boardLive: sqlite.prepare(`${HEAD_SQL} WHERE k.board_id = ? AND r.stage != 'retired' ORDER BY k.kpi_id`),
    boardAll: sqlite.prepare(`${HEAD_SQL} WHERE k.board_id = ? ORDER BY k.kpi_id`),
    // Keyset pages in the same order as the whole list: a seek past the last id, never an OFFSET. The unary + keeps
    // SQLite off the (board, code) index, which would join and sort the whole board for one page; it walks ids instead.
    pageLive: sqlite.prepare(`${HEAD_SQL} WHERE +k.board_id = ? AND k.kpi_id > ? AND r.stage != 'retired' ORDER BY k.kpi_id LIMIT ?`),
    pageAll: sqlite.prepare(`${HEAD_SQL} WHERE +k.board_id = ? AND k.kpi_id > ? ORDER BY k.kpi_id LIMIT ?`),
    countLive: sqlite.prepare(`SELECT COUNT(*) AS n FROM ${HEAD_FROM} WHERE k.board_id = ? AND r.stage != 'retired'`),
    countAll: sqlite.prepare('SELECT COUNT(*) AS n FROM kpi WHERE board_id = ?'),
    codeOwner: sqlite.prepare('SELECT id FROM kpi WHERE board_id = ? AND code = ?'),
    createKpi: sqlite.prepare('INSERT INTO kpi (board_id, code, created_at) VALUES (?, ?, ?)'),
    insertRevision: sqlite.prepare(INSERT_REVISION_SQL),
    // The code is written only when it changed: touching it rewrites the (board, code) index too.
    recode: sqlite.prepare('UPDATE kpi SET code = ? WHERE id = ? AND code != ?'),
    // With the edits a user made to an accepted proposal, so the history can say it was accepted with changes.
    history: sqlite.prepare(
      'SELECT r.*, p.accepted_edits FROM kpi_revision r LEFT JOIN proposal p ON p.id = r.proposal_id WHERE r.kpi_id = ? ORDER BY r.number'
    ),
    revision: sqlite.prepare('SELECT * FROM kpi_revision WHERE kpi_id = ? AND number = ?')
  }

  const toHead = (row: HeadSqlRow): HeadRow => ({
    id: row.id,
    kpiId: row.kpi_id,
    boardId: row.board_id,
    number: row.number,
    major: row.major,
    author: row.author,
    createdAt: row.created_at,
    fields: rowToFields(row)
  })

  return {
    requireBoard(boardId: number): void {
      if (!stmt.board.get(boardId)) throw new AppError('BOARD_NOT_FOUND', `Board ${boardId} does not exist.`, { boardId })
    },
    head(kpiId: number): HeadRow {
      const row = stmt.head.get(kpiId) as HeadSqlRow | undefined
      if (!row) throw new AppError('KPI_NOT_FOUND', `KPI ${kpiId} does not exist.`, { kpiId })
      return toHead(row)
    },
    view(head: HeadRow): KpiView {
      return kpiView(head.fields, {
        kpiId: head.kpiId,
        boardId: head.boardId,
        revisionId: head.id,
        number: head.number,
        major: head.major,
        createdAt: head.createdAt,
        author: head.author
      })
    },
    listBoard(boardId: number, includeRetired: boolean): KpiView[] {
      return ((includeRetired ? stmt.boardAll : stmt.boardLive).all(boardId) as HeadSqlRow[]).map(rowToKpiView)
    },
    /** Up to `limit` KPIs after the id `after`, in id order, and one more to tell whether another page follows. */
    pageBoard(boardId: number, includeRetired: boolean, after: number, limit: number): KpiView[] {
      return ((includeRetired ? stmt.pageAll : stmt.pageLive).all(boardId, after, limit) as HeadSqlRow[]).map(rowToKpiView)
    },
    countBoard(boardId: number, includeRetired: boolean): number {
      return ((includeRetired ? stmt.countAll : stmt.countLive).get(boardId) as { n: number }).n
    },
    resolveCode(boardId: number, code: string): number {
      const row = stmt.codeOwner.get(boardId, code) as { id: number } | undefined
      if (!row) throw new AppError('KPI_NOT_FOUND', `No KPI with code ${code} on this board.`, { code })
      return row.id
    },
    assertCodeFree(boardId: number, code: string, self: number | null): void {
      const row = stmt.codeOwner.get(boardId, code) as { id: number } | undefined
      if (row && row.id !== self) throw new AppError('DUPLICATE_CODE', `Code ${code} is already used on this board.`, { code })
    },
    createIdentity(boardId: number, code: string, createdAt: number): number {
      return Number(stmt.createKpi.run(boardId, code, createdAt).lastInsertRowid)
    },
    insert(boardId: number, fields: KpiFields, meta: RevisionMeta): KpiView {
      const id = Number(stmt.insertRevision.run(...revisionParams(fields, meta)).lastInsertRowid)
      stmt.recode.run(fields.code, meta.kpiId, fields.code)
      return kpiView(fields, {
        kpiId: meta.kpiId,
        boardId,
        revisionId: id,
        number: meta.number,
        major: meta.major,
        createdAt: meta.createdAt,
        author: meta.author
      })
    },
    history(kpiId: number): RevisionView[] {
      const rows = stmt.history.all(kpiId) as (RevisionRow & { accepted_edits: string | null })[]
      if (rows.length === 0) throw new AppError('KPI_NOT_FOUND', `KPI ${kpiId} does not exist.`, { kpiId })
      return rows.map((row) => {
        const revision = rowToRevision(row)
        if (row.accepted_edits) revision.acceptedEdits = JSON.parse(row.accepted_edits) as AcceptedEdit[]
        return revision
      })
    },
    revision(kpiId: number, number: number): KpiFields {
      const row = stmt.revision.get(kpiId, number) as RevisionRow | undefined
      if (!row) throw new AppError('REVISION_NOT_FOUND', `Revision ${number} of KPI ${kpiId} does not exist.`, { kpiId, number })
      return rowToFields(row)
    }
  }
}
export type RevisionStore = ReturnType<typeof createRevisionStore>
