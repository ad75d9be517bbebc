import type { Html, Paragraph, Root, RootContent, Table, TableRow } from 'mdast'
import { mergeHeaderRows } from './header-rows'
import { labelKind } from './labels'
import { startLine } from './markdown-tree'

const ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  le: '≤',
  ge: '≥',
  ne: '≠',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  times: '×',
  middot: '·',
  hellip: '…'
}

function decode(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const point = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
        // "&#99999999;" names no character: U+FFFD, as browsers show it, rather than a RangeError.
        return point <= 0x10ffff ? String.fromCodePoint(point) : '\uFFFD'
      }
      return ENTITIES[name.toLowerCase()] ?? whole
    })
    .replace(/\s+/g, ' ')
    .trim()
}

function tableOf(rows: { cells: string[]; line: number }[], line: number, endLine: number): Table {
  const width = Math.max(...rows.map((row) => row.cells.length))
  const position = (at: number) => ({ start: { line: at, column: 1 }, end: { line: at, column: 1 } })
  return {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children: rows.map((row): TableRow => ({
      type: 'tableRow',
      children: row.cells.map((value) => ({ type: 'tableCell', children: value ? [{ type: 'text', value }] : [], position: position(row.line) })),
      position: position(row.line)
    })),
    position: { start: { line, column: 1 }, end: { line: endLine, column: 1 } }
  }
}

/** An HTML <table> (wiki exports, pasted Confluence pages) as a Markdown table, rows on their own lines. */
function htmlTable(nodes: Html[]): Table | null {
  const html = nodes.map((node) => node.value).join('\n')
  const first = startLine(nodes[0]!)
  const rows: { cells: string[]; line: number }[] = []
  // Merged cells keep their columns: a spanned cell is followed (colspan) or sat under (rowspan) by empty ones.
  const below = new Map<number, number>()
  for (const row of html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells: string[] = []
    for (const cell of row[1]!.matchAll(/<t[hd]\b([^>]*)>([\s\S]*?)<\/t[hd]>/gi)) {
      for (let left = below.get(cells.length) ?? 0; left > 0; left = below.get(cells.length) ?? 0) {
        below.set(cells.length, left - 1)
        cells.push('')
      }
      const across = Math.max(1, Number(/colspan\s*=\s*["']?(\d+)/i.exec(cell[1]!)?.[1] ?? 1))
      const down = Number(/rowspan\s*=\s*["']?(\d+)/i.exec(cell[1]!)?.[1] ?? 1)
      if (down > 1) below.set(cells.length, down - 1)
      cells.push(decode(cell[2]!), ...Array.from({ length: Math.min(across, 50) - 1 }, () => ''))
    }
    const line = first + (html.slice(0, row.index).match(/\n/g)?.length ?? 0)
    if (cells.length) rows.push({ cells, line })
  }
  return rows.length >= 2 ? tableOf(rows, first, nodes[nodes.length - 1]!.position?.end.line ?? first) : null
}

/**
 * Lines pasted from a spreadsheet or laid out in columns: every line has the same number (≥ 2) of cells separated
 * by tabs (or by runs of spaces), and the first line names columns (known field labels, or three lines or more
 * with a header of words).
 */
function tsvTable(paragraph: Paragraph, source: string): Table | null {
  const start = paragraph.position?.start.offset
  const end = paragraph.position?.end.offset
  if (start === undefined || end === undefined) return null
  const lines = source.slice(start, end).split('\n')
  const separator = lines.every((line) => line.includes('\t')) ? /\t+/ : lines.every((line) => /\S {2,}\S/.test(line)) ? / {2,}/ : null
  if (lines.length < 2 || !separator) return null
  const rows = lines.map((line, index) => ({
    cells: line
      .trim()
      .split(separator)
      .map((cell) => cell.trim()),
    line: startLine(paragraph) + index
  }))
  const width = rows[0]!.cells.length
  if (width < 2 || rows.some((row) => row.cells.length !== width)) return null
  const labels = rows[0]!.cells.filter((cell) => labelKind(cell)).length
  if (labels < 2 && (rows.length < 3 || rows[0]!.cells.some((cell) => /\d/.test(cell)))) return null
  return tableOf(rows, startLine(paragraph), startLine(paragraph) + lines.length - 1)
}

/**
 * Rewrites what the Markdown parser leaves unstructured but a PRD means as a table: HTML tables and tab-separated
 * lines; a header written on two rows becomes one.
 */
export function normalizeTree(root: Root, source: string): void {
  const out: RootContent[] = []
  const nodes = root.children
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    // "> **机器人解决率**从 38% 提升到 55%；": a quoted or call-out block states goals like any other paragraph.
    if (node.type === 'blockquote') {
      nodes.splice(i + 1, 0, ...node.children)
      continue
    }
    if (node.type === 'html' && /<table\b/i.test(node.value)) {
      const run: Html[] = [node]
      while (!/<\/table>/i.test(run[run.length - 1]!.value) && nodes[i + 1]?.type === 'html') run.push(nodes[++i] as Html)
      out.push(htmlTable(run) ?? node)
    } else if (node.type === 'paragraph') {
      out.push(tsvTable(node, source) ?? node)
    } else out.push(node)
  }
  for (const node of out) if (node.type === 'table') mergeHeaderRows(node)
  root.children = out
}
