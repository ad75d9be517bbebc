import type { KpiFields } from './kpi'

export const CANDIDATE_WARNINGS = [
  'target-unparsed',
  'no-target',
  /** The target was read from the alert thresholds (a monitoring spec states no goal of its own). */
  'target-derived',
  /** The target is a change ("+20%", "double") and needs a baseline before it can be judged. */
  'relative',
  'no-formula',
  'no-unit',
  'no-source',
  'no-frequency',
  'no-owner',
  'vague',
  'generated-code'
] as const
export type CandidateWarning = (typeof CANDIDATE_WARNINGS)[number]

/** Where in the document's structure a KPI was found. */
export type CandidateOrigin = 'block' | 'table' | 'list' | 'sentence' | 'monitoring'

/** Longest passage kept for a KPI: its own lines, not the document. */
export const MAX_PASSAGE_CHARS = 4000

/** One KPI found in a PRD, before the user previews and commits it. */
export interface Candidate {
  fields: KpiFields
  /** The current value or baseline as written in the document ("45 分钟", "from 24%"). */
  currentValue: string | null
  /** 0..1: how complete and unambiguous the extraction was. */
  confidence: number
  warnings: CandidateWarning[]
  /** 1-based, inclusive line range in the decoded document. */
  lines: { start: number; end: number }
  origin: CandidateOrigin
  /** The document's own words for this KPI (its lines, under its section heading), for the preview and the draft review. */
  passage: string
}

/** Why a section of the document gave no KPI. */
export const SKIP_REASONS = [
  'acceptance',
  'tests',
  'requirements',
  'pricing',
  'history',
  'out-of-scope',
  'background',
  'team-and-risks',
  'schedule',
  'features',
  'document-info',
  'actions',
  'no-measurable'
] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

export interface SkippedSection {
  heading: string
  lines: { start: number; end: number }
  reason: SkipReason
}

export interface ExtractResult {
  candidates: Candidate[]
  /** Sections with text that gave no KPI, and why. */
  skipped: SkippedSection[]
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

/** Flags that ask the user to look at a KPI's target before importing it (missing fields are only warnings). */
export const TARGET_FLAGS: readonly CandidateWarning[] = ['target-unparsed', 'target-derived', 'relative', 'vague']

export interface ImportCounts {
  found: number
  /** A target the parser understood. */
  withTarget: number
  /** No target, or one that was not understood. */
  needTarget: number
  /** A target to check: derived from alerts, relative, vague or not understood. */
  flagged: number
}

/** The counts at the top of an import preview, for the rows as they stand (warnings as currently shown). */
export function importCounts(rows: readonly { fields: Pick<KpiFields, 'target'>; warnings: readonly string[] }[]): ImportCounts {
  const counts: ImportCounts = { found: rows.length, withTarget: 0, needTarget: 0, flagged: 0 }
  for (const row of rows) {
    if (row.fields.target?.parsed) counts.withTarget++
    else counts.needTarget++
    if (row.warnings.some((warning) => (TARGET_FLAGS as readonly string[]).includes(warning))) counts.flagged++
  }
  return counts
}
