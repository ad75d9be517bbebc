import { AppError } from '../../domain/errors'

// The subset of mammoth's document model (see mammoth/lib/documents.js) that a PRD needs.
interface DocxElement {
  type: string
  children?: DocxElement[]
  value?: string
  styleId?: string | null
  styleName?: string | null
  numbering?: { level: string | number; isOrdered: boolean } | null
  isBold?: boolean
  breakType?: string
  checked?: boolean
}

function headingLevel(paragraph: DocxElement): number | null {
  const style = `${paragraph.styleName ?? ''} ${paragraph.styleId ?? ''}`
  if (/\btitle\b|标题$/i.test(style.trim())) return 1
  const match = /(?:heading|标题)\s*(\d)/i.exec(style)
  return match ? Math.min(6, Number(match[1])) : null
}

function inlineText(element: DocxElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? ''
    case 'tab':
      return ' '
    case 'break':
      return element.breakType === 'line' ? '\n' : ''
    case 'checkbox':
      return element.checked ? '[x] ' : '[ ] '
    case 'run': {
      const text = (element.children ?? []).map(inlineText).join('')
      return element.isBold && text.trim() ? `**${text.trim()}**${/\s$/.test(text) ? ' ' : ''}` : text
    }
    default:
      return (element.children ?? []).map(inlineText).join('')
  }
}

function paragraphText(paragraph: DocxElement): string {
  return inlineText(paragraph)
    .replace(/\*\*\*\*/g, '')
    .trim()
}

function tableMarkdown(table: DocxElement): string {
  const rows = (table.children ?? []).map((row) =>
    (row.children ?? []).map((cell) =>
      (cell.children ?? [])
        .map((child) => (child.type === 'paragraph' ? paragraphText(child) : inlineText(child)))
        .join(' ')
        .replace(/\n/g, ' ')
        .replace(/\|/g, '\\|')
        .trim()
    )
  )
  const [header, ...body] = rows
  if (!header) return ''
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n')
}

function blocksOf(document: DocxElement): string[] {
  const blocks: string[] = []
  let listRun: string[] = []
  const flushList = () => {
    if (listRun.length) blocks.push(listRun.join('\n'))
    listRun = []
  }
  for (const element of document.children ?? []) {
    if (element.type === 'paragraph') {
      const text = paragraphText(element)
      if (element.numbering) {
        const level = Number(element.numbering.level) || 0
        listRun.push(`${'  '.repeat(level)}${element.numbering.isOrdered ? '1.' : '-'} ${text}`)
        continue
      }
      flushList()
      if (!text) continue
      const level = headingLevel(element)
      blocks.push(level ? `${'#'.repeat(level)} ${text.replace(/\*\*/g, '')}` : text)
    } else if (element.type === 'table') {
      flushList()
      blocks.push(tableMarkdown(element))
    }
  }
  flushList()
  return blocks
}

/** Tables inside tables thousands deep exhaust the stack of mammoth's (recursive) reader and ours: a coded refusal. */
const tooDeep = () =>
  new AppError('IMPORT_LIMIT', 'The .docx nests tables or runs too deeply to be read; flatten its structure and import it again.', { limit: 'nesting' })

/** Converts a .docx to Markdown keeping headings, lists, bold labels and tables. */
export async function docxToMarkdown(data: Buffer): Promise<string> {
  let document: DocxElement | null = null
  try {
    await (
      await import('mammoth')
    ).default.convertToHtml(
      { buffer: data },
      {
        transformDocument: (element: DocxElement) => {
          document = element
          return element
        }
      }
    )
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep()
    throw new AppError('IMPORT_MALFORMED', 'The file is not a readable .docx document (it is not a valid Word zip package).', {
      reason: error instanceof Error ? error.message : String(error)
    })
  }
  if (!document) throw new AppError('IMPORT_MALFORMED', 'The .docx document has no body.')
  // Paragraph lines inside one block keep soft breaks; blocks are separated by a blank line.
  try {
    return blocksOf(document).join('\n\n')
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep()
    throw error
  }
}
