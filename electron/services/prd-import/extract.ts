import type { Heading, Root } from 'mdast'
import { attachAlertRules } from './attach-alert-rules'
import type { Draft } from './draft'
import { finishCandidate } from './finish-candidate'
import { flattenHostile } from './flatten-hostile'
import { parseMarkdown, sectionChains, startLine } from './markdown-tree'
import { mergeDrafts } from './merge-drafts'
import { normalizeTree } from './normalize-tree'
import { prepareText } from './prepare-text'
import { recogniseBlocks } from './recognise-blocks'
import { recogniseCells } from './recognise-cells'
import { recogniseMonitoring } from './recognise-monitoring'
import { recogniseStatements } from './recognise-statements'
import { recogniseTables } from './recognise-tables'
import { skippedSections } from './skipped-sections'
import { MAX_PASSAGE_CHARS, type Candidate, type ExtractOptions, type ExtractResult } from '../../domain/prd-candidates'

const MAX_PASSAGE_LINES = 40

interface HeadingLine {
  line: number
  depth: number
}

/**
 * The document's lines of a KPI (HTML tags dropped), under the heading of the section that holds them when that
 * is not among them: for a KPI that starts with its own heading, the nearest shallower one, not its sibling.
 */
function passageOf(lines: readonly string[], range: { start: number; end: number }, headings: readonly HeadingLine[]): string {
  const own = lines.slice(range.start - 1, Math.min(range.end, range.start - 1 + MAX_PASSAGE_LINES))
  let [low, high] = [0, headings.length]
  while (low < high) {
    const mid = (low + high) >> 1
    if (headings[mid]!.line < range.start) low = mid + 1
    else high = mid
  }
  const depth = headings[low]?.line === range.start ? headings[low]!.depth : 7
  while (low > 0 && headings[low - 1]!.depth >= depth) low--
  const heading = low > 0 ? headings[low - 1]!.line : -1
  const text = [...(heading > 0 ? [lines[heading - 1]!, ...(heading < range.start - 1 ? ['…'] : [])] : []), ...own]
    .join('\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .trim()
  return text.length > MAX_PASSAGE_CHARS ? `${text.slice(0, MAX_PASSAGE_CHARS - 1)}…` : text
}

function assignCodes(drafts: Draft[], prefix: string, notes: string[], passage: (draft: Draft) => string): Candidate[] {
  const used = new Set<string>()
  const given = drafts.map((draft) => {
    if (!draft.code || used.has(draft.code)) return null
    used.add(draft.code)
    return draft.code
  })
  let next = 1
  const generate = () => {
    let code = `${prefix}${String(next++).padStart(3, '0')}`
    while (used.has(code)) code = `${prefix}${String(next++).padStart(3, '0')}`
    used.add(code)
    return code
  }
  return drafts.map((draft, index) => {
    const code = given[index]
    if (code) return finishCandidate(draft, code, false, passage(draft))
    const generated = generate()
    if (draft.code) notes.push(`The code ${draft.code} at line ${draft.lines.start} is used twice; the second KPI was given ${generated}.`)
    return finishCandidate(draft, generated, true, passage(draft))
  })
}

/** A .txt file is often Markdown saved as text: headings, bullets, tables or fences mean it is read as Markdown. */
function looksLikeMarkdown(text: string): boolean {
  const marks = text.match(/^(?:#{1,6}\s|\s*[-*+]\s|\|.*\||```|={3,}\s*$|-{3,}\s*$)|\*\*[^*\n]+\*\*/gm)
  return (marks?.length ?? 0) >= 3
}

function headingLines(root: Root): HeadingLine[] {
  return root.children.filter((node): node is Heading => node.type === 'heading').map((node) => ({ line: startLine(node), depth: node.depth }))
}

/**
 * Finds the KPIs of a PRD offline: structured blocks, KPI-like tables, monitoring specs, and metric statements in
 * lists and sentences. Candidates come in document order; nothing is invented when the document holds no KPI.
 * A .txt file without Markdown in it is plain text: indentation is layout, numbered short lines are headings.
 */
export function extractKpis(markdown: string, options: ExtractOptions = {}): ExtractResult {
  const prepared = prepareText(flattenHostile(markdown), { plain: /\.te?xt$/i.test(options.fileName ?? '') && !looksLikeMarkdown(markdown) })
  const root = parseMarkdown(prepared.text, { signal: options.signal, onProgress: options.onProgress, splits: prepared.splits })
  normalizeTree(root, prepared.text)
  const chains = sectionChains(root)
  const blocks = recogniseBlocks(root, chains)
  const monitoring = recogniseMonitoring(root, chains, blocks.consumed)
  const tables = recogniseTables(root, chains, blocks.consumed)
  const statements = recogniseStatements(root, chains, blocks.consumed)
  const cells = recogniseCells(root, chains, blocks.consumed)
  const notes = [...tables.notes]
  const drafts = mergeDrafts([...blocks.drafts, ...monitoring.drafts, ...tables.drafts, ...cells, ...statements.drafts], notes).sort(
    (a, b) => a.lines.start - b.lines.start
  )
  attachAlertRules(drafts, statements.alertItems, notes)
  const lines = markdown.split('\n')
  const headings = headingLines(root)
  const candidates = assignCodes(drafts, options.codePrefix ?? 'KPI-', notes, (draft) => passageOf(lines, draft.lines, headings))
  if (candidates.length === 0) {
    const where = options.fileName ? ` in ${options.fileName}` : ''
    notes.unshift(`No KPI found${where}: no KPI block, KPI table, monitoring rule or metric statement with a target was recognised.`)
  }
  return {
    candidates,
    skipped: skippedSections(
      root,
      chains,
      candidates.map((c) => c.lines)
    ),
    notes
  }
}
