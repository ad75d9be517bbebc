import { AppError } from '../../domain/errors'
import type { ValuePage } from '../../domain/series'
import type { ServiceDeps } from '../context'
import type { CurrentCount } from './current-count'
import { toView, type MeasurementSqlRow } from './measurement-service'

// Newest period first; within a period the current value (the latest row) first, then what it replaced.
const ORDER = 'ORDER BY m.period_start DESC, m.period_end ASC, m.id DESC'
const LATER_ROW = `SELECT 1 FROM measurement x
  WHERE x.kpi_id = m.kpi_id AND x.period_start = m.period_start AND x.period_end = m.period_end AND x.id > m.id`

/** The values table of a KPI, a page at a time, so that a KPI of 100,000 values sends only what is shown. */
export function createValuePages({ sqlite, currentCount }: Pick<ServiceDeps, 'sqlite'> & { currentCount: CurrentCount }) {
  const stmt = {
    kpiExists: sqlite.prepare('SELECT 1 FROM kpi WHERE id = ?').pluck(),
    rowCount: sqlite.prepare('SELECT count(*) FROM measurement WHERE kpi_id = ?').pluck(),
    withHistory: sqlite.prepare(`SELECT m.*, EXISTS (${LATER_ROW}) AS superseded FROM measurement m WHERE m.kpi_id = ? ${ORDER} LIMIT ? OFFSET ?`),
    current: sqlite.prepare(`SELECT m.*, 0 AS superseded FROM measurement m WHERE m.kpi_id = ? AND NOT EXISTS (${LATER_ROW}) ${ORDER} LIMIT ? OFFSET ?`)
  }

  /** `history` includes the values later rows replaced, marked `superseded`. */
  function page(kpiId: number, { history, offset, limit }: { history: boolean; offset: number; limit: number }): ValuePage {
    if (!stmt.kpiExists.get(kpiId)) throw new AppError('KPI_NOT_FOUND', `No KPI with id ${kpiId}.`, { kpiId })
    const total = history ? (stmt.rowCount.get(kpiId) as number) : currentCount.of(kpiId)
    const rows = (history ? stmt.withHistory : stmt.current).all(kpiId, limit, offset) as (MeasurementSqlRow & { superseded: number })[]
    return { kpiId, total, offset, rows: rows.map((row) => ({ ...toView(row), superseded: row.superseded === 1 })) }
  }
  return { page }
}
export type ValuePages = ReturnType<typeof createValuePages>
