import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { toString } from 'mdast-util-to-string'
import type { Heading, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast'

const processor = unified().use(remarkParse).use(remarkGfm)

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}

export function textOf(node: Nodes): string {
  return toString(node, { includeImageAlt: false }).replace(/\s+/g, ' ').trim()
}

export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 1
}

export function endLine(node: Nodes): number {
  return node.position?.end.line ?? startLine(node)
}

/** One visual line of a paragraph: its plain text, and the text of a leading bold/italic run. */
export interface InlineLine {
  text: string
  lead: string | null
  rest: string
  line: number
}

/** Splits a paragraph at its soft line breaks, since `**A**: x\n**B**: y` is one paragraph. */
export function inlineLines(paragraph: Paragraph): InlineLine[] {
  const lines: InlineLine[] = []
  let current: InlineLine = { text: '', lead: null, rest: '', line: startLine(paragraph) }
  const push = () => {
    current.text = current.text.trim()
    current.rest = current.rest.trim()
    if (current.text) lines.push(current)
  }
  for (const child of paragraph.children) {
    if (child.type === 'text') {
      const parts = child.value.split('\n')
      parts.forEach((part, index) => {
        if (index > 0) {
          push()
          current = { text: '', lead: null, rest: '', line: startLine(child) + index }
        }
        current.text += part
        current.rest += part
      })
    } else if (child.type === 'break') {
      push()
      current = { text: '', lead: null, rest: '', line: endLine(child) }
    } else if (child.type === 'html') {
      continue
    } else {
      const text = toString(child, { includeImageAlt: false })
      const atStart = current.text.trim() === ''
      if (atStart && current.lead === null && (child.type === 'strong' || child.type === 'emphasis')) {
        current.lead = text.trim()
      } else {
        current.rest += text
      }
      current.text += text
    }
  }
  push()
  return lines
}

/** The first line of a list item (its own paragraph, not its nested lists). */
export function itemLine(item: ListItem): InlineLine | null {
  const first = item.children[0]
  if (!first || first.type !== 'paragraph') return null
  return inlineLines(first)[0] ?? null
}

export function itemText(item: ListItem): string {
  const first = item.children[0]
  return first && first.type === 'paragraph' ? textOf(first) : ''
}

const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{20E3}]/gu
const NUMBERING = /^(?:\d+(?:\.\d+)*[.、)]?|[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十\d]+[章节部分][:：、]?|[IVX]+\.)\s*/

/** Heading text without emoji and leading section numbers ("1.1 用户采用与留存" → "用户采用与留存"). */
export function cleanHeading(text: string): string {
  return text.replace(EMOJI, '').trim().replace(NUMBERING, '').trim()
}

export function hasNumbering(text: string): boolean {
  return NUMBERING.test(text.replace(EMOJI, '').trim())
}

/** For each top-level node, the chain of enclosing headings (outermost first); a heading's own chain holds its parents. */
export function sectionChains(root: Root): Heading[][] {
  const stack: Heading[] = []
  return root.children.map((node: RootContent) => {
    if (node.type !== 'heading') return [...stack]
    while (stack.length && stack[stack.length - 1]!.depth >= node.depth) stack.pop()
    const chain = [...stack]
    stack.push(node)
    return chain
  })
}

/** The nearest section heading below the document title, cleaned, as a category ('' when none). */
export function sectionCategory(chain: readonly Heading[]): string {
  const parent = chain[chain.length - 1]
  return parent && parent.depth > 1 ? cleanHeading(textOf(parent)) : ''
}
