import { openWorkspace, type OpenOptions, type Workspace } from '../../db/open'
import { createMeasurementService } from './actuals/measurement-service'
import { createPullService } from './actuals/pull-service'
import { createAlertService } from './alerts/alert-service'
import { createAuditService } from './audit/audit-service'
import { createBoardService } from './boards/board-service'
import type { ServiceDeps } from './context'
import { createEventBus, type EventBus } from './events/event-bus'
import { createKpiService } from './kpis/kpi-service'
import { createLifecycleService } from './lifecycle/lifecycle-service'
import { createNotesService } from './lifecycle/notes-service'
import { createProposalService } from './proposals/proposal-service'
import { createAnalyzerReview } from './analyzer/review-service'
import { createEnvSecretStore, type SecretStore } from './secrets/secret-store'
import { createSettingsService } from './settings/settings-service'
import { createSourceService } from './sources/source-service'
import { createVersionService } from './versions/version-service'

export interface CoreOptions extends OpenOptions {
  now?: () => number
  events?: EventBus
  /** The desktop app passes its keychain-backed store; the CLI and browser mode read env vars. */
  secrets?: SecretStore | ((sqlite: ServiceDeps['sqlite']) => SecretStore)
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
  const secrets = typeof options.secrets === 'function' ? options.secrets(workspace.sqlite) : (options.secrets ?? createEnvSecretStore())
  const audit = createAuditService(deps)
  const settings = createSettingsService(deps)
  const boards = createBoardService({ ...deps, audit })
  const sources = createSourceService({ ...deps, audit, secrets })
  const kpis = createKpiService({ ...deps, audit, formulaGuard: (fields) => sources.guardFormula(fields.formula, fields.dataSource) })
  const versions = createVersionService({ ...deps, audit, boards, kpis })
  const measurements = createMeasurementService({ ...deps, audit, kpis })
  const pull = createPullService({ kpis, sources, measurements, events: deps.events, now: deps.now })
  const lifecycle = createLifecycleService({ kpis, measurements, pull, versions, now: deps.now })
  const proposals = createProposalService({ ...deps, audit, kpis, gates: lifecycle.checklistFor })
  const notes = createNotesService({ ...deps, audit })
  const alerts = createAlertService({ ...deps, kpis, measurements })
  // New actual values are checked for alerts once their transaction has committed.
  deps.events.onAny((name, payload) => {
    if (name === 'actuals.changed') {
      const { boardId, kpiIds } = payload as { boardId: number; kpiIds: number[] }
      alerts.evaluate(boardId, kpiIds)
    }
  })
  const analyzerReview = createAnalyzerReview({ kpis, measurements, proposals, sources, pull, now: deps.now })
  return {
    file: workspace.file,
    deps,
    now: deps.now,
    events: deps.events,
    secrets,
    settings,
    audit,
    boards,
    kpis,
    versions,
    measurements,
    sources,
    pull,
    proposals,
    lifecycle,
    notes,
    alerts,
    analyzerReview,
    /** Runs several service calls as one transaction (better-sqlite3 nests them as savepoints). */
    transaction: <T>(fn: () => T): T => workspace.sqlite.transaction(fn)(),
    close: () => workspace.close()
  }
}
export type Core = ReturnType<typeof createCore>
