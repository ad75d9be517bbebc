import type { AppInfo, CallContext, Handlers, HandlersOf } from '../..'
import { assistantProcedures } from '../../assistant'
import { exportProcedures } from '../../export'
import { importProcedures } from '../../import'
import type { Core } from '../../../services/core'
import { lifecycleHandlers } from './lifecycle'
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

/** Binds every procedure of the contract to the core services, one file per domain. */
export function createHandlers(core: Core, shell: ShellInfo): Handlers {
  return {
    'app.info': () => ({ ...shell, workspace: core.file }),
    ...workspaceHandlers(core),
    ...lifecycleHandlers(core),
    ...loadedOnUse(exportProcedures, async () => (await import('./export')).exportHandlers(core)),
    ...loadedOnUse(importProcedures, async () => (await import('./import')).importHandlers(core)),
    ...loadedOnUse(assistantProcedures, async () => (await import('./assistant')).assistantHandlers(core))
  }
}
