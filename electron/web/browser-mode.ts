import { seedFirstRun } from '../../resources/first-run'
import { startPullScheduler } from '../services/actuals/pull-scheduler'
import { createRuntime } from '../api/dispatch/runtime'
import { startBackupScheduler } from '../services/backup/backup-scheduler'
import { startLaunchScheduler } from '../services/lifecycle/launch-scheduler'
import { currentActor } from '../services/workspace-path'
import { startWebServer } from './server'

export interface BrowserModeOptions {
  workspaceFile: string
  /** Make the workspace when the file does not exist yet (its folder must). */
  create: boolean
  staticDir: string
  port?: number
  /** Seed the sample board into a brand-new workspace (default true, as the desktop app does). */
  sample?: boolean
  /** Pull actuals and make backups on schedule while serving (default true). */
  schedule?: boolean
  systemLocale?: string
  version?: string
}

/** Opens the workspace and serves the UI and the procedures; `close()` stops both. */
export async function startBrowserMode(options: BrowserModeOptions) {
  const runtime = await createRuntime({
    file: options.workspaceFile,
    create: options.create,
    mode: 'web',
    version: options.version ?? '0.1.0',
    systemLocale: options.systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    onFirstRun: options.sample === false ? undefined : seedFirstRun
  })
  try {
    const server = await startWebServer({ runtime, staticDir: options.staticDir, port: options.port, actor: currentActor() })
    const core = runtime.core
    const schedulers =
      options.schedule === false
        ? null
        : {
            pulls: startPullScheduler({
              ...core,
              actor: 'scheduled pull',
              onError: (error) => console.error('Scheduled pull failed:', (error as Error).message)
            }),
            backups: startBackupScheduler(core.backups, (error) => console.error('Scheduled backup failed:', (error as Error).message)),
            launches: startLaunchScheduler({
              ...core,
              actor: 'launch plan',
              onError: (error) => console.error('Launch plan move failed:', (error as Error).message)
            })
          }
    const stopServer = server.close
    // Assigned, not spread: `url` is a getter that issues a new one-time address on each read.
    return Object.assign(server, {
      runtime,
      close: async () => {
        schedulers?.backups.stop()
        await Promise.all([schedulers?.pulls.stop(), schedulers?.launches.stop(), stopServer()])
        runtime.close()
      }
    })
  } catch (error) {
    runtime.close()
    throw error
  }
}
