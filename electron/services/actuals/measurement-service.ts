import type { measurement } from '../../../db/schema'
import type { SqlRow } from '../../../db/sql-row'
import type { MeasurementView } from '../../domain/views'
import type { AuditService } from '../audit/audit-service'
import type { ServiceDeps } from '../context'
import type { MeasurementSource } from '../../domain/measurement'
import { AppError } from '../../domain/errors'
import type { KpiService } from '../kpis/kpi-service'
import type { Period } from '../../domain/period'
import { shorten } from '../../domain/number'

/** A measurement row as SQLite returns it (snake_case columns). */
export type MeasurementSqlRow = SqlRow<typeof measurement>

export interface NewMeasurement {
  period: Period
  value: number
  source: MeasurementSource
  note?: string
  dataSourceId?: number | null
  queryHash?: string | null
}

export const toView = (row: MeasurementSqlRow): MeasurementView => ({
  id: row.id,
  kpiId: row.kpi_id,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  value: row.value,
  source: row.source,
  dataSourceId: row.data_source_id,
  queryHash: row.query_hash,
  note: row.note,
  author: row.author,
  recordedAt: row.recorded_at
})

// The current value of a period is its latest row; earlier rows stay as history.
const CURRENT = `SELECT * FROM (
  SELECT m.*, ROW_NUMBER() OVER (PARTITION BY m.kpi_id, m.period_start, m.period_end ORDER BY m.id DESC) AS rn
  FROM measurement m %WHERE%) WHERE rn = 1 ORDER BY kpi_id, period_start`

export function createMeasurementService(deps: ServiceDeps & { audit: AuditService; kpis: KpiService }) {
  const { sqlite, events, audit, kpis, now, transaction } = deps
  const stmt = {
    insert: sqlite.prepare(
      `INSERT INTO measurement (kpi_id, period_start, period_end, value, source, data_source_id, query_hash, note, author, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    currentOfKpi: sqlite.prepare(CURRENT.replace('%WHERE%', 'WHERE m.kpi_id = ?')),
    currentOfBoard: sqlite.prepare(CURRENT.replace('%WHERE%', 'JOIN kpi k ON k.id = m.kpi_id WHERE k.board_id = ?')),
    // The KPIs of one board page: ids in (after, through], a range seek on measurement_kpi_period (the unary + keeps
    // SQLite from walking the whole board by its (board, code) index instead).
    currentOfRange: sqlite.prepare(CURRENT.replace('%WHERE%', 'JOIN kpi k ON k.id = m.kpi_id WHERE +k.board_id = ? AND m.kpi_id > ? AND m.kpi_id <= ?')),
    historyOfKpi: sqlite.prepare('SELECT * FROM measurement WHERE kpi_id = ? ORDER BY period_start, id')
  }

  const addManyTx = transaction((boardId: number, items: { kpiId: number; m: NewMeasurement }[], actor: string, summary: string) => {
    // Current values per KPI, loaded once, so that a re-pull of unchanged numbers stores nothing.
    const current = new Map<number, Map<string, number>>()
    const currentOf = (kpiId: number) => {
      let values = current.get(kpiId)
      if (!values) {
        values = new Map((stmt.currentOfKpi.all(kpiId) as MeasurementSqlRow[]).map((r) => [`${r.period_start}/${r.period_end}`, r.value]))
        current.set(kpiId, values)
      }
      return values
    }
    let stored = 0
    const at = now()
    for (const { kpiId, m } of items) {
      if (!Number.isFinite(m.value)) throw new AppError('MEASUREMENT_INVALID', `Value ${m.value} is not a number.`)
      const key = `${m.period.start}/${m.period.end}`
      const values = currentOf(kpiId)
      // A value read again from its source (a pull, a PRD's current value) is no new measurement.
      if ((m.source === 'query' || m.source === 'import') && values.get(key) === m.value) continue
      stmt.insert.run(kpiId, m.period.start, m.period.end, m.value, m.source, m.dataSourceId ?? null, m.queryHash ?? null, m.note ?? '', actor, at)
      values.set(key, m.value)
      stored++
    }
    // Nothing stored is nothing done: no audit row (a pull records one row for its whole run instead).
    if (stored === 0) return 0
    audit.record({
      actor,
      action: 'actuals.add',
      boardId,
      kpiId: items.length === 1 ? items[0]!.kpiId : null,
      summary,
      details: { stored, received: items.length, ...(items.length === 1 ? { code: kpis.get(items[0]!.kpiId).code } : {}) }
    })
    return stored
  })

  /**
   * Stores values; a re-pull that returns the same number for a period adds nothing. A bulk caller
   * (a pull) passes `bulk`: it announces all its KPIs once at the end.
   */
  function addMany(boardId: number, items: { kpiId: number; m: NewMeasurement }[], actor: string, summary: string, bulk = false): number {
    const stored = addManyTx(boardId, items, actor, summary)
    if (stored > 0 && !bulk) events.emit('actuals.changed', { boardId, kpiIds: [...new Set(items.map((i) => i.kpiId))] })
    return stored
  }
  /** One audit row for a pull that stored nothing: the user sees it ran, without a row per KPI. */
  const recordNothingNew = transaction((boardId: number, actor: string, summary: string, details: Record<string, unknown>) => {
    audit.record({ actor, action: 'actuals.pull', boardId, kpiId: null, summary, details })
  })
  const list = (kpiId: number): MeasurementView[] => (stmt.currentOfKpi.all(kpiId) as MeasurementSqlRow[]).map(toView)

  return {
    addMany,
    recordNothingNew,
    add(kpiId: number, m: NewMeasurement, actor: string): MeasurementView {
      const kpi = kpis.get(kpiId)
      addMany(kpi.boardId, [{ kpiId, m }], actor, `${kpi.code}: ${m.value} for ${m.period.start}…${m.period.end}`)
      return list(kpiId).find((v) => v.periodStart === m.period.start && v.periodEnd === m.period.end)!
    },
    list,
    history: (kpiId: number): MeasurementView[] => (stmt.historyOfKpi.all(kpiId) as MeasurementSqlRow[]).map(toView),
    /** Current values of every KPI of a board, grouped by KPI and sorted by period. */
    ofBoard(boardId: number, range?: { after: number; through: number }): Map<number, MeasurementView[]> {
      const byKpi = new Map<number, MeasurementView[]>()
      const rows = range ? stmt.currentOfRange.all(boardId, range.after, range.through) : stmt.currentOfBoard.all(boardId)
      for (const row of rows as MeasurementSqlRow[]) {
        const list = byKpi.get(row.kpi_id) ?? []
        list.push(toView(row))
        byKpi.set(row.kpi_id, list)
      }
      return byKpi
    },
    /**
     * CSV with columns code, period_start, period_end, value[, note]: all rows or none. Bytes are decoded
     * (UTF-8, UTF-16/32 with BOM, GB18030); values are read by the one strict number parser.
     * The CSV parser loads on the first import: a command that lists a board never pays for it.
     */
    async importCsv(boardId: number, content: string | Uint8Array, actor: string, fileName = 'actuals.csv'): Promise<number> {
      const { readActualsCsv } = await import('./actuals-csv')
      return addMany(
        boardId,
        readActualsCsv(content, fileName, (code) => kpis.resolve(boardId, code)),
        actor,
        `Imported actuals from ${shorten(fileName, 120)}`
      )
    }
  }
}
export type MeasurementService = ReturnType<typeof createMeasurementService>
