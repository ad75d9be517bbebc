import type { UnparseConfig } from 'papaparse'

/*
 * OWASP's rule against CSV injection: a text cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe. Numbers stay as
 * they are, and a cell that already starts with apostrophes before such a character gets one more,
 * so that the import, which strips exactly one, gives every value back unchanged.
 */
const FORMULA_LIKE = /^(?![-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$)'*[=+\-@\t\r]/
const NEUTRALISED = /^''*[=+\-@\t\r]/

/** Papa.unparse options for every CSV the app writes. */
export const NEUTRAL_CSV: Pick<UnparseConfig, 'escapeFormulae'> = { escapeFormulae: FORMULA_LIKE }

/** The value as it was before export: the apostrophe the export added comes off. */
export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value
}
