import type { ErrorCode } from './errors'
import type { Frequency } from './kpi'
import type { Grain, LabelledPeriod } from './period'
import type { ResultMapping } from './result-mapping'

/** What a result column holds, read from the database's own type name (or from its values when it gives none). */
export type ColumnKind = 'number' | 'text' | 'date' | 'timestamp' | 'boolean' | 'other'

export interface PreviewColumn {
  name: string
  /** The database's type name, as it reported it. */
  type: string
  kind: ColumnKind
}

export type PreviewCell = string | number | boolean | null

export interface PreviewTable {
  columns: PreviewColumn[]
  /** The first rows, display-safe (big integers and decimals as text). */
  rows: PreviewCell[][]
  rowCount: number
}

/** A date written into the SQL or a read of the clock: the result then describes a fixed or moving window. */
export interface DateFinding {
  kind: 'literal' | 'clock'
  text: string
  line: number
  column: number
}

/** The formula with its dates bound to `:period_start` / `:period_end`, offered as a diff; applied only when accepted. */
export interface DateRewrite {
  formula: string
  changes: { line: number; before: string; after: string }[]
  /** The length of the window the hard-coded dates spanned, when they spanned exactly one. */
  grain: Grain | null
  /** Offered with the rewrite when the KPI's frequency pulls periods of another length than the dates spanned. */
  frequency?: Frequency
}

export interface PeriodDependence {
  /** The formula uses `:period_start` or `:period_end`. */
  binds: boolean
  findings: DateFinding[]
  rewrite: DateRewrite | null
}

/** Why the app proposes a part of the mapping; `key` is translated by the UI, `params` fill it in. */
export interface ProposalNote {
  key:
    | 'single-value'
    | 'period-column'
    | 'period-label'
    | 'value-name'
    | 'value-percentile'
    | 'value-last'
    | 'segment-total'
    | 'combine-ratio'
    | 'combine-weighted'
    | 'combine-sum'
    | 'scale-percent'
    | 'scale-ratio'
    | 'no-number'
    | 'segments-unresolved'
    | 'not-summable'
    | 'timed-rows'
  params: Record<string, string | number>
}

export interface MappingProposal {
  mapping: ResultMapping | null
  reasons: ProposalNote[]
  /** What the user still has to decide (e.g. a percentile per endpoint cannot be combined). */
  warnings: ProposalNote[]
}

export interface MappedValue {
  periodStart: string
  periodEnd: string
  value: number
  /** How many result rows made this value. */
  rows: number
}

export interface PreviewProblem {
  code: ErrorCode
  message: string
}

export interface FormulaPreview {
  period: LabelledPeriod | { start: string; end: string; grain: null; label: string }
  boundSql: string
  elapsedMs: number
  table: PreviewTable
  /** The mapping the values below were computed with, and whose it is. */
  mapping: ResultMapping | null
  mappingSource: 'kpi' | 'draft' | 'proposal'
  values: MappedValue[]
  /** Why no value came out of the table (a missing column, text in the value column …). */
  valueError: PreviewProblem | null
  /** Why a pull would store nothing although the table has values (the result does not depend on the period …). */
  pullBlocked: PreviewProblem | null
  proposal: MappingProposal
  dates: PeriodDependence
}

/** English sentences for the proposal notes (the CLI prints them; the UI has its own translations). */
export function noteText(note: ProposalNote): string {
  const p = note.params
  switch (note.key) {
    case 'single-value':
      return 'The formula returns one number: no mapping is needed.'
    case 'period-column':
      return `"${p.column}" holds ${p.kind} values: one row per ${p.grain}.`
    case 'period-label':
      return `"${p.column}" holds period labels such as ${p.sample}: one row per ${p.grain}.`
    case 'value-name':
      return `"${p.column}" matches "${p.word}" in the KPI's ${p.from}.`
    case 'value-percentile':
      return `"${p.column}" is the P${p.percentile} the target asks for.`
    case 'value-last':
      return `"${p.column}" is the last numeric column, where report queries put their result.`
    case 'segment-total':
      return `Rows are per ${p.column}; the row where ${p.column} = '${p.value}' holds the total.`
    case 'combine-ratio':
      return `"${p.column}" equals ${p.numerator} / ${p.denominator}${p.factor !== 1 ? ` × ${p.factor}` : ''} in every row: rows of one period are combined by summing both columns and dividing again, never by averaging the ratios.`
    case 'combine-weighted':
      return `"${p.column}" is an average over "${p.weight}" rows: rows of one period are combined as a mean weighted by ${p.weight}.`
    case 'combine-sum':
      return `"${p.column}" counts things: rows of one period are added up.`
    case 'scale-percent':
      return `The values are ratios (e.g. ${p.sample}) and the target is ${p.target}: they are multiplied by 100 to be stored as percent.`
    case 'scale-ratio':
      return `The values are percents (e.g. ${p.sample}) and the target is ${p.target}: they are divided by 100 to be stored as ratios.`
    case 'no-number':
      return 'No column holds numbers; the formula cannot give a KPI value as it is.'
    case 'segments-unresolved':
      return `Several rows per period differ by ${p.column} (${p.values}); "${p.value}" cannot be combined across them: pick one ${p.column} as the segment.`
    case 'not-summable':
      return `"${p.column}" counts distinct things per ${p.by}; adding the rows could count some twice: pick a segment, or count over all rows in the formula.`
    case 'timed-rows':
      return `"${p.column}" holds times within the day (e.g. ${p.sample}); rows are grouped by day.`
  }
}
