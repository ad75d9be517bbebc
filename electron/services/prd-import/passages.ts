import { and, desc, eq, inArray } from 'drizzle-orm'
import { kpi, prdImport, prdPassage } from '../../../db/schema'
import { MAX_PASSAGE_CHARS } from '../../domain/prd-candidates'
import type { ServiceDeps } from '../context'

export interface PassageItem {
  kpiId: number
  lines: { start: number; end: number }
  text: string
}

export interface KpiPassage {
  text: string
  fileName: string
  lines: { start: number; end: number }
}

/**
 * The PRD passage each imported KPI came from, stored with its import (append-only) and read back by the draft
 * review, the analyzer's and the assistant's, so that both work from the document's own words.
 */
export function createPrdPassages(deps: Pick<ServiceDeps, 'db' | 'now'>) {
  const { db, now } = deps
  return {
    /** Records one committed import and its passages; runs inside the commit's transaction. */
    record(boardId: number, fileName: string, actor: string, items: PassageItem[]): number {
      const { id } = db.insert(prdImport).values({ boardId, fileName, actor, importedAt: now() }).returning({ id: prdImport.id }).get()
      const rows = items
        .filter((item) => item.text.trim())
        .map((item) => ({ importId: id, kpiId: item.kpiId, lineStart: item.lines.start, lineEnd: item.lines.end, text: item.text.slice(0, MAX_PASSAGE_CHARS) }))
      if (rows.length) db.insert(prdPassage).values(rows).run()
      return id
    },

    /** The latest passage of each KPI of a board (optionally only some KPIs), with the document it came from. */
    latest(boardId: number, kpiIds?: number[]): Map<number, KpiPassage> {
      const rows = db
        .select({ kpiId: prdPassage.kpiId, text: prdPassage.text, lineStart: prdPassage.lineStart, lineEnd: prdPassage.lineEnd, fileName: prdImport.fileName })
        .from(prdPassage)
        .innerJoin(prdImport, eq(prdImport.id, prdPassage.importId))
        .innerJoin(kpi, eq(kpi.id, prdPassage.kpiId))
        .where(and(eq(kpi.boardId, boardId), kpiIds ? inArray(prdPassage.kpiId, kpiIds) : undefined))
        .orderBy(desc(prdPassage.id))
        .all()
      const latest = new Map<number, KpiPassage>()
      for (const row of rows) {
        if (!latest.has(row.kpiId)) latest.set(row.kpiId, { text: row.text, fileName: row.fileName, lines: { start: row.lineStart, end: row.lineEnd } })
      }
      return latest
    }
  }
}
export type PrdPassages = ReturnType<typeof createPrdPassages>
