import { z } from 'zod'

/** A procedure: its zod input, its result type (carried by `output`), whether it streams chunks and whether it writes. */
export interface Procedure<I extends z.ZodType = z.ZodType, O = unknown, C = never> {
  input: I
  output: z.ZodType<O>
  chunk?: z.ZodType<C>
  /** It changes the workspace: the shells wait (without blocking) while another window or command is writing. */
  writes?: true
}

export function procedure<I extends z.ZodType, O, C = never>(def: Procedure<I, O, C>): Procedure<I, O, C> {
  return def
}

/** Result types are not re-parsed at run time: `z.custom` only carries the type. */
export const result = <T>() => z.custom<T>(() => true)

export const id = z.number().int().positive()
