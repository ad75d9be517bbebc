import type { Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

export interface ProseChunk {
  index: number
  /** The heading the chunk starts under ('' before the first heading). */
  heading: string
  /** Offset of the chunk in the whole document. */
  start: number
  text: string
}

interface Piece {
  heading: string
  start: number
  end: number
}

const startOf = (node: RootContent): number => node.position?.start.offset ?? 0

/** Cuts a section at its block boundaries (paragraphs, tables, lists), and a giant block by length. */
function splitSection(piece: Piece, blocks: RootContent[], maxChars: number): Piece[] {
  if (piece.end - piece.start <= maxChars) return [piece]
  // The heading stays with its first block.
  const cuts = [
    piece.start,
    ...blocks
      .slice(1)
      .map(startOf)
      .filter((at) => at > piece.start && at < piece.end),
    piece.end
  ]
  const pieces: Piece[] = []
  for (let i = 0; i < cuts.length - 1; i += 1) {
    for (let at = cuts[i]!; at < cuts[i + 1]!; at += maxChars) pieces.push({ heading: piece.heading, start: at, end: Math.min(at + maxChars, cuts[i + 1]!) })
  }
  return pieces
}

/** Splits a Markdown or plain-text document at its headings into chunks of at most `maxChars`. */
export function chunkByHeadings(text: string, maxChars = 8_000): ProseChunk[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root
  const sections: { piece: Piece; blocks: RootContent[] }[] = [{ piece: { heading: '', start: 0, end: text.length }, blocks: [] }]
  for (const node of tree.children) {
    if (node.type === 'heading') {
      sections.at(-1)!.piece.end = startOf(node)
      sections.push({ piece: { heading: toString(node), start: startOf(node), end: text.length }, blocks: [] })
    } else sections.at(-1)!.blocks.push(node)
  }
  const pieces = sections.filter(({ piece }) => text.slice(piece.start, piece.end).trim()).flatMap(({ piece, blocks }) => splitSection(piece, blocks, maxChars))
  const chunks: ProseChunk[] = []
  let current: Piece | undefined
  const flush = () => {
    if (current && text.slice(current.start, current.end).trim())
      chunks.push({ index: chunks.length, heading: current.heading, start: current.start, text: text.slice(current.start, current.end) })
  }
  for (const piece of pieces) {
    if (current && piece.end - current.start <= maxChars) current.end = piece.end
    else {
      flush()
      current = { ...piece }
    }
  }
  flush()
  return chunks
}
