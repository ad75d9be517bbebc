import { openWorkspace, type OpenOptions, type Workspace } from '../../db/open'
import { createAuditService } from './audit/audit-service'
import { createBoardService } from './boards/board-service'
import type { ServiceDeps } from './context'
import { createEventBus, type EventBus } from './events/event-bus'
import { createKpiService } from './kpis/kpi-service'
import { createVersionService } from './versions/version-service'

export interface CoreOptions extends OpenOptions {
  now?: () => number
  events?: EventBus
}

/** Opens a workspace and builds every core service over it. The shells own one Core each. */
export function createCore(file: string, options: CoreOptions = {}) {
  const workspace: Workspace = openWorkspace(file, options)
  const deps: ServiceDeps = {
    db: workspace.db,
    sqlite: workspace.sqlite,
    events: options.events ?? createEventBus(),
    now: options.now ?? Date.now
  }
  const audit = createAuditService(deps)
  const boards = createBoardService({ ...deps, audit })
  const kpis = createKpiService({ ...deps, audit })
  const versions = createVersionService({ ...deps, audit, boards, kpis })
  return {
    file: workspace.file,
    deps,
    events: deps.events,
    audit,
    boards,
    kpis,
    versions,
    /** Runs several service calls as one transaction (better-sqlite3 nests them as savepoints). */
    transaction: <T>(fn: () => T): T => workspace.sqlite.transaction(fn)(),
    close: () => workspace.close()
  }
}
export type Core = ReturnType<typeof createCore>
