import { openWorkspace, type OpenOptions, type Workspace } from '../../db/open'
import { createMeasurementService } from './actuals/measurement-service'
import { createPullService } from './actuals/pull-service'
import { createCurrentCount } from './actuals/current-count'
import { createSeriesService } from './actuals/series-service'
import { createValuePages } from './actuals/value-pages'
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
import type { ReviewOutcome, ReviewRequest } from './analyzer/review-service'
import { createEnvSecretStore, type SecretStore } from './secrets/secret-store'
import { createSettingsService } from './settings/settings-service'
import { createBoardColumnsService } from './boards/board-columns'
import { createSourceService } from './sources/source-service'
import { createVersionService } from './versions/version-service'
import { createPrdPassages } from './prd-import/passages'

export interface CoreOptions extends OpenOptions {
  events?: EventBus
  /** The desktop app passes its keychain-backed store; the CLI and browser mode read env vars. */
  secrets?: SecretStore | ((sqlite: ServiceDeps['sqlite']) => SecretStore)
}

/** The value of `make`, made on the first call and kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => (made ??= { value: make() }).value
}

/** Opens a workspace and the core services over it. The shells own one Core each. */
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
  // Each service is built (its statements prepared) on first use: a CLI command that lists a board builds the
  // two or three services it calls, not all twenty.
  const secrets = once(() => (typeof options.secrets === 'function' ? options.secrets(workspace.sqlite) : (options.secrets ?? createEnvSecretStore())))
  const audit = once(() => createAuditService(deps))
  const settings = once(() => createSettingsService(deps))
  const boards = once(() => createBoardService({ ...deps, audit: audit() }))
  const boardColumns = once(() => createBoardColumnsService({ ...deps, settings: settings(), boards: boards() }))
  const sources = once(() => createSourceService({ ...deps, audit: audit(), secrets: secrets() }))
  const kpis = once(() => createKpiService({ ...deps, audit: audit(), formulaGuard: (fields) => sources().guardFormula(fields.formula, fields.dataSource) }))
  const versions = once(() => createVersionService({ ...deps, audit: audit(), boards: boards(), kpis: kpis() }))
  const measurements = once(() => createMeasurementService({ ...deps, audit: audit(), kpis: kpis() }))
  const pull = once(() =>
    createPullService({
      kpis: kpis(),
      sources: sources(),
      measurements: measurements(),
      events: deps.events,
      now: deps.now,
      whenWritable: workspace.whenWritable
    })
  )
  const launchPlans = once(() => createLaunchPlanService({ ...deps, audit: audit(), boards: boards(), kpis: kpis() }))
  const lifecycle = once(() =>
    createLifecycleService({ kpis: kpis(), measurements: measurements(), pull: pull(), versions: versions(), launchPlans: launchPlans(), now: deps.now })
  )
  const proposals = once(() => createProposalService({ ...deps, audit: audit(), kpis: kpis(), gates: lifecycle().checklistFor }))
  const notes = once(() => createNotesService({ ...deps, audit: audit() }))
  const alerts = once(() => createAlertService({ ...deps, kpis: kpis(), measurements: measurements() }))
  // New actual values are checked for alerts once their transaction has committed.
  deps.events.onAny((name, payload) => {
    if (name === 'actuals.changed') {
      const { boardId, kpiIds } = payload as { boardId: number; kpiIds: number[] }
      alerts().evaluate(boardId, kpiIds)
    }
  })
  const backups = once(() =>
    createBackupService({
      ...deps,
      file: workspace.file,
      settings: settings(),
      audit: audit(),
      copy: { nativeBinding: options.nativeBinding, migrationsFolder: options.migrationsFolder }
    })
  )
  const passages = once(() => createPrdPassages(deps))
  const currentCount = once(() => createCurrentCount(deps))
  const series = once(() => createSeriesService({ ...deps, currentCount: currentCount() }))
  const valuePages = once(() => createValuePages({ ...deps, currentCount: currentCount() }))
  // The offline analyzer (statistics, every stage's rules) loads with the first review, not with every command.
  const analyzerReview = once(async () =>
    (await import('./analyzer/review-service')).createAnalyzerReview({
      boards: boards(),
      kpis: kpis(),
      measurements: measurements(),
      proposals: proposals(),
      sources: sources(),
      pull: pull(),
      passages: passages(),
      settings: settings(),
      now: deps.now
    })
  )
  return {
    file: workspace.file,
    workspace,
    deps,
    now: deps.now,
    events: deps.events,
    get secrets() {
      return secrets()
    },
    get settings() {
      return settings()
    },
    get audit() {
      return audit()
    },
    get boards() {
      return boards()
    },
    get boardColumns() {
      return boardColumns()
    },
    get kpis() {
      return kpis()
    },
    get versions() {
      return versions()
    },
    get measurements() {
      return measurements()
    },
    /** Chart-ready series and table pages of a KPI's values, read without loading every row. */
    get series() {
      return series()
    },
    get valuePages() {
      return valuePages()
    },
    get sources() {
      return sources()
    },
    get pull() {
      return pull()
    },
    get proposals() {
      return proposals()
    },
    get lifecycle() {
      return lifecycle()
    },
    get launchPlans() {
      return launchPlans()
    },
    get notes() {
      return notes()
    },
    get alerts() {
      return alerts()
    },
    get backups() {
      return backups()
    },
    get passages() {
      return passages()
    },
    analyzerReview: async (
      request: ReviewRequest,
      options?: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void }
    ): Promise<ReviewOutcome> => (await analyzerReview())(request, options),
    /** Runs several service calls as one write transaction (theirs nest as savepoints). */
    transaction: <T>(fn: () => T): T => workspace.transaction(fn)(),
    close: () => workspace.close()
  }
}
export type Core = ReturnType<typeof createCore>
