import type { RootContent } from 'mdast'
import type { Entry } from './field-map'
import { isSqlFence } from './field-map'
import { labelKind, type FieldKind } from './labels'
import { inlineLines, itemLine, itemText, textOf, type InlineLine } from './markdown-tree'

export interface Label {
  label: string
  value: string
  kind: FieldKind | null
}

/** "**目标**: ≥ 60%", "**Target:** 40%", "Owner: Growth PM" → label and value; other lines → null. */
export function labelOf(line: InlineLine): Label | null {
  if (line.lead !== null) {
    const leadColon = /[:：]\s*$/.test(line.lead)
    const restColon = /^[:：]/.test(line.rest)
    if (!leadColon && !restColon) return null
    const label = line.lead.replace(/[:：]\s*$/, '').trim()
    if (!label || label.length > 24) return null
    return { label, value: line.rest.replace(/^[:：]\s*/, '').trim(), kind: labelKind(label, true) }
  }
  const index = line.text.search(/[:：]/)
  if (index <= 0 || index > 24) return null
  const label = line.text.slice(0, index).trim()
  const value = line.text.slice(index + 1).trim()
  const kind = labelKind(label, true)
  if (kind || (!value && label.length <= 16)) return { label, value, kind }
  return null
}

function labelledList(items: string[], first: InlineLine | null): boolean {
  if (!first || items.length === 0) return false
  const label = labelOf(first)
  return Boolean(label?.kind)
}

/** Reads the body of a KPI block into labelled entries, plus the prose before the first label. */
export function readEntries(nodes: readonly RootContent[]): { entries: Entry[]; preamble: string[] } {
  const entries: Entry[] = []
  const preamble: string[] = []
  const open = (kind: FieldKind | null, label: string, inline: string): Entry => {
    const entry: Entry = { kind, label, inline, items: [], code: [], prose: [] }
    entries.push(entry)
    return entry
  }
  let current: Entry | null = null
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      for (const line of inlineLines(node)) {
        const label = labelOf(line)
        if (label) current = open(label.kind, label.label, label.value)
        else if (current) current.prose.push(line.text)
        else preamble.push(line.text)
      }
    } else if (node.type === 'list') {
      const texts = node.children.map(itemText)
      const awaiting = current !== null && !current.inline && current.items.length === 0
      if (!awaiting && labelledList(texts, itemLine(node.children[0]!))) {
        for (const item of node.children) {
          const line = itemLine(item)
          const label = line ? labelOf(line) : null
          if (label) current = open(label.kind, label.label, label.value)
          for (const child of item.children) {
            if (child.type === 'list' && current) current.items.push(...child.children.map(itemText))
          }
        }
      } else if (current) {
        current.items.push(...texts)
      } else {
        preamble.push(...texts)
      }
    } else if (node.type === 'code') {
      if (!current && isSqlFence(node)) current = open(null, '', '')
      current?.code.push(node)
    } else if (node.type === 'table') {
      // A two-column "field | value" table inside a block reads like labelled lines.
      for (const row of node.children) {
        const [labelCell, valueCell] = row.children
        const kind = labelCell ? labelKind(textOf(labelCell), true) : null
        if (kind && valueCell) current = open(kind, textOf(labelCell!), textOf(valueCell))
      }
    } else if (node.type === 'heading') {
      current = open(labelKind(textOf(node), true), textOf(node), '')
    }
  }
  return { entries, preamble }
}
