import { createCore, type CoreOptions } from '../../services/core'
import { createDispatcher } from './dispatcher'
import { createHandlers, type ShellInfo } from './handlers'

export interface RuntimeOptions extends CoreOptions, ShellInfo {
  file: string
  /** Called once when the workspace is brand new (no board was ever created). */
  onFirstRun?: (core: ReturnType<typeof createCore>) => void | Promise<void>
}

/** What every shell runs: the core over one workspace, and the dispatcher that fronts it. */
export async function createRuntime(options: RuntimeOptions) {
  const core = createCore(options.file, options)
  const isNew = (core.deps.sqlite.prepare('SELECT COUNT(*) AS n FROM board').get() as { n: number }).n === 0
  const fresh = isNew && (core.deps.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n === 0
  if (fresh && options.onFirstRun) await options.onFirstRun(core)
  const dispatch = createDispatcher(createHandlers(core, options))
  return { core, dispatch, close: () => core.close() }
}
export type Runtime = Awaited<ReturnType<typeof createRuntime>>
