import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/open'
import { exportLink } from '../../../db/schema/integrations'
import type { ExportTarget } from '../../domain/export'

/** Which external item a KPI was exported to, so that exporting again updates it. */
export interface ExportLink {
  kpiId: number
  target: ExportTarget
  /** Notion data source id, Jira project key or Trello board id. */
  container: string
  externalId: string
  externalUrl: string | null
  lastRevisionId: number | null
  exportedAt: number
}

export interface LinkStore {
  get(kpiId: number, target: ExportTarget, container: string): ExportLink | undefined
  /** Inserts or replaces the link of (kpiId, target, container). */
  put(link: ExportLink): void
  remove(kpiId: number, target: ExportTarget, container: string): void
}

export function createSqliteLinkStore(db: Db): LinkStore {
  const where = (kpiId: number, target: ExportTarget, container: string) =>
    and(eq(exportLink.kpiId, kpiId), eq(exportLink.target, target), eq(exportLink.container, container))
  return {
    get(kpiId, target, container) {
      const row = db
        .select()
        .from(exportLink)
        .where(where(kpiId, target, container))
        .get()
      if (!row) return undefined
      const { id: _id, ...link } = row
      return link
    },
    put(link) {
      const { externalId, externalUrl, lastRevisionId, exportedAt } = link
      db.insert(exportLink)
        .values(link)
        .onConflictDoUpdate({
          target: [exportLink.kpiId, exportLink.target, exportLink.container],
          set: { externalId, externalUrl, lastRevisionId, exportedAt }
        })
        .run()
    },
    remove(kpiId, target, container) {
      db.delete(exportLink)
        .where(where(kpiId, target, container))
        .run()
    }
  }
}
