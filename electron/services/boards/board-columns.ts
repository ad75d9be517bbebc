import { boardColumnsSchema, type BoardColumns } from '../../domain/board-columns'
import type { ServiceDeps } from '../context'
import type { SettingsService } from '../settings/settings-service'
import type { BoardService } from './board-service'

const settingKey = (boardId: number) => `board.${boardId}.columns`

/**
 * The grid's column layout of each board (order, widths, hidden columns), kept in the workspace so it follows the
 * workspace to another machine. A view preference like a window's size: not a revision, not an audit entry.
 */
export function createBoardColumnsService({
  settings,
  boards,
  transaction
}: Pick<ServiceDeps, 'transaction'> & { settings: SettingsService; boards: BoardService }) {
  return {
    /** The stored layout, or null for the default (never stored, or written by a version that knew other columns). */
    get(boardId: number): BoardColumns | null {
      boards.require(boardId)
      const stored = boardColumnsSchema.safeParse(settings.get<unknown>(settingKey(boardId)))
      return stored.success ? stored.data : null
    },
    set(boardId: number, columns: BoardColumns): BoardColumns {
      boards.require(boardId)
      const parsed = boardColumnsSchema.parse(columns)
      transaction(() => settings.set(settingKey(boardId), parsed))()
      return parsed
    },
    reset(boardId: number): null {
      boards.require(boardId)
      transaction(() => settings.delete(settingKey(boardId)))()
      return null
    }
  }
}
export type BoardColumnsService = ReturnType<typeof createBoardColumnsService>
