import { AppError } from '../../domain/errors'

/** The AppError code a promise rejects with, 'ok' when it resolves: one line per case in a table of bad inputs. */
export async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run
    return 'ok'
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`
  }
}
