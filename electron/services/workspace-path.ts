import { homedir, userInfo } from 'node:os'
import { join } from 'node:path'

export const APP_FOLDER = 'KPI Loop'
export const WORKSPACE_FILE = 'workspace.kpiloop'

/** The OS user-data folder Electron uses for an app named "KPI Loop" (app.getPath('userData')). */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
}

/** `KPILOOP_WORKSPACE` overrides the default workspace file in the user-data folder. */
export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.KPILOOP_WORKSPACE ?? join(userDataDir(env), WORKSPACE_FILE)
}

/** Who is making changes, as recorded in revisions and the audit log. */
export function currentActor(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KPILOOP_ACTOR) return env.KPILOOP_ACTOR
  try {
    return userInfo().username
  } catch {
    return 'local user'
  }
}
