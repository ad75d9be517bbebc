import type { ServiceDeps } from '../context'

/**
 * How many periods of a KPI have a value (its current values), remembered while its rows stay the same.
 * Measurements are only ever appended, so the row count and the highest id tell whether anything changed,
 * read from the index in a few ms, where counting the periods again groups every row.
 */
export function createCurrentCount({ sqlite }: Pick<ServiceDeps, 'sqlite'>) {
  const stmt = {
    rows: sqlite.prepare('SELECT count(*), max(id) FROM measurement WHERE kpi_id = ?').raw(),
    periods: sqlite.prepare('SELECT count(*) FROM (SELECT 1 FROM measurement WHERE kpi_id = ? GROUP BY period_start, period_end)').pluck()
  }
  // A few numbers per KPI opened in this session: no eviction needed.
  const known = new Map<number, { rows: number; maxId: number | null; periods: number }>()
  const state = (kpiId: number) => stmt.rows.get(kpiId) as [number, number | null]
  return {
    of(kpiId: number): number {
      const [rows, maxId] = state(kpiId)
      const seen = known.get(kpiId)
      if (seen && seen.rows === rows && seen.maxId === maxId) return seen.periods
      const periods = stmt.periods.get(kpiId) as number
      known.set(kpiId, { rows, maxId, periods })
      return periods
    },
    /** The rows' state (count, max id) a caller reads before counting the periods itself. */
    state,
    /** A caller that counted the periods anyway (the whole-extent series) saves the next one the work. */
    remember(kpiId: number, periods: number, [rows, maxId]: [number, number | null]): void {
      known.set(kpiId, { rows, maxId, periods })
    }
  }
}
export type CurrentCount = ReturnType<typeof createCurrentCount>
