import { Notification, app, dialog, ipcMain } from 'electron'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { seedFirstRun } from '../../resources/first-run'
import { startPullScheduler } from '../services/actuals/pull-scheduler'
import { startBackupScheduler } from '../services/backup/backup-scheduler'
import { startLaunchScheduler } from '../services/lifecycle/launch-scheduler'
import type { Runtime } from '../api/dispatch/runtime'
import { WORKSPACE_FILE, currentActor } from '../services/workspace-path'
import { createEncryptedSecretStore } from '../services/secrets/encrypted-secret-store'
import { dispatchWhenReady, registerIpc } from './ipc'
import { keychainCipher } from './keychain'
import { RestoreDeclined, openRuntime } from './open-workspace'
import { electronSqliteBinding } from './native'
import { registerRendererScheme, serveRenderer } from './renderer-protocol'
import { rendererUrl as chooseRendererUrl } from './security'
import { createMainWindow } from './window'

app.setName('KPI Loop')
if (!app.requestSingleInstanceLock()) app.quit()
registerRendererScheme()

// The renderer comes from the packaged files through kpiloop://; a dev server only while developing.
const rendererUrl = () => chooseRendererUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL)

let runtime: Runtime | undefined
let stopBackground: (() => Promise<void>) | undefined

async function start() {
  serveRenderer(join(import.meta.dirname, '../renderer'))
  const nativeBinding = electronSqliteBinding(app.getAppPath(), process.resourcesPath)
  if (!nativeBinding) {
    dialog.showErrorBox('KPI Loop', 'The SQLite module for Electron is missing. Run `npm start`, which builds it.')
    return app.quit()
  }
  mkdirSync(app.getPath('userData'), { recursive: true })
  const ready = openRuntime(
    {
      file: process.env.KPILOOP_WORKSPACE ?? join(app.getPath('userData'), WORKSPACE_FILE),
      create: true,
      nativeBinding,
      migrationsFolder: join(app.getAppPath(), 'db', 'migrations'),
      mode: 'desktop',
      version: app.getVersion(),
      systemLocale: app.getLocale(),
      onFirstRun: seedFirstRun,
      secrets: (sqlite) => createEncryptedSecretStore(sqlite, keychainCipher())
    },
    app.getLocale()
  )
  // Handlers first, then the window: its first calls wait for the workspace instead of failing.
  const ipc = registerIpc(ipcMain, { dispatch: dispatchWhenReady(ready), rendererUrl, actor: currentActor() })
  const window = createMainWindow(join(import.meta.dirname, '../preload'), rendererUrl())
  runtime = await ready
  const stopForwarding = ipc.forwardEvents(runtime.core.events, window.webContents)
  window.on('closed', stopForwarding)
  const core = runtime.core
  core.events.onAny((name, payload) => {
    if (name !== 'alert.raised' || !Notification.isSupported()) return
    for (const alert of (payload as { alerts: { message: string; severity: string | null }[] }).alerts) {
      new Notification({ title: alert.severity ? `KPI Loop · ${alert.severity}` : 'KPI Loop · red', body: alert.message }).show()
    }
  })
  const scheduler = startPullScheduler({ ...core, actor: 'scheduled pull', onError: (error) => console.error('Scheduled pull failed', error) })
  const backups = startBackupScheduler(core.backups, (error) => console.error('Scheduled backup failed', error))
  const launches = startLaunchScheduler({ ...core, actor: 'launch plan', onError: (error) => console.error('Launch plan move failed', error) })
  stopBackground = async () => {
    backups.stop()
    await Promise.all([scheduler.stop(), launches.stop(), ipc.cancelAll()])
  }
}

app.on('second-instance', () => app.focus({ steal: true }))
app.on('window-all-closed', () => app.quit())
// Quitting first cancels running calls and pulls (their queries are interrupted) and waits for them, then closes the workspace.
let closing = false
app.on('will-quit', (event) => {
  if (closing) return
  closing = true
  event.preventDefault()
  void (stopBackground?.() ?? Promise.resolve()).finally(() => {
    runtime?.close()
    app.quit()
  })
})
app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    if (!(error instanceof RestoreDeclined)) dialog.showErrorBox('KPI Loop could not open its workspace', (error as Error).message)
    app.quit()
  })
