import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { board, boardVersion, kpiHead, kpiRevision } from '../../../db/schema'
import type { BoardView } from '../../domain/views'
import type { AuditService } from '../audit/audit-service'
import type { ServiceDeps } from '../context'
import type { Stage } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import { inferLanguage, type BoardLanguage } from '../../domain/board-language'

export function createBoardService(deps: ServiceDeps & { audit: AuditService }) {
  const { db, events, audit, now, transaction } = deps
  const live = isNull(board.deletedAt)
  const byId = sql.placeholder('id')
  const stmt = {
    list: db
      .select()
      .from(board)
      .where(live)
      .orderBy(sql`${board.name} COLLATE NOCASE`)
      .prepare(),
    get: db
      .select()
      .from(board)
      .where(and(eq(board.id, byId), live))
      .prepare(),
    byName: db
      .select()
      .from(board)
      .where(and(eq(board.name, sql.placeholder('name')), live))
      .prepare(),
    insert: db
      .insert(board)
      .values({
        name: sql.placeholder('name'),
        description: sql.placeholder('description'),
        language: sql`${sql.placeholder('language')}`,
        createdAt: sql.placeholder('at'),
        updatedAt: sql.placeholder('at')
      })
      .returning({ id: board.id })
      .prepare(),
    rename: db
      .update(board)
      .set({ name: sql`${sql.placeholder('name')}`, updatedAt: sql`${sql.placeholder('at')}` })
      .where(eq(board.id, byId))
      .prepare(),
    setLanguage: db
      .update(board)
      .set({ language: sql`${sql.placeholder('language')}`, updatedAt: sql`${sql.placeholder('at')}` })
      .where(eq(board.id, byId))
      .prepare(),
    // Enough of a board's KPI text to tell its language; a huge board is not read whole for it.
    kpiTexts: db
      .select({ name: kpiRevision.name, description: kpiRevision.description })
      .from(kpiHead)
      .innerJoin(kpiRevision, eq(kpiRevision.id, kpiHead.revisionId))
      .where(eq(kpiHead.boardId, byId))
      .limit(200)
      .prepare(),
    remove: db
      .update(board)
      .set({ deletedAt: sql`${sql.placeholder('at')}`, updatedAt: sql`${sql.placeholder('at')}` })
      .where(eq(board.id, byId))
      .prepare(),
    stages: db
      .select({ stage: kpiRevision.stage, n: count() })
      .from(kpiHead)
      .innerJoin(kpiRevision, eq(kpiRevision.id, kpiHead.revisionId))
      .where(eq(kpiHead.boardId, byId))
      .groupBy(kpiRevision.stage)
      .prepare(),
    latestVersion: db
      .select({ label: boardVersion.label })
      .from(boardVersion)
      .where(eq(boardVersion.boardId, byId))
      .orderBy(desc(boardVersion.id))
      .limit(1)
      .prepare()
  }
  type BoardRow = typeof board.$inferSelect

  function toView(row: BoardRow): BoardView {
    const stageCounts: Partial<Record<Stage, number>> = {}
    let kpiCount = 0
    for (const { stage, n } of stmt.stages.all({ id: row.id })) {
      stageCounts[stage] = n
      if (stage !== 'retired') kpiCount += n
    }
    const latest = stmt.latestVersion.get({ id: row.id })
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      kpiCount,
      stageCounts,
      latestVersion: latest?.label ?? null,
      language: languageOf(row),
      languageSet: row.language !== null
    }
  }

  function languageOf(row: BoardRow): BoardLanguage {
    return row.language ?? inferLanguage(stmt.kpiTexts.all({ id: row.id }).flatMap((kpi) => [kpi.name, kpi.description]))
  }

  function row(boardId: number): BoardRow {
    const found = stmt.get.get({ id: boardId })
    if (!found) throw new AppError('BOARD_NOT_FOUND', `Board ${boardId} does not exist.`, { boardId })
    return found
  }

  function assertNameFree(name: string, self: number | null): void {
    const other = stmt.byName.get({ name })
    if (other && other.id !== self) throw new AppError('DUPLICATE_BOARD', `A board named "${name}" already exists.`, { name })
  }

  const createTx = transaction((name: string, description: string, language: BoardLanguage | null, actor: string): number => {
    assertNameFree(name, null)
    const at = now()
    const id = stmt.insert.get({ name, description, language, at })!.id
    audit.record({ actor, action: 'board.create', boardId: id, summary: `Created board ${name}`, details: { name } })
    return id
  })
  const renameTx = transaction((boardId: number, name: string, actor: string) => {
    const before = row(boardId)
    if (before.name === name) return
    assertNameFree(name, boardId)
    stmt.rename.run({ name, at: now(), id: boardId })
    audit.record({ actor, action: 'board.rename', boardId, summary: `Renamed board ${before.name} → ${name}`, details: { from: before.name, to: name } })
  })
  const languageTx = transaction((boardId: number, language: BoardLanguage, actor: string) => {
    const before = row(boardId)
    if (before.language === language) return
    stmt.setLanguage.run({ language, at: now(), id: boardId })
    const from = before.language ?? `${languageOf(before)}, inferred`
    audit.record({
      actor,
      action: 'board.language',
      boardId,
      summary: `Set the language of board ${before.name}: ${from} → ${language}`,
      details: { from: before.language, to: language }
    })
  })
  const deleteTx = transaction((boardId: number, actor: string) => {
    const before = row(boardId)
    stmt.remove.run({ at: now(), id: boardId })
    audit.record({ actor, action: 'board.delete', boardId, summary: `Deleted board ${before.name}`, details: { name: before.name } })
  })

  return {
    list: (): BoardView[] => stmt.list.all().map(toView),
    get: (boardId: number): BoardView => toView(row(boardId)),
    /** Refuses a board that does not exist, without counting its KPIs as the view does (a large board's open reads it). */
    require: (boardId: number): void => void row(boardId),
    /** Boards are addressed by name in the CLI. */
    resolve(name: string): number {
      const found = stmt.byName.get({ name })
      if (!found) throw new AppError('BOARD_NOT_FOUND', `No board named "${name}".`, { name })
      return found.id
    },
    /** `language`: the creator's UI language; without one the board's language is read from its KPIs. */
    create(name: string, description: string, actor: string, language: BoardLanguage | null = null): BoardView {
      const id = createTx(name.trim(), description, language, actor)
      events.emit('board.changed', { boardId: id })
      return toView(row(id))
    },
    rename(boardId: number, name: string, actor: string): BoardView {
      renameTx(boardId, name.trim(), actor)
      events.emit('board.changed', { boardId })
      return toView(row(boardId))
    },
    /** The language the board's stage prompts, launch notices and analyzer texts are written in. */
    language: (boardId: number): BoardLanguage => languageOf(row(boardId)),
    setLanguage(boardId: number, language: BoardLanguage, actor: string): BoardView {
      languageTx(boardId, language, actor)
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
