import type { AppInfo, CallContext, Handlers, HandlersOf } from '../..'
import { assistantProcedures } from '../../assistant'
import { exportProcedures } from '../../export'
import { importProcedures } from '../../import'
import type { Core } from '../../../services/core'
import { backupHandlers } from './backup'
import { lifecycleHandlers } from './lifecycle'
import { launchHandlers } from './launch'
import { workspaceHandlers } from './workspace'

export interface ShellInfo {
  version: string
  mode: AppInfo['mode']
  systemLocale: string
}

/**
 * Handlers of a domain whose services load heavy libraries (the LLM SDK, Markdown and Office parsers, the
 * Notion/Jira clients): loaded on the first call of one of its procedures, so a CLI command that lists a board
 * does not pay for them at start-up.
 */
function loadedOnUse<P extends object>(procedures: P, load: () => Promise<HandlersOf<P>>): HandlersOf<P> {
  let loading: Promise<HandlersOf<P>> | undefined
  const call = (name: keyof HandlersOf<P>) => async (input: unknown, ctx: CallContext) => {
    const handlers = await (loading ??= load())
    return (handlers[name] as (input: unknown, ctx: CallContext) => unknown)(input, ctx)
  }
  return Object.fromEntries(Object.keys(procedures).map((name) => [name, call(name as keyof HandlersOf<P>)])) as HandlersOf<P>
}

/** What SQLite says about the workspace file (damaged, disk full …) reaches every shell as a coded error naming it. */
function explained(handlers: Handlers, explain: (error: unknown) => unknown): Handlers {
  const wrap =
    (handler: (input: never, ctx: CallContext) => unknown) =>
    async (input: never, ctx: CallContext): Promise<unknown> => {
      try {
        return await handler(input, ctx)
      } catch (error) {
        throw explain(error)
      }
    }
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, wrap(handler as never)])) as unknown as Handlers
}

/** Binds every procedure of the contract to the core services, one file per domain. */
export function createHandlers(core: Core, shell: ShellInfo): Handlers {
  return explained(
    {
      'app.info': () => ({ ...shell, workspace: core.file, readOnly: core.workspace.state.readOnly }),
      ...workspaceHandlers(core),
      ...lifecycleHandlers(core),
      ...launchHandlers(core),
      ...backupHandlers(core),
      ...loadedOnUse(exportProcedures, async () => (await import('./export')).exportHandlers(core)),
      ...loadedOnUse(importProcedures, async () => (await import('./import')).importHandlers(core)),
      ...loadedOnUse(assistantProcedures, async () => (await import('./assistant')).assistantHandlers(core))
    },
    core.workspace.explain
  )
}
