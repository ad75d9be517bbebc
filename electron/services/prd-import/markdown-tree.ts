import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { AppError } from '../../domain/errors'
import type { Heading, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast'

const processor = unified().use(remarkParse).use(remarkGfm)

export interface ParseHooks {
  signal?: AbortSignal
  /** Pieces parsed so far out of the total; parsing is nearly all of an extraction's time. */
  onProgress?: (done: number, total: number) => void
  /** Offsets where a piece must start (a broken code fence ends there); sorted. */
  splits?: readonly number[]
}
const CHUNK_CHARS = 8_000

/**
 * Where a long piece may end: at a top-level heading; after a blank line before an unindented line that is not a
 * table row; and, once a piece is twice too long (100k lines of prose without a blank line), before any
 * unindented line that does not continue a table, so that no piece is ever parsed in superlinear time.
 */
function pieceBreak(line: string, previous: string, length: number): boolean {
  if (line.startsWith('#')) return true
  if (!/^[^\s|]/.test(line)) return false
  return previous.trim() === '' || (length >= 2 * CHUNK_CHARS && !previous.includes('|'))
}

/**
 * Start offsets of pieces of about CHUNK_CHARS that begin at a top-level ATX heading outside fences and comments,
 * plus the forced splits (where a code fence that never closes is ended).
 */
function chunkStarts(markdown: string, splits: readonly number[]): number[] {
  const starts = [0]
  let fence: string | null = null
  let comment = false
  let offset = 0
  let forced = 0
  let previous = ''
  while (offset < markdown.length) {
    const newline = markdown.indexOf('\n', offset)
    const end = newline < 0 ? markdown.length : newline
    const line = markdown.slice(offset, end)
    while (forced < splits.length && splits[forced]! < offset) forced++
    if (splits[forced] === offset) {
      if (offset > starts[starts.length - 1]!) starts.push(offset)
      fence = null
      comment = false
    }
    if (fence) {
      if (line.trimStart().startsWith(fence)) fence = null
    } else if (comment) {
      comment = !line.includes('-->')
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)
      if (open) fence = open[1]!
      else if (line.includes('<!--') && !line.includes('-->')) comment = true
      else if (offset - starts[starts.length - 1]! >= CHUNK_CHARS && pieceBreak(line, previous, offset - starts[starts.length - 1]!)) starts.push(offset)
    }
    previous = line
    offset = end + 1
  }
  return starts
}

function shift(node: Nodes, lines: number, offset: number): void {
  const position = node.position
  if (position) {
    position.start.line += lines
    position.end.line += lines
    if (position.start.offset !== undefined) position.start.offset += offset
    if (position.end.offset !== undefined) position.end.offset += offset
  }
  if ('children' in node) for (const child of node.children) shift(child, lines, offset)
}

/**
 * remark-parse + remark-gfm. micromark's edit map makes one huge parse superlinear, so a long PRD is
 * parsed in pieces split at top-level headings (which end every block) and the positions are shifted back.
 */
export function parseMarkdown(markdown: string, hooks: ParseHooks = {}): Root {
  const starts = chunkStarts(markdown, hooks.splits ?? [])
  const root: Root = { type: 'root', children: [] }
  let lines = 0
  starts.forEach((start, index) => {
    if (hooks.signal?.aborted) throw new AppError('CANCELLED', 'The PRD import was cancelled.')
    const piece = markdown.slice(start, starts[index + 1] ?? markdown.length)
    const tree = processor.parse(piece)
    if (index > 0) for (const child of tree.children) shift(child, lines, start)
    root.children.push(...tree.children)
    lines += piece.split('\n').length - 1
    hooks.onProgress?.(index + 1, starts.length)
  })
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: lines + 1, column: 1, offset: markdown.length } }
  return root
}

/** Plain text of a node; inline HTML tags are dropped so that they never reach a KPI field. */
function plainText(node: Nodes): string {
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return ''
  if ('value' in node) return node.value
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('')
  return ''
}

const texts = new WeakMap<Nodes, string>()

/** Plain text of a node with whitespace collapsed (remembered: recognisers ask for the same headings often). */
export function textOf(node: Nodes): string {
  let text = texts.get(node)
  if (text === undefined) texts.set(node, (text = plainText(node).replace(/\s+/g, ' ').trim()))
  return text
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
      const text = plainText(child)
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

const EMOJI = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu
const NUMBERING =
  /^(?:\d+(?:\.\d+)*[.、)]?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+[章节部分][:：、]?|[IVX]+\.)\s*/
const OBJECTIVE = /^(?:objective\s*\d*|o\d+)\s*[:：.、—–-]?\s+/i

/** Heading text without emoji, leading section numbers and objective labels ("1.1 用户采用与留存" → "用户采用与留存"). */
export function cleanHeading(text: string): string {
  return text.replace(EMOJI, '').trim().replace(NUMBERING, '').replace(OBJECTIVE, '').trim()
}

export function hasNumbering(text: string): boolean {
  return NUMBERING.test(text.replace(EMOJI, '').trim())
}

/**
 * For each top-level node, the chain of enclosing headings (outermost first); a heading's own chain
 * holds its parents. A document title (the only heading at the shallowest level) is left out, so that
 * "# 成功指标与KPI体系" does not make every list of the document a metric list.
 */
export function sectionChains(root: Root): Heading[][] {
  const headings = root.children.filter((node): node is Heading => node.type === 'heading')
  const top = headings.reduce((min, heading) => Math.min(min, heading.depth), 7)
  const atTop = headings.filter((heading) => heading.depth === top)
  const title = atTop.length === 1 ? atTop[0] : undefined
  const stack: Heading[] = []
  return root.children.map((node: RootContent) => {
    if (node.type !== 'heading') return [...stack]
    while (stack.length && stack[stack.length - 1]!.depth >= node.depth) stack.pop()
    const chain = [...stack]
    if (node !== title) stack.push(node)
    return chain
  })
}

/** The nearest section heading (the title is not in a chain), cleaned, as a category ('' when none). */
export function sectionCategory(chain: readonly Heading[]): string {
  const parent = chain[chain.length - 1]
  return parent ? cleanHeading(textOf(parent)) : ''
}
