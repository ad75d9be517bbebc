import type { KpiFields } from './kpi'

export const CANDIDATE_WARNINGS = [
  'target-unparsed',
  'no-target',
  'no-formula',
  'no-unit',
  'no-source',
  'no-frequency',
  'no-owner',
  'vague',
  'generated-code'
] as const
export type CandidateWarning = (typeof CANDIDATE_WARNINGS)[number]

export type CandidateOrigin = 'block' | 'table' | 'list'

/** One KPI found in a PRD, before the user previews and commits it. */
export interface Candidate {
  fields: KpiFields
  /** The current value as written in the document (tables only), e.g. "45 分钟". */
  currentValue: string | null
  /** 0..1: how complete and unambiguous the extraction was. */
  confidence: number
  warnings: CandidateWarning[]
  /** 1-based, inclusive line range in the decoded document. */
  lines: { start: number; end: number }
  origin: CandidateOrigin
}

export interface ExtractResult {
  candidates: Candidate[]
  /** Document-level remarks in English: nothing found, ragged tables, unattached alert rules. */
  notes: string[]
}

export interface ExtractOptions {
  fileName?: string
  /** Prefix of generated codes; `KPI-` gives KPI-001, KPI-002 … */
  codePrefix?: string
  /** Cancels a long extraction with AppError CANCELLED. */
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}
