import { openWorkspace, type OpenOptions, type Workspace } from '../../db/open'
import { createMeasurementService } from './actuals/measurement-service'
import { createPullService } from './actuals/pull-service'
import { createAlertService } from './alerts/alert-service'
import { createAuditService } from './audit/audit-service'
import { createBackupService } from './backup/backup-service'
import { createBoardService } from './boards/board-service'
import type { WorkspaceWait } from '../domain/backup'
import type { ServiceDeps } from './context'
import { createEventBus, type EventBus } from './events/event-bus'
import { createKpiService } from './kpis/kpi-service'
import { createLifecycleService } from './lifecycle/lifecycle-service'
import { createNotesService } from './lifecycle/notes-service'
import { createLaunchPlanService } from './lifecycle/launch-plan-service'
import { createProposalService } from './proposals/proposal-service'
import { createAnalyzerReview } from './analyzer/review-service'
import { createEnvSecretStore, type SecretStore } from './secrets/secret-store'
import { createSettingsService } from './settings/settings-service'
import { createSourceService } from './sources/source-service'
import { createVersionService } from './versions/version-service'
import { createPrdPassages } from './prd-import/passages'

export interface CoreOptions extends OpenOptions {
  events?: EventBus
  /** The desktop app passes its keychain-backed store; the CLI and browser mode read env vars. */
  secrets?: SecretStore | ((sqlite: ServiceDeps['sqlite']) => SecretStore)
}

/** Opens a workspace and builds every core service over it. The shells own one Core each. */
export function createCore(file: string, options: CoreOptions) {
  const events = options.events ?? createEventBus()
  // Every shell hears when a write waits for another window or command (the CLI prints it, the UI shows it).
  const onWait = (wait: WorkspaceWait) => {
    options.onWait?.(wait)
    events.emit('workspace.waiting', wait)
  }
  const workspace: Workspace = openWorkspace(file, { ...options, onWait })
  const deps: ServiceDeps = {
    db: workspace.db,
    sqlite: workspace.sqlite,
    transaction: workspace.transaction,
    events,
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
  const pull = createPullService({ kpis, sources, measurements, events: deps.events, now: deps.now, whenWritable: workspace.whenWritable })
  const launchPlans = createLaunchPlanService({ ...deps, audit, boards, kpis })
  const lifecycle = createLifecycleService({ kpis, measurements, pull, versions, launchPlans, now: deps.now })
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
  const backups = createBackupService({
    ...deps,
    file: workspace.file,
    settings,
    audit,
    copy: { nativeBinding: options.nativeBinding, migrationsFolder: options.migrationsFolder }
  })
  const passages = createPrdPassages(deps)
  const analyzerReview = createAnalyzerReview({ boards, kpis, measurements, proposals, sources, pull, passages, settings, now: deps.now })
  return {
    file: workspace.file,
    workspace,
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
    launchPlans,
    notes,
    alerts,
    backups,
    passages,
    analyzerReview,
    /** Runs several service calls as one write transaction (theirs nest as savepoints). */
    transaction: <T>(fn: () => T): T => workspace.transaction(fn)(),
    close: () => workspace.close()
  }
}
export type Core = ReturnType<typeof createCore>
