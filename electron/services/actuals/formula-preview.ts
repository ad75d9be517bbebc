import { AppError, isAppError } from '../../domain/errors'
import type { FormulaPreview, MappedValue, PreviewProblem } from '../../domain/formula-preview'
import type { KpiView } from '../../domain/views'
import { describePeriod, grainOf, periodContaining, type LabelledPeriod, type Period } from '../../domain/period'
import type { ResultMapping } from '../../domain/result-mapping'
import type { Connector, SourceKind } from '../connectors'
import { periodDependence } from '../connectors/date-bindings'
import { applyMapping } from './apply-mapping'
import { periodProblem } from './kpi-values'
import { proposeMapping } from './propose-mapping'
import { previewTable } from './result-table'

/** Rows of the table the preview shows; the row count is always the whole result's. */
export const PREVIEW_ROWS = 50

export interface PreviewDraft {
  /** A formula not saved yet (the rewrite the user is looking at). */
  formula?: string
  /** A mapping not saved yet; null previews without any. */
  mapping?: ResultMapping | null
}

function labelled(period: LabelledPeriod | Period): FormulaPreview['period'] {
  if ('grain' in period) return period
  const grain = grainOf(period)
  return grain ? periodContaining(period.start, grain) : { start: period.start, end: period.end, grain: null, label: describePeriod(period) }
}

const problemOf = (error: unknown): PreviewProblem => ({
  code: isAppError(error) ? error.code : 'QUERY_FAILED',
  message: (error as Error).message
})

/**
 * Runs a KPI's formula for one period and shows what a pull would do with it: the table (columns with
 * types, first rows, row count), the mapping the app proposes with its reasons, the values the KPI's
 * mapping (or the draft, or else the proposal) gives, and the dates the SQL holds with their rewrite.
 */
export async function previewFormula(
  connector: Connector,
  kind: SourceKind,
  kpi: KpiView,
  period: LabelledPeriod | Period,
  draft: PreviewDraft,
  signal?: AbortSignal
): Promise<FormulaPreview> {
  const formula = draft.formula ?? kpi.formula
  if (!formula.trim()) throw new AppError('QUERY_SYNTAX', `${kpi.code} has no formula to preview.`)
  const result = await connector.runQuery(formula, period, signal)
  const subject = { ...kpi, formula }
  const proposal = proposeMapping(result, subject)
  const dates = periodDependence(formula, kind, kpi.frequency)
  const ctx = { range: { start: period.start, end: period.end }, frequency: kpi.frequency, sql: formula }
  let mapping = draft.mapping !== undefined ? draft.mapping : kpi.mapping
  let mappingSource: FormulaPreview['mappingSource'] = draft.mapping !== undefined ? 'draft' : 'kpi'
  // A table the KPI has not mapped yet is shown with the proposal's values.
  if (!mapping && mappingSource === 'kpi' && (proposal.mapping?.value || proposal.mapping?.period)) {
    mapping = proposal.mapping
    mappingSource = 'proposal'
  }
  let values: MappedValue[] = []
  let valueError: PreviewProblem | null = null
  try {
    values = applyMapping(result, mapping, ctx).values
  } catch (error) {
    valueError = problemOf(error)
  }
  const blocked = periodProblem({ ...subject, mapping }, dates, result)
  return {
    period: labelled(period),
    boundSql: result.boundSql,
    elapsedMs: result.elapsedMs,
    table: previewTable(result, PREVIEW_ROWS),
    mapping,
    mappingSource,
    values,
    valueError,
    pullBlocked: blocked ? problemOf(blocked) : null,
    proposal,
    dates
  }
}
