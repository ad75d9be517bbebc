import type { Heading, Root } from 'mdast'
import type { SkippedSection } from '../../domain/prd-candidates'
import { sectionContext } from './context'
import { endLine, startLine, textOf } from './markdown-tree'

/**
 * The sections with text that gave no KPI, each with the reason: what kind of section it is ("acceptance",
 * "pricing" …) or, for any other, that it holds no measurable statement. A section's subsections count as its own.
 */
export function skippedSections(root: Root, chains: Heading[][], found: readonly { start: number; end: number }[]): SkippedSection[] {
  const skipped: SkippedSection[] = []
  const nodes = root.children
  const ranges = [...found].sort((a, b) => a.start - b.start)
  let first = 0
  nodes.forEach((heading, index) => {
    if (heading.type !== 'heading') return
    let end = index + 1
    while (end < nodes.length && nodes[end]!.type !== 'heading') end++
    if (end === index + 1) return
    const lines = { start: startLine(heading), end: endLine(nodes[end - 1]!) }
    // Sections come in document order: ranges that end before this one can never overlap a later one.
    while (first < ranges.length && ranges[first]!.end < lines.start) first++
    let overlaps = false
    for (let k = first; k < ranges.length && ranges[k]!.start <= lines.end && !overlaps; k++) overlaps = ranges[k]!.end >= lines.start
    if (overlaps) return
    // The document title's words ("… Requirements") do not describe the lines under it.
    const title = !(chains[index + 1] ?? []).includes(heading)
    const context = sectionContext(title ? (chains[index] ?? []) : [...(chains[index] ?? []), heading])
    skipped.push({ heading: textOf(heading), lines, reason: context.kind === 'excluded' && context.reason ? context.reason : 'no-measurable' })
  })
  return skipped
}
