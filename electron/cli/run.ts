import { AppError } from '../domain/errors'
import { openCli, type CliContext, type GlobalOptions } from './context'

export type Run = (action: (ctx: CliContext) => void | Promise<void>) => Promise<void>

/** Opens the workspace for one command, reports errors on stderr with a non-zero exit. */
export function createRun(globals: () => GlobalOptions): Run {
  return async (action) => {
    let ctx: CliContext | undefined
    try {
      ctx = await openCli(globals())
      await action(ctx)
    } catch (error) {
      if (error instanceof AppError) {
        process.stderr.write(`error: ${error.message} [${error.code}]\n`)
        process.exitCode = error.code === 'GATE_BLOCKED' ? 3 : 1
      } else {
        process.stderr.write(`error: ${(error as Error).message}\n`)
        process.exitCode = 1
      }
    } finally {
      ctx?.core.close()
    }
  }
}
