import { labelKind } from './labels'
import { targetSpans } from './target-span'

export interface PreparedText {
  /** The document with the same lines, rewritten where its Markdown would mislead the parser. */
  text: string
  /** Offsets where the parser must start afresh: the line after a code fence that never closes. */
  splits: number[]
}

export interface PrepareOptions {
  /** A .txt document: indentation is layout, not code, and "1. Summary" lines are headings. */
  plain?: boolean
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/
const BULLET = /^(\s*)(?:[•●◦▪■□◆◇►▶➢➤✓✔✅☑・·👉🔹🔸]\uFE0F?|:(?=\s))(\s*)(?=\S)/u
const CIRCLED = /^(\s*)[①②③④⑤⑥⑦⑧⑨⑩](\s*)/
const PAREN_NUMBER = /^(\s*)(?:[（(](\d{1,2})[)）]|(\d{1,2})）)\s*/
const CJK_SECTION = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章节部分篇])/
const CJK_SUBSECTION = /^[（(][一二三四五六七八九十]+[)）]/
const DOTTED = /^(\d+(?:\.\d+)+)\.?\s+\S/
const SINGLE = /^\d+[.)]\s+\S/
// "WHAT SUCCESS MEANS", "DRIVER ONBOARDING v3 - PRODUCT REQUIREMENTS": typewriter headings of plain-text PRDs.
// "HEALTH METRICS (reviewed monthly, no targets this half)": an aside in brackets may follow in lower case.
const CAPS_LINE = /^(?=[^a-z]*[A-Z][^a-z]*[A-Z])[A-Z0-9][A-Z0-9 &/,'()-]{2,58}(?:\s+v\d+)?[A-Z0-9 &/,'()-]*(?:\s+\([^()]{1,60}\))?$/
const BOLD_LINE = /^\*\*([^*\n]{1,60})\*\*\s*$/
const BRACKET_LINE = /^【([^】]{1,30})】\s*$/
const BRACKET_LABEL = /^【([^】]{1,16})】\s*(?=\S)/
const SQL_LANGS = /^(sql|postgres(?:ql)?|pgsql|psql|mysql|sqlite|clickhouse|duckdb|hive|hql|sparksql|bigquery|snowflake|tsql|plsql)$/i

/** "2. KPIs" followed by a blank line is a heading; "2. 支付页首屏时间：P95 ≤ 800 毫秒" is an item. */
const titleLike = (text: string, next: string | undefined) =>
  !/[:：\d]/.test(text.replace(/^\d+[.)]\s*/, '')) && !(next ?? '').trim() && !targetSpans(text).some((span) => span.worded)
const isShort = (text: string) => text.length <= 40 && !/[。；;！？!?.]$|[：:]$/.test(text) && !/[%％≥≤<>]/.test(text)

/** A line that opens a section in a document whatever its Markdown: ATX, bold-only, 一、 or 【…】 headings. */
function headingLike(line: string): boolean {
  const text = line.trim()
  if (/^#{1,6}\s+\S/.test(text) || BRACKET_LINE.test(text)) return true
  const bold = BOLD_LINE.exec(text)
  if (bold) return !labelKind(bold[1]!.replace(/[:：]\s*$/, ''), true)
  return CJK_SECTION.test(text) && isShort(text)
}

/** Section depth from numbering: "1." / "一、" 2, "1.1" / "（一）" 3, "1.1.1" 4; null when unnumbered. */
function numberedDepth(text: string): number | null {
  const dotted = DOTTED.exec(text)
  if (dotted) return Math.min(6, dotted[1]!.split('.').length + 1)
  if (CJK_SECTION.test(text) || /^\d+[.、]\s*\S/.test(text)) return 2
  if (CJK_SUBSECTION.test(text)) return 3
  return null
}

interface Fence {
  marker: string
  sql: boolean
  line: number
}

/** The end line of every fence: where it closes, or the recovery line when it never does (or when a SQL fence runs into a heading). */
function fenceEnds(lines: string[]): Map<number, { end: number; broken: boolean }> {
  const ends = new Map<number, { end: number; broken: boolean }>()
  let open: Fence | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (!open) {
      const match = FENCE.exec(line)
      if (match && !(match[1]![0] === '`' && match[2]!.includes('`'))) {
        const info = match[2]!.trim()
        open = { marker: match[1]!, sql: SQL_LANGS.test(info) || (!info && /^\s*(select|with)\b/i.test(lines[i + 1] ?? '')), line: i }
      }
      continue
    }
    const close = FENCE.exec(line)
    if (close && close[1]![0] === open.marker[0] && close[1]!.length >= open.marker.length && !close[2]!.trim()) {
      ends.set(open.line, { end: i, broken: false })
      open = null
    } else if (open.sql && headingLike(line) && !/^\s*#\s/.test(line)) {
      // SQL has no Markdown headings: the author forgot to close the fence.
      ends.set(open.line, { end: i, broken: true })
      open = null
      i--
    }
  }
  if (open) {
    let end = open.line + 1
    while (end < lines.length && !headingLike(lines[end]!)) end++
    // Nothing heading-like follows: the fence marker is read as text and the rest parses normally.
    ends.set(open.line, { end: end < lines.length ? end : open.line + 1, broken: true })
  }
  return ends
}

/**
 * "**人工一次解决率（FCR）**提升 20%": CommonMark does not close bold after punctuation when a letter follows, so
 * Chinese text (no space after the name) would lose the bold; a space after such a closing "**" keeps it.
 */
function cjkBoldClose(line: string): string {
  if (!line.includes('**')) return line
  let count = 0
  return line.replace(/\*\*/g, (mark, at: number) => {
    const closing = count++ % 2 === 1
    return closing && /\p{P}/u.test(line[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(line[at + 2] ?? '') ? '** ' : mark
  })
}

/**
 * Rewrites a PRD line by line (never adding or removing a line, so line numbers stay the document's) where
 * authors write structure Markdown does not know: bullets such as • and ①, headings written as bold lines,
 * 一、/（一）/【…】 headings, and, in plain text, indented lines and "1. Summary" headings. A code fence that
 * never closes ends at the next heading-like line instead of swallowing the rest of the document.
 */
export function prepareText(markdown: string, options: PrepareOptions = {}): PreparedText {
  const lines = markdown.split('\n')
  const fences = fenceEnds(lines)
  const splitLines: number[] = []
  let lastNumbered = 1
  // The depth of the last Markdown (#) heading: a bold line under it is its subsection, whatever its numbering.
  let lastAtx = 0
  for (let i = 0; i < lines.length; i++) {
    const fence = fences.get(i)
    if (fence) {
      if (fence.broken && fence.end < lines.length) splitLines.push(fence.end)
      i = fence.broken ? fence.end - 1 : fence.end
      continue
    }
    let line = lines[i]!
    if (options.plain) line = line.replace(/^[ \t]+(?![-*+•●◦▪■◆►▶➢✓✔・·①-⑩]|\d+[.)]\s)/, '')
    line = line
      .replace(BULLET, '$1- ')
      .replace(CIRCLED, '$11. ')
      .replace(PAREN_NUMBER, (_, indent: string, a?: string, b?: string) => `${indent}${a ?? b}. `)
      .replace(BRACKET_LABEL, '$1：')
    line = cjkBoldClose(line)
    const atx = /^(#{1,6})\s+\S/.exec(line)
    const text = line.trim()
    const bold = BOLD_LINE.exec(text)
    const bracket = BRACKET_LINE.exec(text)
    let title: string | null = null
    if (atx) lastNumbered = lastAtx = atx[1]!.length
    else if (bold && headingLike(text)) title = bold[1]!.trim()
    else if (bracket) title = bracket[1]!.trim()
    // The document's own title (its first line) names the document, not a section of it.
    else if (options.plain && i > 0 && CAPS_LINE.test(text) && !lines[i - 1]!.trim()) title = text
    else if (
      (CJK_SECTION.test(text) || CJK_SUBSECTION.test(text) || DOTTED.test(text) || (options.plain && SINGLE.test(text) && titleLike(text, lines[i + 1]))) &&
      isShort(text)
    ) {
      if (options.plain || !SINGLE.test(lines[i + 1]?.trim() ?? '')) title = text
    }
    if (title !== null) {
      const own = numberedDepth(title)
      const numbered = own !== null && bold && lastAtx ? Math.max(own, lastAtx + 1) : own
      if (numbered !== null) lastNumbered = numbered
      line = `${'#'.repeat(numbered ?? Math.min(6, lastNumbered + 1))} ${title}`
    }
    lines[i] = line
  }
  const splits: number[] = []
  let offset = 0
  lines.forEach((line, index) => {
    if (splitLines.includes(index)) splits.push(offset)
    offset += line.length + 1
  })
  return { text: lines.join('\n'), splits }
}
