import type { Benchmark, ChangeRule, Milestone, Stage, Status } from '../../domain/kpi'
import type { CandidateOrigin } from '../../domain/prd-candidates'

/** What a recogniser found, as text; finish-candidate.ts turns it into KPI fields. */
export interface Draft {
  code: string | null
  name: string
  description: string
  category: string
  formula: string
  dataSource: string
  targetText: string
  unit: string
  frequencyText: string
  owner: string
  alertText: string
  /** The most severe absolute alert boundary, when the document gives several (a monitoring spec). */
  alertRedValue: number | null
  alertRules: ChangeRule[]
  benchmarks: Benchmark[]
  milestones: Milestone[]
  stage: Stage | null
  status: Status | null
  notes: string[]
  currentValue: string | null
  lines: { start: number; end: number }
  origin: CandidateOrigin
  /** The target was read from alert thresholds, not stated as a goal. */
  targetDerived: boolean
  /** Found in a summary or recap: only merged into the KPI it restates. */
  restated: boolean
  /** A key result written as an action with a count ("Run 4 university events"): at least that many. */
  atLeast?: boolean
}

export function newDraft(origin: CandidateOrigin, name: string, start: number, end: number): Draft {
  return {
    code: null,
    name,
    description: '',
    category: '',
    formula: '',
    dataSource: '',
    targetText: '',
    unit: '',
    frequencyText: '',
    owner: '',
    alertText: '',
    alertRedValue: null,
    alertRules: [],
    benchmarks: [],
    milestones: [],
    stage: null,
    status: null,
    notes: [],
    currentValue: null,
    lines: { start, end },
    origin,
    targetDerived: false,
    restated: false
  }
}

/** Splits "Month 1: 50 MAU" into label and value at its first colon. */
export function splitPair(text: string): { label: string; value: string } | null {
  const index = text.search(/[:：]/)
  if (index <= 0) return null
  const label = text.slice(0, index).trim()
  const value = text.slice(index + 1).trim()
  return label && value ? { label, value } : null
}

const CODE = /^([Kk][Pp][Ii])[\s_-]*([A-Za-z]{0,3})[\s_-]*(\d+(?:\.\d+)?)$|^([A-Z][A-Z0-9]{0,5})-([A-Z]{0,3}\d+)$/

/** A KPI code as written ("KPI-U001", "KPI 1", "KPI_3") in the form KPI-U001 / KPI-1, or null. */
export function normalizeCode(text: string): string | null {
  const match = CODE.exec(text.trim())
  if (!match) return null
  if (match[1]) return `KPI-${(match[2] ?? '').toUpperCase()}${match[3]}`
  return `${match[4]!.toUpperCase()}-${match[5]!.toUpperCase()}`
}

/** "KPI-U001: 月活跃用户数 (MAU)" → code and name; a heading or cell that does not start with a code gives null. */
export function splitCodeAndName(text: string): { code: string; name: string } | null {
  const match =
    /^\s*([Kk][Pp][Ii][\s_-]*[A-Za-z]{0,3}[\s_-]*\d+(?:\.\d+)?|[A-Z][A-Z0-9]{0,5}-[A-Z]{0,3}\d+)(?=$|[\s:：.、—–\-|｜)）])\s*[:：.、—–\-|｜]*\s*(.*)$/.exec(
      text
    )
  if (!match) return null
  const code = normalizeCode(match[1]!)
  return code ? { code, name: match[2]!.trim() } : null
}
