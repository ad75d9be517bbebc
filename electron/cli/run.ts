import { errorLine, errorOf, exitCodeOf } from './errors'
import { cliLocale } from './locale'
import type { GlobalOptions, Session, SessionNeeds } from './session'

export type RunOptions = Partial<SessionNeeds>

export type Run = (action: (ctx: Session) => void | Promise<void>, options?: RunOptions) => Promise<void>

/**
 * Runs one command on its workspace. A failure is one line in the user's language on stderr (with --json, an
 * `{ error: { code, message } }` object on stdout) and a non-zero exit status; --debug adds the stack.
 */
export function createRun(globals: () => GlobalOptions): Run {
  return async (action, needs = {}) => {
    let session: Session | undefined
    try {
      // The runtime (services, the SQLite driver, the contract's schemas) loads only once a command runs.
      const { openSession } = await import('./session')
      session = await openSession(globals(), { writes: false, ...needs })
      await action(session)
    } catch (cause) {
      report(cause, globals())
    } finally {
      session?.close()
    }
  }
}

export function report(cause: unknown, globals: GlobalOptions): void {
  const error = errorOf(cause)
  if (globals.json) process.stdout.write(`${JSON.stringify({ error: { code: error.code, message: error.message } }, null, 2)}\n`)
  process.stderr.write(`${errorLine(error, cliLocale())}\n`)
  if (globals.debug && cause instanceof Error) process.stderr.write(`${cause.stack}\n`)
  process.exitCode = exitCodeOf(error.code)
}
