import * as z from '../../domain/zod'
import { isProcedureName, procedures, type CallContext, type Handlers, type Result } from '..'
import type { Procedure } from '../procedure'
import { AppError, type ErrorEnvelope } from '../../domain/errors'
import { invalidFromConstraint, invalidFromZod } from '../../domain/invalid-input'

export type Dispatch = (name: string, input: unknown, ctx: CallContext) => Promise<Result<unknown>>

/**
 * Converts anything thrown into the envelope that crosses IPC/HTTP; never a stack trace. Invalid input (zod's or a
 * database constraint's) carries the field and the problem in `details`, which the UI says in the user's language.
 */
export function toEnvelope(error: unknown): ErrorEnvelope {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }
  if (error instanceof z.$ZodError) {
    const issue = error.issues[0]
    const details = { ...invalidFromZod(error) }
    return { code: 'VALIDATION', message: `Invalid input${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`, details }
  }
  const constraint = invalidFromConstraint(String((error as { code?: unknown })?.code ?? ''), String((error as { message?: unknown })?.message ?? ''))
  if (constraint)
    return {
      code: 'VALIDATION',
      message: `Invalid input: ${constraint.problem}${constraint.field ? ` (${constraint.field})` : ''}`,
      details: { ...constraint }
    }
  if ((error as { name?: string })?.name === 'AbortError') return { code: 'CANCELLED', message: 'Cancelled.' }
  return { code: 'INTERNAL', message: 'An unexpected error occurred; see the application log.' }
}

/**
 * The one place where input is validated and handlers are called; every shell goes through it.
 * `beforeWrite` lets a shell that must keep answering wait for the workspace before a procedure that writes.
 */
export function createDispatcher(
  handlers: Handlers,
  log: (error: unknown) => void = console.error,
  beforeWrite?: (signal: AbortSignal) => Promise<void>
): Dispatch {
  return async (name, input, ctx) => {
    if (!isProcedureName(name)) return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: `Unknown procedure ${name}.` } }
    try {
      const procedure: Procedure<z.ZodMiniType, unknown, unknown> = procedures[name]
      // reportInput: a missing value (undefined/null) is told apart from one of the wrong kind.
      const parsed = procedure.input.parse(input ?? {}, { reportInput: true })
      if (procedure.writes && beforeWrite) await beforeWrite(ctx.signal)
      const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown
      return { ok: true, data: await handler(parsed, ctx) }
    } catch (error) {
      const envelope = toEnvelope(error)
      if (envelope.code === 'INTERNAL') log(error)
      return { ok: false, error: envelope }
    }
  }
}
