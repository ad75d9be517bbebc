import { attachAlertRules } from './attach-alert-rules'
import type { Draft } from './draft'
import { finishCandidate } from './finish-candidate'
import { parseMarkdown, sectionChains } from './markdown-tree'
import { mergeDrafts } from './merge-drafts'
import { recogniseBlocks } from './recognise-blocks'
import { recogniseLists } from './recognise-lists'
import { recogniseTables } from './recognise-tables'
import type { Candidate, ExtractOptions, ExtractResult } from '../../domain/prd-candidates'

function assignCodes(drafts: Draft[], prefix: string, notes: string[]): Candidate[] {
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
    if (code) return finishCandidate(draft, code, false)
    const generated = generate()
    if (draft.code) notes.push(`The code ${draft.code} at line ${draft.lines.start} is used twice; the second KPI was given ${generated}.`)
    return finishCandidate(draft, generated, true)
  })
}

/**
 * Finds the KPIs of a PRD offline: structured blocks, KPI-like tables and loose metric lists.
 * Candidates come in document order; nothing is invented when the document holds no KPI.
 */
export function extractKpis(markdown: string, options: ExtractOptions = {}): ExtractResult {
  const root = parseMarkdown(markdown, { signal: options.signal, onProgress: options.onProgress })
  const chains = sectionChains(root)
  const blocks = recogniseBlocks(root, chains)
  const tables = recogniseTables(root, chains, blocks.consumed)
  const lists = recogniseLists(root, chains, blocks.consumed)
  const notes = [...tables.notes]
  const drafts = mergeDrafts([...blocks.drafts, ...tables.drafts, ...lists.drafts]).sort((a, b) => a.lines.start - b.lines.start)
  attachAlertRules(drafts, lists.alertItems, notes)
  const candidates = assignCodes(drafts, options.codePrefix ?? 'KPI-', notes)
  if (candidates.length === 0) {
    const where = options.fileName ? ` in ${options.fileName}` : ''
    notes.unshift(`No KPI found${where}: no KPI block, KPI table or metric list with a target was recognised.`)
  }
  return { candidates, notes }
}
