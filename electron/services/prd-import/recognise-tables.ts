import type { Heading, Root, Table } from 'mdast'
import { TBD_WORDS } from '../../domain/target/lexicon'
import type { SkipReason } from '../../domain/prd-candidates'
import { sectionContext } from './context'
import { newDraft, normalizeCode, splitCodeAndName, type Draft } from './draft'
import { columnKind, normalizeLabel, type FieldKind } from './labels'
import { endLine, sectionCategory, startLine, textOf } from './markdown-tree'
import { readStatement } from './read-statement'
import { refineTarget } from './refine-target'
import { baselineIn } from './target-span'
import { mapStage, mapStatus } from './value-maps'

const GATES: ReadonlySet<SkipReason> = new Set(['acceptance', 'requirements'])
const MEASURE_KINDS: FieldKind[] = ['target', 'current', 'formula', 'dataSource', 'frequency', 'alert']
const DEFINING_KINDS: FieldKind[] = ['description', 'owner']
const FLIP: Record<string, string> = { '>': '≤', '>=': '≤', '≥': '≤', '<': '≥', '<=': '≥', '≤': '≥' }

/**
 * Column kinds of a table whose header reads like a KPI table, or null (document info, pricing …). In a metrics
 * section a name with a definition or owner is enough: a metric dictionary lists KPIs that still need targets.
 */
function kpiColumns(table: Table, metricSection: boolean): (FieldKind | null)[] | null {
  const header = table.children[0]
  if (!header) return null
  const kinds = header.children.map((cell) => columnKind(textOf(cell)))
  const has = (kind: FieldKind) => kinds.includes(kind)
  // A bare "description | target" pair is also how phase plans look; it needs a value or source column too.
  const described = has('description') && (has('current') || has('dataSource') || has('formula'))
  const named = has('name') || has('code') || described
  return named && (MEASURE_KINDS.some(has) || (metricSection && has('name') && DEFINING_KINDS.some(has))) ? kinds : null
}

/**
 * "Goal | Metric | Today | Success looks like": when several columns read as targets, the one whose cells hold
 * numbers is the target; the others ("Keep our promise") only describe the row.
 */
function oneTargetColumn(table: Table, kinds: (FieldKind | null)[]): (FieldKind | null)[] {
  const targets = kinds.flatMap((kind, column) => (kind === 'target' ? [column] : []))
  if (targets.length < 2) return kinds
  const numbers = (column: number) => table.children.slice(1).filter((row) => /\d/.test(textOf(row.children[column] ?? row))).length
  const best = targets.reduce((a, b) => (numbers(b) > numbers(a) ? b : a))
  return kinds.map((kind, column) => (kind === 'target' && column !== best ? null : kind))
}

// "must stay below 3%", "0.1% max", "不超过 2%": a threshold written as the bound the metric must keep is its target.
const BOUND =
  /\b(?:must|should|stay|stays|keep|max(?:imum)?|min(?:imum)?|at most|at least|no (?:more|less|fewer|higher|lower) than|not (?:exceed|drop))\b|不超过|不低于|不高于|不少于|至少|最多|上限|下限/i

/** A threshold worded as the bound to keep ("must stay below 3%") is the target as written. */
function boundFromThreshold(draft: Draft): void {
  if (!draft.targetText && BOUND.test(draft.alertText) && readStatement(draft.alertText, { name: draft.name })?.worded) draft.targetText = draft.alertText
}

/** "> 5", "> 30 s" in a threshold column with no target column: the target is its mirror, flagged as derived. */
function deriveFromThreshold(draft: Draft): void {
  const match = /^\s*(>=|<=|[><≥≤])\s*(.+)$/.exec(draft.alertText)
  if (draft.targetText || !match) return
  draft.targetText = `${FLIP[match[1]!]} ${match[2]!.trim()}`
  draft.targetDerived = true
  draft.notes.push(`Target derived from the alert threshold "${draft.alertText}"`)
}

function applyCell(draft: Draft, kind: FieldKind | null, header: string, value: string): void {
  switch (kind) {
    case 'code':
      // A row number ("1", "#2") is not a code.
      draft.code = normalizeCode(value) ?? (/[A-Za-z]/.test(value) && /\d/.test(value) ? value : null)
      return
    case 'name':
    case 'description':
      return
    case 'target':
      draft.targetText = TBD_WORDS.has(value.normalize('NFKC').replace(/[—–]/g, '-').trim().toLowerCase()) ? '' : value
      return
    case 'current':
      draft.currentValue = TBD_WORDS.has(value.normalize('NFKC').replace(/[—–]/g, '-').trim().toLowerCase()) ? draft.currentValue : value || null
      return
    case 'stage':
      draft.stage = mapStage(value)
      if (!draft.stage) draft.notes.push(`${header}: ${value}`)
      return
    case 'status':
      draft.status = mapStatus(value)
      if (!draft.status) draft.notes.push(`${header}: ${value}`)
      return
    case 'formula':
    case 'dataSource':
    case 'unit':
    case 'owner':
    case 'category':
      draft[kind] = value
      return
    case 'frequency':
      draft.frequencyText = value
      return
    case 'alert':
      draft.alertText = value
      return
    case 'benchmarks':
      draft.benchmarks.push({ label: header, value })
      return
    default:
      draft.notes.push(`${header}: ${value}`)
      draft.currentValue ??= baselineIn(value)
  }
}

/** One KPI per row of every Markdown table whose header names a metric and a target, value or source. */
export function recogniseTables(root: Root, chains: Heading[][], consumed: Set<number>): { drafts: Draft[]; notes: string[] } {
  const drafts: Draft[] = []
  const notes: string[] = []
  root.children.forEach((table, index) => {
    const context = sectionContext(chains[index] ?? [])
    const kind = context.kind
    if (table.type !== 'table' || consumed.has(index) || (kind === 'excluded' && !GATES.has(context.reason!))) return
    const columns = kpiColumns(table, kind === 'metric' || kind === 'okr')
    // Under an acceptance or requirements heading only a table that sets targets against today's values is a KPI table:
    // acceptance criteria carry no baseline.
    if (!columns || (kind === 'excluded' && !(columns.includes('current') && columns.includes('target')))) return
    const kinds = oneTargetColumn(table, columns)
    const headers = table.children[0]!.children.map(textOf)
    const nameColumn = [kinds.indexOf('name'), kinds.indexOf('description'), kinds.indexOf('code')].find((column) => column >= 0)!
    const ragged: number[] = []
    const keyResults = /^(?:kr|keyresults?|关键结果)$/.test(normalizeLabel(headers[nameColumn] ?? ''))
    const targetColumn = kinds.includes('target')
    for (const row of table.children.slice(1)) {
      if (row.children.length !== headers.length) ragged.push(startLine(row))
      const cells = headers.map((_, column) => {
        const cell = row.children[column]
        return cell ? textOf(cell) : ''
      })
      const coded = splitCodeAndName(cells[nameColumn] ?? '')
      const name = kinds[nameColumn] === 'code' ? '' : coded ? coded.name : (cells[nameColumn] ?? '')
      const draft = newDraft('table', name, startLine(row), endLine(row))
      if (coded) draft.code = coded.code
      const description = kinds.indexOf('description')
      if (description >= 0 && description !== nameColumn) draft.description = cells[description] ?? ''
      cells.forEach((value, column) => {
        if (column !== nameColumn && value) applyCell(draft, kinds[column] ?? null, headers[column] ?? '', value)
      })
      boundFromThreshold(draft)
      // A key result or a name cell that states its own target ("次月留存提升 5 个百分点").
      // Only a table without a target column writes targets into its name cells.
      if (!draft.targetText && (keyResults || (!targetColumn && /\d|翻倍|减半|double|halve/i.test(draft.name)))) {
        const statement = readStatement(draft.name)
        if (statement?.target) {
          Object.assign(draft, { name: statement.name, targetText: statement.target, currentValue: draft.currentValue ?? statement.baseline })
          draft.milestones = statement.milestones.map((m) => ({ label: m.label, target: m.target, value: null }))
          if (statement.definition) draft.description = [draft.description, statement.definition].filter(Boolean).join('; ')
        } else if (keyResults) continue
      }
      if (!draft.name) draft.name = draft.code ?? ''
      if (!draft.name) continue
      draft.category ||= sectionCategory(chains[index] ?? [])
      deriveFromThreshold(draft)
      drafts.push(...refineTarget(draft))
    }
    if (ragged.length) {
      notes.push(
        `The table at line ${startLine(table)} has rows whose cell count differs from its header (lines ${ragged.join(', ')}); missing cells were left empty and extra cells ignored.`
      )
    }
  })
  return { drafts, notes }
}
