import { count } from 'drizzle-orm'
import { auditLog, board } from '../../../db/schema'
import { AppError } from '../../domain/errors'
import { createCore, type CoreOptions } from '../../services/core'
import { createDispatcher } from './dispatcher'
import { createHandlers, type ShellInfo } from './handlers'

export interface RuntimeOptions extends Omit<CoreOptions, 'access'>, ShellInfo {
  file: string
  /** Whether a missing workspace file is created (the app's own default file is; a path the user typed may not be). */
  create: boolean
  /** Called once when the workspace is brand new (no board was ever created), with the OS language the sample is written in. */
  onFirstRun?: (core: ReturnType<typeof createCore>, systemLocale: string) => void | Promise<void>
}

/** A full disk still lets the user read every board: the workspace opens read-only and writes say why they fail. */
function openCore(options: RuntimeOptions) {
  try {
    return createCore(options.file, { ...options, access: 'write' })
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'DISK_FULL')) throw error
    return createCore(options.file, { ...options, access: 'read', create: false })
  }
}

/** What every shell runs: the core over one workspace, and the dispatcher that fronts it. */
export async function createRuntime(options: RuntimeOptions) {
  const core = openCore(options)
  const empty = (table: typeof board | typeof auditLog) => core.deps.db.select({ n: count() }).from(table).get()!.n === 0
  const fresh = !core.workspace.state.readOnly && empty(board) && empty(auditLog)
  if (fresh && options.onFirstRun) await options.onFirstRun(core, options.systemLocale)
  // A shell keeps answering while another window or command writes, and hears that it waits.
  const dispatch = createDispatcher(createHandlers(core, options), console.error, (signal) => core.workspace.whenWritable(signal))
  return { core, dispatch, close: () => core.close() }
}
export type Runtime = Awaited<ReturnType<typeof createRuntime>>
