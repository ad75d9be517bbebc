import type { AppInfo, Handlers } from '../..'
import type { Core } from '../../../services/core'
import { importHandlers } from './import'
import { assistantHandlers } from './assistant'
import { lifecycleHandlers } from './lifecycle'
import { workspaceHandlers } from './workspace'
import { exportHandlers } from './export'

export interface ShellInfo {
  version: string
  mode: AppInfo['mode']
  systemLocale: string
}

/** Binds every procedure of the contract to the core services, one file per domain. */
export function createHandlers(core: Core, shell: ShellInfo): Handlers {
  return {
    ...exportHandlers(core),
    'app.info': () => ({ ...shell, workspace: core.file }),
    ...workspaceHandlers(core),
    ...lifecycleHandlers(core),
    ...importHandlers(core),
    ...assistantHandlers(core)
  }
}
