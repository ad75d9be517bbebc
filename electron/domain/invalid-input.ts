import type * as z from 'zod/mini'

/** What was wrong with a field, in words the UI translates ("名称不能为空"), never zod's or SQLite's own. */
export const INVALID_PROBLEMS = [
  'required',
  'empty',
  'tooLong',
  'tooSmall',
  'tooBig',
  'kind',
  'format',
  'choice',
  'unknownField',
  'duplicate',
  'invalid'
] as const
export type InvalidProblem = (typeof INVALID_PROBLEMS)[number]

/** The details of a VALIDATION error: the field (a KPI field name where there is one) and the problem. */
export interface InvalidInput {
  field: string | null
  problem: InvalidProblem
  limit?: number
}

const fieldOf = (path: readonly PropertyKey[]): string | null => [...path].reverse().find((p): p is string => typeof p === 'string') ?? null

/** The first zod issue, said as a field and a problem. */
export function invalidFromZod(error: z.core.$ZodError): InvalidInput {
  const issue = error.issues[0]
  if (!issue) return { field: null, problem: 'invalid' }
  const field = fieldOf(issue.path)
  switch (issue.code) {
    case 'invalid_type':
      return { field, problem: issue.input === undefined || issue.input === null ? 'required' : 'kind' }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { field, problem: 'empty' }
      return { field, problem: 'tooSmall', limit: Number(issue.minimum) }
    case 'too_big':
      return { field, problem: issue.origin === 'string' ? 'tooLong' : 'tooBig', limit: Number(issue.maximum) }
    case 'invalid_format':
      return { field, problem: 'format' }
    case 'invalid_value':
      return { field, problem: 'choice' }
    case 'unrecognized_keys':
      return { field: issue.keys[0] ?? field, problem: 'unknownField' }
    default:
      return { field, problem: 'invalid' }
  }
}

/**
 * A constraint SQLite refused ("UNIQUE constraint failed: kpi_identity.code"), said as the column and the problem;
 * null for any other database error. Column names are snake_case; the UI knows fields in camelCase.
 */
export function invalidFromConstraint(code: string, message: string): InvalidInput | null {
  if (!code.startsWith('SQLITE_CONSTRAINT')) return null
  const column = /constraint failed: \w+\.(\w+)/.exec(message)?.[1] ?? null
  const field = column ? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : null
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { field, problem: 'duplicate' }
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return { field, problem: 'required' }
  return { field, problem: 'invalid' }
}
