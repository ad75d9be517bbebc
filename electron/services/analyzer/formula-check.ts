import dayjs from 'dayjs'
import { lastCompletePeriod, type PullService } from '../actuals/pull-service'
import type { AnalyzerKpi, FormulaCheck } from './'
import { isManualSource } from './gates'
import { checkFormula, type SourceKind, type TableInfo } from '../connectors'
import { isAppError } from '../../domain/errors'
import type { SourceService } from '../sources/source-service'

/** Names a formula uses that the source's schema does not have (tables, then columns). */
function missingNames(used: { tables: string[]; columns: string[] }, schema: TableInfo[]): { tables: string[]; columns: string[] } {
  const tables = new Set(schema.map((t) => t.name.toLowerCase()))
  const columns = new Set(schema.flatMap((t) => t.columns.map((c) => c.name.toLowerCase())))
  return {
    tables: used.tables.filter((t) => !tables.has(t.split('.').at(-1)!.toLowerCase())),
    columns: used.columns.filter((c) => c !== '*' && !columns.has(c.split('.').at(-1)!.toLowerCase()))
  }
}

/**
 * The feasibility analyzer's check of one formula: parsed for its source's dialect, names
 * compared with the source's schema, then run read-only for the last complete period.
 */
export function createFormulaCheck(deps: { sources: SourceService; pull: PullService; now: () => number }) {
  const schemas = new Map<string, Promise<TableInfo[]>>()
  return async (kpi: AnalyzerKpi): Promise<FormulaCheck> => {
    const { formula, dataSource, frequency } = kpi.fields
    if (!formula.trim()) return { ok: false, code: 'no-source', message: 'No formula to check.' }
    if (!dataSource.trim() || isManualSource(dataSource))
      return { ok: false, code: 'no-source', message: 'No connected data source; the KPI is entered manually.' }
    let kind: SourceKind
    try {
      kind = deps.sources.get(dataSource).kind
    } catch {
      return { ok: false, code: 'no-source', message: `Data source "${dataSource}" is not connected.` }
    }
    let used: { tables: string[]; columns: string[] }
    try {
      used = checkFormula(formula, kind)
    } catch (error) {
      const write = isAppError(error) && error.code === 'SOURCE_WRITE_REFUSED'
      return { ok: false, code: write ? 'write' : 'syntax', message: (error as Error).message }
    }
    try {
      if (!schemas.has(dataSource)) schemas.set(dataSource, deps.sources.tables(dataSource))
      const missing = missingNames(used, await schemas.get(dataSource)!)
      if (missing.tables.length) return { ok: false, code: 'missing-table', message: `Missing table(s): ${missing.tables.join(', ')}`, missing: missing.tables }
      if (missing.columns.length)
        return { ok: false, code: 'missing-column', message: `Missing column(s): ${missing.columns.join(', ')}`, missing: missing.columns }
      const period = lastCompletePeriod(dayjs(deps.now()).format('YYYY-MM-DD'), frequency)
      const result = await deps.pull.preview(kpi.id, period)
      return { ok: true, value: result.kind === 'single' ? result.value : result.points.at(-1)?.value }
    } catch (error) {
      return { ok: false, code: 'failed', message: (error as Error).message }
    }
  }
}
