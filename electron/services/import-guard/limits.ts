/**
 * What one import may hold. Each limit is far above what a real PRD or board holds and low enough that the
 * parse stays within seconds and a few hundred MB (`npm run fuzz` measures it); the message names the limit.
 */
export const IMPORT_LIMITS = {
  /** Bytes a .docx/.xlsx may unpack to, all its parts together (a 1,000-KPI board is about 1 MB unpacked). */
  unzippedBytes: 64 * 1024 * 1024,
  /** Bytes of a .docx's main document part (its XML is 5–10 times its text; mammoth holds several copies). */
  docxDocumentBytes: 4 * 1024 * 1024,
  /** Parts inside one .docx/.xlsx package. */
  zipEntries: 5_000,
  /** Lines of one PRD. */
  prdLines: 5_000,
  /** Characters of one PRD's text (after decoding or converting a .docx): about a 500-page document. */
  prdChars: 1_000_000,
  /** Characters of one PRD line. */
  lineChars: 50_000,
  /** List and quote levels of a PRD; deeper lines are read at this level. */
  nesting: 16,
  /** Data rows of a board table (CSV or XLSX). */
  tableRows: 10_000,
  /** Rows of an actuals CSV. */
  actualsRows: 100_000,
  /** Columns of any table. */
  columns: 200
} as const

export type ImportLimit = keyof typeof IMPORT_LIMITS
