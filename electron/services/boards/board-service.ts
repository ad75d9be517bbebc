import type { BoardView } from '../../domain/views'
import type { AuditService } from '../audit/audit-service'
import type { ServiceDeps } from '../context'
import type { Stage } from '../../domain/kpi'
import { AppError } from '../../domain/errors'

interface BoardRow {
  id: number
  name: string
  description: string
  created_at: number
  updated_at: number
}

export function createBoardService(deps: ServiceDeps & { audit: AuditService }) {
  const { sqlite, events, audit, now, transaction } = deps
  const stmt = {
    list: sqlite.prepare('SELECT * FROM board WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE'),
    get: sqlite.prepare('SELECT * FROM board WHERE id = ? AND deleted_at IS NULL'),
    byName: sqlite.prepare('SELECT * FROM board WHERE name = ? AND deleted_at IS NULL'),
    insert: sqlite.prepare('INSERT INTO board (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    rename: sqlite.prepare('UPDATE board SET name = ?, updated_at = ? WHERE id = ?'),
    remove: sqlite.prepare('UPDATE board SET deleted_at = ?, updated_at = ? WHERE id = ?'),
    stages: sqlite.prepare(
      'SELECT r.stage AS stage, COUNT(*) AS n FROM kpi_head k JOIN kpi_revision r ON r.id = k.revision_id WHERE k.board_id = ? GROUP BY r.stage'
    ),
    latestVersion: sqlite.prepare('SELECT label FROM board_version WHERE board_id = ? ORDER BY id DESC LIMIT 1')
  }

  function toView(row: BoardRow): BoardView {
    const stageCounts: Partial<Record<Stage, number>> = {}
    let kpiCount = 0
    for (const { stage, n } of stmt.stages.all(row.id) as { stage: Stage; n: number }[]) {
      stageCounts[stage] = n
      if (stage !== 'retired') kpiCount += n
    }
    const latest = stmt.latestVersion.get(row.id) as { label: string } | undefined
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      kpiCount,
      stageCounts,
      latestVersion: latest?.label ?? null
    }
  }

  function row(boardId: number): BoardRow {
    const found = stmt.get.get(boardId) as BoardRow | undefined
    if (!found) throw new AppError('BOARD_NOT_FOUND', `Board ${boardId} does not exist.`, { boardId })
    return found
  }

  function assertNameFree(name: string, self: number | null): void {
    const other = stmt.byName.get(name) as BoardRow | undefined
    if (other && other.id !== self) throw new AppError('DUPLICATE_BOARD', `A board named "${name}" already exists.`, { name })
  }

  const createTx = transaction((name: string, description: string, actor: string): number => {
    assertNameFree(name, null)
    const at = now()
    const id = Number(stmt.insert.run(name, description, at, at).lastInsertRowid)
    audit.record({ actor, action: 'board.create', boardId: id, summary: `Created board ${name}` })
    return id
  })
  const renameTx = transaction((boardId: number, name: string, actor: string) => {
    const before = row(boardId)
    if (before.name === name) return
    assertNameFree(name, boardId)
    stmt.rename.run(name, now(), boardId)
    audit.record({ actor, action: 'board.rename', boardId, summary: `Renamed board ${before.name} → ${name}`, details: { from: before.name, to: name } })
  })
  const deleteTx = transaction((boardId: number, actor: string) => {
    const before = row(boardId)
    stmt.remove.run(now(), now(), boardId)
    audit.record({ actor, action: 'board.delete', boardId, summary: `Deleted board ${before.name}` })
  })

  return {
    list: (): BoardView[] => (stmt.list.all() as BoardRow[]).map(toView),
    get: (boardId: number): BoardView => toView(row(boardId)),
    /** Boards are addressed by name in the CLI. */
    resolve(name: string): number {
      const found = stmt.byName.get(name) as BoardRow | undefined
      if (!found) throw new AppError('BOARD_NOT_FOUND', `No board named "${name}".`, { name })
      return found.id
    },
    create(name: string, description: string, actor: string): BoardView {
      const id = createTx(name.trim(), description, actor)
      events.emit('board.changed', { boardId: id })
      return toView(row(id))
    },
    rename(boardId: number, name: string, actor: string): BoardView {
      renameTx(boardId, name.trim(), actor)
      events.emit('board.changed', { boardId })
      return toView(row(boardId))
    },
    delete(boardId: number, actor: string): void {
      deleteTx(boardId, actor)
      events.emit('board.changed', { boardId })
    }
  }
}
export type BoardService = ReturnType<typeof createBoardService>
