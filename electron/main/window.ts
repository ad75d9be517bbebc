import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { WEB_PREFERENCES, isAllowedExternal } from './security'

/** The main window, locked down: no navigation, no new windows, no webviews, only the notification permission. */
export function createMainWindow(preloadDir: string, rendererUrl: string): BrowserWindow {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'))
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permission === 'notifications')

  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'KPI Loop',
    webPreferences: { ...WEB_PREFERENCES, preload: join(preloadDir, 'index.cjs') }
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.on('will-redirect', (event) => event.preventDefault())
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void window.loadURL(rendererUrl)
  return window
}
