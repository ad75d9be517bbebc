import type { Heading, Root } from 'mdast'
import type { SkipReason } from '../../domain/prd-candidates'
import { sectionContext } from './context'
import { newDraft, type Draft } from './draft'
import { endLine, sectionCategory, startLine, textOf } from './markdown-tree'
import { readStatement } from './read-statement'
import { MEASURE_NOUN } from './value-maps'
import { NO_TARGET } from './watched-metrics'

// Sections whose tables are not KPI tables but whose cells may still state a metric with its goal.
const CELL_SECTIONS: ReadonlySet<SkipReason> = new Set(['features', 'team-and-risks'])
const MODAL = /\b(?:must|should|shall|never)\b|不得|必须|须|应当?/i

/**
 * A features or risks table keeps a metric in a cell: "深度转化成本达成率 ≥ 80%" beside a feature, "drift on finance
 * tables must stay under 0.01%" beside a risk, "建议采纳率先上线观察，不设目标". Such a cell is a KPI when it names a
 * measure (or binds it with must / 不得) and states a worded target, or names a measure the author chose not to target.
 */
export function recogniseCells(root: Root, chains: Heading[][], consumed: Set<number>): Draft[] {
  const drafts: Draft[] = []
  root.children.forEach((table, index) => {
    const context = sectionContext(chains[index] ?? [])
    if (table.type !== 'table' || consumed.has(index) || context.kind !== 'excluded' || !CELL_SECTIONS.has(context.reason!)) return
    for (const row of table.children.slice(1)) {
      for (const cell of row.children) {
        const text = textOf(cell).trim()
        for (const clause of text.split(/[;；]\s*/)) {
          const draft = cellDraft(clause, text)
          if (!draft) continue
          Object.assign(draft.lines, { start: startLine(row), end: endLine(row) })
          draft.category = sectionCategory(chains[index] ?? [])
          drafts.push(draft)
        }
      }
    }
  })
  return drafts
}

function cellDraft(clause: string, cell: string): Draft | null {
  if (!/\d/.test(clause) && !NO_TARGET.test(cell)) return null
  const statement = readStatement(clause)
  if (!statement?.name || statement.name.length > 40) return null
  const measured = MEASURE_NOUN.test(statement.name)
  // "意图数从 180 扩到 320" describes what a feature changes; a bound ("≥ 80%", "不超过 0.8%") is a goal.
  if (statement.target && statement.worded && !statement.baseline && (measured || MODAL.test(clause))) {
    const draft = newDraft('table', statement.name, 0, 0)
    draft.targetText = statement.target
    draft.description = statement.definition
    draft.currentValue = statement.baseline
    return draft
  }
  // "建议采纳率先上线观察，不设目标": the measure leads the cell, the rest says it is only watched.
  const watched = NO_TARGET.test(cell) ? /^([^，,。（(]{2,20}?率|[^，,。（(]{2,20}?(?:占比|比例|声量|时长))/u.exec(clause)?.[1] : undefined
  if (!watched) return null
  const draft = newDraft('table', watched, 0, 0)
  draft.description = cell
  return draft
}
