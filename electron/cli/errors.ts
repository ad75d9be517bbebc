import { ERROR_TEXT, type ErrorLocale } from '../domain/error-text'
import { AppError, type ErrorCode } from '../domain/errors'

/** What the CLI reports of a failure: a code, and the core's own (English) sentence with the specifics. */
export function errorOf(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  const code = (error as { code?: string }).code
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') {
    const path = (error as { path?: string }).path ?? ''
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read (permission denied)'
    return { code: 'FILE_UNREADABLE', message: `${path} ${why}.` }
  }
  return { code: 'INTERNAL', message: 'An unexpected error occurred; run again with --debug to see where.' }
}

/**
 * One line in the user's language. English: the core's sentence, which names what went wrong. Chinese: what
 * the code means, then the core's sentence for the specifics (names, paths) until every message is templated.
 */
export function errorLine(error: { code: ErrorCode; message: string }, locale: ErrorLocale): string {
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim()
  if (locale === 'en') return `error: ${oneLine(error.message)} [${error.code}]`
  return `错误：${ERROR_TEXT['zh-CN'][error.code]}（${oneLine(error.message)}）[${error.code}]`
}

/** Exit status: 3 for a stage gate that blocks a move (scripts tell it apart), 1 for any other failure. */
export const exitCodeOf = (code: ErrorCode): number => (code === 'GATE_BLOCKED' ? 3 : 1)
