import * as z from '../domain/zod'
import { id, procedure, result } from './procedure'
import type { AuditPage, AuditView, BoardView } from '../domain/views'
import { boardColumnsSchema, type BoardColumns } from '../domain/board-columns'
import { BOARD_LANGUAGES } from '../domain/board-language'

const boardName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200))

export const boardProcedures = {
  'board.list': procedure({ input: z.strictObject({}), output: result<BoardView[]>() }),
  'board.get': procedure({ input: z.strictObject({ boardId: id }), output: result<BoardView>() }),
  /** A board by its name, as people (and the CLI) call it. */
  'board.find': procedure({ input: z.strictObject({ name: boardName }), output: result<BoardView>() }),
  'board.create': procedure({
    writes: true,
    /** `language`: the creator's UI language; without it the board's language is read from its KPIs. */
    input: z.strictObject({ name: boardName, description: z.optional(z.string().check(z.maxLength(5000))), language: z.optional(z.enum(BOARD_LANGUAGES)) }),
    output: result<BoardView>()
  }),
  /** The language the board's stage prompts, launch notices and analyzer texts are written in. */
  'board.setLanguage': procedure({
    writes: true,
    input: z.strictObject({ boardId: id, language: z.enum(BOARD_LANGUAGES) }),
    output: result<BoardView>()
  }),
  'board.rename': procedure({ writes: true, input: z.strictObject({ boardId: id, name: boardName }), output: result<BoardView>() }),
  'board.delete': procedure({ writes: true, input: z.strictObject({ boardId: id }), output: result<{ deleted: true }>() }),
  /** The grid's column layout of a board (order, widths, hidden); null: the default layout. */
  'board.columns.get': procedure({ input: z.strictObject({ boardId: id }), output: result<BoardColumns | null>() }),
  'board.columns.set': procedure({ writes: true, input: z.strictObject({ boardId: id, columns: boardColumnsSchema }), output: result<BoardColumns>() }),
  /** Back to the default layout. */
  'board.columns.reset': procedure({ writes: true, input: z.strictObject({ boardId: id }), output: result<null>() }),
  'audit.list': procedure({
    input: z.strictObject({
      boardId: z.optional(id),
      kpiId: z.optional(id),
      limit: z._default(z.int().check(z.gte(1), z.lte(1000)), 200),
      beforeId: z.optional(id)
    }),
    output: result<AuditView[]>()
  }),
  /** A page of a board's log filtered by KPI, actor, action (or 'kpi.' for a family) and a [from, to) time range. */
  'audit.search': procedure({
    input: z.strictObject({
      boardId: id,
      kpiId: z.optional(id),
      actor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      action: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
      from: z.optional(z.int().check(z.nonnegative())),
      to: z.optional(z.int().check(z.nonnegative())),
      offset: z._default(z.int().check(z.gte(0)), 0),
      limit: z._default(z.int().check(z.gte(1), z.lte(500)), 50)
    }),
    output: result<AuditPage>()
  })
}
