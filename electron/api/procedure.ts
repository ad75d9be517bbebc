import * as z from '../domain/zod'

/** A procedure: its zod input, its result type (carried by `output`), whether it streams chunks and whether it writes. */
export interface Procedure<I extends z.ZodMiniType = z.ZodMiniType, O = unknown, C = never> {
  input: I
  output: z.ZodMiniType<O>
  chunk?: z.ZodMiniType<C>
  /** It changes the workspace: the shells wait (without blocking) while another window or command is writing. */
  writes?: true
}

export function procedure<I extends z.ZodMiniType, O, C = never>(def: Procedure<I, O, C>): Procedure<I, O, C> {
  return def
}

/** Result types are not re-parsed at run time: `z.custom` only carries the type. */
export const result = <T>() => z.custom<T>(() => true)

export const id = z.int().check(z.positive())

/** How many rows one board page may carry: enough to stream a 100k board in 20 calls, small enough to stay responsive. */
export const pageLimit = z.int().check(z.gte(1), z.lte(5000))
