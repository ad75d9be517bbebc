import { IMPORT_LIMITS } from '../import-guard/limits'

const FENCE = /^ {0,3}(`{3,}|~{3,})/
/** Inline characters whose pairing micromark resolves per paragraph; thousands of them make it quadratic. */
const MARKUP = /[[\]*_`<]/g
const MARKUP_PER_PARAGRAPH = 512
/** Their full-width forms: text to micromark, and NFKC folds them back where a target is read (escapes are as slow). */
const FULL_WIDTH: Record<string, string> = { '[': '［', ']': '］', '*': '＊', _: '＿', '`': '｀', '<': '＜' }
const MAX_INDENT = 2 * IMPORT_LIMITS.nesting

/** Length of a line's leading container markers ("> ", "- ", "1. ", indentation) and how many markers it has. */
function containerPrefix(line: string): { length: number; cut: number; item: boolean } {
  let i = 0
  let markers = 0
  let item = false
  let cut = -1
  let column = 0
  for (;;) {
    const start = i
    while (line[i] === ' ' || line[i] === '\t') column += line[i++] === '\t' ? 4 : 1
    if (column > MAX_INDENT && cut < 0) cut = start
    const c = line[i]
    let marker = 0
    if (c === '>') marker = 1
    else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) marker = 1
    else {
      const digits = /^\d{1,9}[.)](?=[ \t])/.exec(line.slice(i, i + 11))
      if (digits) marker = digits[0].length
    }
    if (!marker) return { length: i, cut, item }
    if (c !== '>') item = true
    if (++markers > IMPORT_LIMITS.nesting && cut < 0) cut = start
    i += marker
    column += marker
  }
}

/**
 * Keeps what micromark would read in a time or stack depth the document controls within bounds, line by line
 * (the line count never changes, so candidates keep their line numbers): lists and quotes nested deeper than
 * the nesting limit are read at that depth, and past 512 brackets, emphasis marks or angle brackets in one
 * paragraph (list item, table row) the rest become their full-width forms,
 * so they read as the characters they are. Fenced code is left alone.
 */
export function flattenHostile(text: string): string {
  const lines = text.split('\n')
  let fence: string | null = null
  let markup = 0
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!
    const open = FENCE.exec(line)
    if (fence) {
      if (open && open[1]!.startsWith(fence)) fence = null
      continue
    }
    if (open) {
      fence = open[1]![0]!.repeat(3)
      continue
    }
    if (line.trim() === '') {
      markup = 0
      continue
    }
    const prefix = containerPrefix(line)
    // A list item and a table row are parsed on their own: their marks do not pair with the lines before.
    if (prefix.item || line.trimStart().startsWith('|')) markup = 0
    if (prefix.cut >= 0) line = line.slice(0, prefix.cut) + line.slice(prefix.length).trimStart()
    const count = line.match(MARKUP)?.length ?? 0
    if (markup + count > MARKUP_PER_PARAGRAPH) {
      const keep = containerPrefix(line).length
      line = line.slice(0, keep) + line.slice(keep).replace(MARKUP, (c) => FULL_WIDTH[c]!)
    }
    markup += count
    lines[index] = line
  }
  return lines.join('\n')
}
