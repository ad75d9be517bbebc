import { z } from 'zod'
import { id, procedure, result } from './procedure'
import type { AuditPage, AuditView, BoardView } from '../domain/views'
import { boardColumnsSchema, type BoardColumns } from '../domain/board-columns'
import { BOARD_LANGUAGES } from '../domain/board-language'

const boardName = z.string().trim().min(1).max(200)

export const boardProcedures = {
  'board.list': procedure({ input: z.strictObject({}), output: result<BoardView[]>() }),
  'board.get': procedure({ input: z.strictObject({ boardId: id }), output: result<BoardView>() }),
  /** A board by its name, as people (and the CLI) call it. */
  'board.find': procedure({ input: z.strictObject({ name: boardName }), output: result<BoardView>() }),
  'board.create': procedure({
    writes: true,
    /** `language`: the creator's UI language; without it the board's language is read from its KPIs. */
    input: z.strictObject({ name: boardName, description: z.string().max(5000).optional(), language: z.enum(BOARD_LANGUAGES).optional() }),
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
      boardId: id.optional(),
      kpiId: id.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      beforeId: id.optional()
    }),
    output: result<AuditView[]>()
  }),
  /** A page of a board's log filtered by KPI, actor, action (or 'kpi.' for a family) and a [from, to) time range. */
  'audit.search': procedure({
    input: z.strictObject({
      boardId: id,
      kpiId: id.optional(),
      actor: z.string().min(1).max(200).optional(),
      action: z.string().min(1).max(100).optional(),
      from: z.number().int().nonnegative().optional(),
      to: z.number().int().nonnegative().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50)
    }),
    output: result<AuditPage>()
  })
}
