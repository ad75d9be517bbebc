import type { BoardPage } from '../../../../electron/api'
import { type ApiError, toApiError } from '../../api/api-error'

/** What the board stores hold per KPI: rows in KPI id order, the order of `kpi.page`. */
interface Row {
  id: number
}

/** The first page is small so the grid draws at once; the rest come in large pages (the contract allows 5,000). */
export const FIRST_PAGE = 200
export const NEXT_PAGE = 5000

/** Where a stream stands: the page to read next (after the id `after`, at most `limit` rows). */
export interface Cursor {
  after: number
  limit: number
}

/**
 * How far a board's stream has come: rows read so far and the board's size as its first page counted it; `failed`
 * holds the error of the page that failed and its cursor, from which a retry resumes.
 */
export interface StreamProgress {
  loaded: number
  total: number
  failed: { error: ApiError; at: Cursor } | null
}

/**
 * Puts one page (the rows with ids in `(after, through]`) in place of what the list held for that range: rows before
 * it are the earlier pages, rows after it stay until their own page comes (a reload keeps showing them, no flicker).
 * `through` is null on the last page: nothing after it remains. A row already held with a newer revision (put by an
 * edit while the page was on the wire) wins over the page's copy.
 */
export function mergePage<T extends Row>(
  current: readonly T[],
  page: readonly T[],
  after: number,
  through: number | null,
  newer: (held: T, paged: T) => boolean
): T[] {
  const end = through ?? Infinity
  const start = lowerBound(current, after + 1)
  const stop = through === null ? current.length : lowerBound(current, end + 1)
  const held = new Map<number, T>()
  for (let i = start; i < stop; i++) held.set(current[i]!.id, current[i]!)
  const middle = page.map((row) => {
    const mine = held.get(row.id)
    return mine && newer(mine, row) ? mine : row
  })
  return [...current.slice(0, start), ...middle, ...(through === null ? [] : current.slice(stop))]
}

/** Inserts or replaces one row, keeping the id order. */
export function putById<T extends Row>(current: readonly T[], row: T): T[] {
  const at = lowerBound(current, row.id)
  const next = [...current]
  if (current[at]?.id === row.id) next[at] = row
  else next.splice(at, 0, row)
  return next
}

/** The first index whose id is at least `id`. */
function lowerBound(rows: readonly Row[], id: number): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (rows[mid]!.id < id) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Reads a board page by page from `from` (the first page by default) until the cursor runs out, handing each page over
 * as it comes (one page is asked for ahead); stops as soon as `current()` says a newer load has started (its pages are dropped, none is handed over).
 * A page that fails ends the stream with its error and cursor (null: every page came, or a newer load took over).
 */
export async function streamPages<T>(
  fetch: (after: number | undefined, limit: number) => Promise<BoardPage<T>>,
  onPage: (page: { rows: T[]; after: number; through: number | null; total: number | null }) => void,
  current: () => boolean,
  from: Cursor = { after: 0, limit: FIRST_PAGE }
): Promise<{ error: ApiError; at: Cursor } | null> {
  let at = from
  let pending = fetch(at.after || undefined, at.limit)
  for (;;) {
    let page: BoardPage<T>
    try {
      page = await pending
    } catch (error) {
      return current() ? { error: toApiError(error), at } : null
    }
    if (!current()) return null
    const next = page.next === null ? null : { after: page.next, limit: NEXT_PAGE }
    // The next page is asked for before this one is handed over: the server reads it while the page is drawn.
    if (next) pending = fetch(next.after, next.limit)
    onPage({ rows: page.rows, after: at.after, through: page.next, total: page.total })
    if (!next) return null
    at = next
  }
}

/** `mergePage` for a map by KPI id (the status lights): the page's range is replaced, the rest kept. */
export function mergeKeyedPage<T>(
  current: Readonly<Record<number, T>>,
  page: readonly T[],
  key: (row: T) => number,
  after: number,
  through: number | null
): Record<number, T> {
  const end = through ?? Infinity
  const next: Record<number, T> = {}
  for (const [id, row] of Object.entries(current)) if (Number(id) <= after || Number(id) > end) next[Number(id)] = row
  for (const row of page) next[key(row)] = row
  return next
}
