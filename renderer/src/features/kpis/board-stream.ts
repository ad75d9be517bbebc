/** What the board stores hold per KPI: rows in KPI id order, the order of `kpi.page`. */
interface Row {
  id: number
}

/** The first page is small so the grid draws at once; the rest come in large pages (the contract allows 5,000). */
export const FIRST_PAGE = 200
export const NEXT_PAGE = 5000

/** How far a board's stream has come: rows read so far and the board's size when the last page was read. */
export interface StreamProgress {
  loaded: number
  total: number
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
 * Reads a board page by page until the cursor runs out, handing each page over as it comes; stops as soon as
 * `current()` says a newer load has started (its pages are dropped, none is handed over).
 */
export async function streamPages<T>(
  fetch: (after: number | undefined, limit: number) => Promise<{ rows: T[]; next: number | null; total: number }>,
  onPage: (page: { rows: T[]; after: number; through: number | null; total: number }) => void,
  current: () => boolean
): Promise<void> {
  let after = 0
  for (let limit = FIRST_PAGE; ; limit = NEXT_PAGE) {
    const page = await fetch(after || undefined, limit)
    if (!current()) return
    onPage({ rows: page.rows, after, through: page.next, total: page.total })
    if (page.next === null) return
    after = page.next
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
