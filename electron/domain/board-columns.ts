import * as z from './zod'

/**
 * The board grid's columns in their default order: what a product owner opens the board for (the KPI, its current
 * value, its health, the latest proposal) first, so it fits the first screen at 1280 px; the rest after it.
 */
export const BOARD_COLUMN_KEYS = [
  'code',
  'name',
  'currentValue',
  'light',
  'proposal',
  'target',
  'stage',
  'status',
  'owner',
  'frequency',
  'category',
  'dataSource',
  'unit',
  'attainment',
  'updatedAt'
] as const
export type BoardColumnKey = (typeof BOARD_COLUMN_KEYS)[number]

/** Frozen at the left, always shown: scrolling right never loses which KPI a row is. */
export const FROZEN_COLUMNS: readonly BoardColumnKey[] = ['code', 'name']

export const COLUMN_WIDTH_MIN = 60
export const COLUMN_WIDTH_MAX = 800

const columnSchema = z.strictObject({
  key: z.enum(BOARD_COLUMN_KEYS),
  width: z.int().check(z.gte(COLUMN_WIDTH_MIN), z.lte(COLUMN_WIDTH_MAX)),
  hidden: z.boolean()
})
export type BoardColumn = z.infer<typeof columnSchema>

/** A board's columns as its user arranged them: order, widths, which are hidden. Stored per board in the workspace. */
export const boardColumnsSchema = z.array(columnSchema).check(
  z.maxLength(BOARD_COLUMN_KEYS.length),
  z.refine((columns) => new Set(columns.map((c) => c.key)).size === columns.length, { message: 'Each column at most once.' })
)
export type BoardColumns = z.infer<typeof boardColumnsSchema>
