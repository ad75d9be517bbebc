import dayjs from 'dayjs'
import { lastCompletePeriod, type PullService } from '../actuals/pull-service'
import type { AnalyzerKpi, FormulaCheck } from './'
import { databaseFinding } from './database-findings'
import { isManualSource } from './gates'
import { checkFormula, type SourceKind } from '../connectors'
import { isAppError } from '../../domain/errors'
import type { SourceService } from '../sources/source-service'

/**
 * The feasibility analyzer's check of one formula: guarded for its source's dialect, planned by the
 * database itself (EXPLAIN, prepare) so that unknown names are the database's verdict, then run
 * read-only for the last complete period to see what a pull would store.
 */
export function createFormulaCheck(deps: { sources: SourceService; pull: PullService; now: () => number }) {
  return async (kpi: AnalyzerKpi): Promise<FormulaCheck> => {
    const { formula, dataSource, frequency } = kpi.fields
    if (!formula.trim()) return { ok: false, code: 'no-source', message: 'No formula to check.' }
    if (!dataSource.trim()) return { ok: false, code: 'no-source', message: 'No data source is assigned yet.' }
    if (isManualSource(dataSource)) return { ok: false, code: 'no-source', message: 'No connected data source; the KPI is entered manually.' }
    let kind: SourceKind
    try {
      kind = deps.sources.get(dataSource).kind
    } catch {
      return { ok: false, code: 'no-source', message: `Data source "${dataSource}" is not connected.` }
    }
    try {
      checkFormula(formula, kind)
    } catch (error) {
      const write = isAppError(error) && error.code === 'SOURCE_WRITE_REFUSED'
      return { ok: false, code: write ? 'write' : 'syntax', message: (error as Error).message }
    }
    const period = lastCompletePeriod(dayjs(deps.now()).format('YYYY-MM-DD'), frequency)
    const { connector } = deps.sources.open(dataSource)
    try {
      await connector.explain(formula, period)
    } catch (error) {
      return databaseFinding(error, formula, kind)
    } finally {
      await connector.close()
    }
    try {
      const preview = await deps.pull.preview(kpi.id, period, { formula })
      const proposed = preview.mappingSource === 'proposal'
      if (preview.valueError && !proposed) return { ok: false, code: 'failed', message: preview.valueError.message }
      return {
        ok: true,
        value: preview.values.at(-1)?.value,
        ...(proposed ? { proposal: preview.proposal } : {}),
        ...(preview.pullBlocked ? { unbound: { message: preview.pullBlocked.message, rewrite: preview.dates.rewrite } } : {})
      }
    } catch (error) {
      return databaseFinding(error, formula, kind)
    }
  }
}
