import type * as z from 'zod/mini'
import type { ErrorEnvelope } from '../domain/errors'
import { actualsProcedures } from './actuals'
import { appProcedures } from './app'
import { assistantProcedures } from './assistant'
import { backupProcedures } from './backup'
import { boardProcedures } from './board'
import { importProcedures } from './import'
import { kpiProcedures } from './kpi'
import { lifecycleProcedures } from './lifecycle'
import { launchProcedures } from './launch'
import type { Procedure } from './procedure'
import { versionProcedures } from './version'
import { exportProcedures } from './export'

export const procedures = {
  ...appProcedures,
  ...exportProcedures,
  ...boardProcedures,
  ...kpiProcedures,
  ...versionProcedures,
  ...lifecycleProcedures,
  ...launchProcedures,
  ...actualsProcedures,
  ...importProcedures,
  ...assistantProcedures,
  ...backupProcedures
}

type Procedures = typeof procedures
export type ProcedureName = keyof Procedures
/** What a caller sends (defaults not yet applied). */
export type Input<N extends ProcedureName> = z.input<Procedures[N]['input']>
/** What a handler receives (defaults applied). */
export type ParsedInput<N extends ProcedureName> = z.output<Procedures[N]['input']>
export type Output<N extends ProcedureName> = Procedures[N] extends Procedure<z.ZodMiniType, infer O, unknown> ? O : never
export type Chunk<N extends ProcedureName> = Procedures[N] extends Procedure<z.ZodMiniType, unknown, infer C> ? C : never

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorEnvelope }

export interface CallContext {
  actor: string
  signal: AbortSignal
  /** Sends a chunk of partial output (LLM tokens, progress) to the caller. */
  emit: (chunk: unknown) => void
}

/** Every procedure must have a handler: a missing one fails to compile. */
export type Handlers = {
  [N in ProcedureName]: (input: ParsedInput<N>, ctx: CallContext) => Promise<Output<N>> | Output<N>
}

/** The handlers of one domain's procedures, e.g. `HandlersOf<typeof kpiProcedures>`. */
export type HandlersOf<T> = { [N in keyof T & ProcedureName]: Handlers[N] }

export const isProcedureName = (name: string): name is ProcedureName => Object.hasOwn(procedures, name)

export type { EventMap, EventName } from '../domain/events'
export * from '../domain/views'
export type * from '../domain/formula-preview'
export type * from '../domain/series'
