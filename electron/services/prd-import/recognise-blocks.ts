import type { Heading, Root } from 'mdast'
import { sectionKind } from './context'
import { newDraft, splitCodeAndName, type Draft } from './draft'
import { applyEntry, type Entry } from './field-map'
import { labelKind, type FieldKind } from './labels'
import { cleanHeading, endLine, startLine, textOf } from './markdown-tree'
import { readEntries } from './read-entries'
import { refineTarget } from './refine-target'

const REQUIREMENT_CODE = /^(?:REQ|FR|NFR|US|UC|TC|AC|QA|BUG|TASK|STORY|EPIC)-/i

const KPI_KINDS = new Set<FieldKind>(['target', 'formula', 'dataSource', 'frequency', 'owner', 'alert', 'description', 'benchmarks', 'breakdown'])

/** A heading without a KPI code is a KPI only when its fields say so: a target or formula and two more. */
function looksLikeKpi(entries: Entry[]): boolean {
  const kinds = new Set(entries.map((entry) => entry.kind).filter((kind): kind is FieldKind => kind !== null && KPI_KINDS.has(kind)))
  return (kinds.has('target') || kinds.has('formula')) && kinds.size >= 3
}

/**
 * Structured KPI blocks: a heading ("KPI-U001: 月活跃用户数 (MAU)", "3.2 首屏加载时间") and the labelled
 * fields under it, up to the next heading that is not itself a field label, or a thematic break.
 * The category is the nearest enclosing section heading, without emoji and numbering.
 */
export function recogniseBlocks(root: Root, chains: Heading[][]): { drafts: Draft[]; consumed: Set<number> } {
  const drafts: Draft[] = []
  const consumed = new Set<number>()
  const nodes = root.children
  for (let i = 0; i < nodes.length; i++) {
    const heading = nodes[i]!
    if (heading.type !== 'heading') continue
    let end = i + 1
    while (end < nodes.length) {
      const next = nodes[end]!
      if (next.type === 'thematicBreak') break
      if (next.type === 'heading' && (next.depth <= heading.depth || !labelKind(textOf(next), true))) break
      end++
    }
    const title = textOf(heading)
    const coded = splitCodeAndName(title.replace(/^[^\p{L}\p{N}]+/u, '').replace(/^(?:指标|metric|kpi)\s*(?=[A-Z][A-Z0-9]*[-_]?\d)/i, ''))
    if (coded && REQUIREMENT_CODE.test(coded.code)) continue
    const { entries, preamble } = readEntries(nodes.slice(i + 1, end))
    const chain = chains[i] ?? []
    // A coded heading is judged by the sections above it ("KPI-T001: 单元测试覆盖率" is not a test plan).
    if ((!coded && !looksLikeKpi(entries)) || sectionKind(coded ? chain : [...chain, heading]) === 'excluded') continue

    const last = nodes[end - 1]!
    const draft = newDraft('block', coded?.name || cleanHeading(title), startLine(heading), endLine(last))
    draft.code = coded?.code ?? null
    if (!draft.name) draft.name = draft.code ?? ''
    const parent = chain[chain.length - 1]
    if (parent) draft.category = cleanHeading(textOf(parent))
    for (const entry of entries) applyEntry(draft, entry)
    if (!draft.description && preamble.length) draft.description = preamble.join(' ')
    drafts.push(...refineTarget(draft))
    for (let k = i; k < end; k++) consumed.add(k)
    i = end - 1
  }
  return { drafts, consumed }
}
