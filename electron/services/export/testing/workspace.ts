import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openWorkspace, type Workspace } from '../../../../db/open'
import { board, kpi, kpiRevision } from '../../../../db/schema/workspace'
import type { ExportKpi } from '../../../domain/export'

/** A real migrated workspace file holding the given KPIs (same ids and revision ids), for link tests. */
export function workspaceWith(kpis: readonly ExportKpi[]): Workspace & { cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-export-'))
  const workspace = openWorkspace(join(dir, 'workspace.kpiloop'), { access: 'write', create: true })
  const now = Date.now()
  const boardId = workspace.db.insert(board).values({ name: 'AI 助手', createdAt: now, updatedAt: now }).returning({ id: board.id }).get().id
  for (const k of kpis) {
    workspace.db.insert(kpi).values({ id: k.id, boardId, code: k.code, createdAt: now }).run()
    const { id, revisionId, currentValue: _c, latestProposal: _p, versionLabel: _v, ...fields } = k
    workspace.db
      .insert(kpiRevision)
      .values({ ...fields, id: revisionId, kpiId: id, number: 1, kind: 'create', author: 'test', source: 'human', createdAt: now })
      .run()
  }
  return {
    ...workspace,
    cleanup() {
      workspace.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
