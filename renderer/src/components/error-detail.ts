import type { ErrorCode } from '../../../electron/domain/errors'
import { INVALID_PROBLEMS, type InvalidProblem } from '../../../electron/domain/invalid-input'

type T = (key: string, vars?: Record<string, unknown>) => string
type Exists = (key: string) => boolean

/** Errors whose message is another system's own words (a database, an LLM endpoint, an export target): worth showing. */
const EXTERNAL: ReadonlySet<ErrorCode> = new Set(['QUERY_SYNTAX', 'QUERY_FAILED', 'SOURCE_CONNECT', 'SOURCE_AUTH', 'LLM_HTTP', 'EXPORT_FAILED'])

/**
 * The second line of an error, in the user's language: for invalid input, which field and how to fix it ("名称不能为空");
 * for a remote system's refusal, what it said. Null otherwise: the core's English message never reaches the screen.
 */
export function errorDetail(error: { code: ErrorCode; message: string; details?: Record<string, unknown> }, t: T, exists: Exists): string | null {
  const details = error.details ?? {}
  if (error.code === 'VALIDATION' && INVALID_PROBLEMS.includes(details.problem as InvalidProblem)) {
    const name = typeof details.field === 'string' ? details.field : ''
    const field = name && exists(`field.${name}`) ? t(`field.${name}`) : name && details.problem === 'unknownField' ? name : t('invalid.someField')
    return t(`invalid.${String(details.problem)}`, { field, limit: details.limit })
  }
  return EXTERNAL.has(error.code) && error.message ? t('invalid.external', { message: error.message }) : null
}
