import { AppError } from '../../domain/errors'
import { decodeText } from '../import-guard/decode-text'
import { docxToMarkdown } from './docx-to-markdown'
import { IMPORT_LIMITS } from '../import-guard/limits'
import { checkZip } from '../import-guard/zip-guard'

export const MAX_PRD_BYTES = 10 * 1024 * 1024

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.txt', '.text', ''])

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

const HTML_HINT = 'HTML documents are not imported; save the page as Markdown or plain text and import that file.'

function isHtmlDocument(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 4096))
}

/** A PRD longer than the line limit, or with a line longer than the line-length limit, is refused before parsing. */
function checkLines(text: string): void {
  let lines = 1
  let start = 0
  for (;;) {
    const end = text.indexOf('\n', start)
    const stop = end < 0 ? text.length : end
    if (stop - start > IMPORT_LIMITS.lineChars) {
      throw new AppError('IMPORT_LIMIT', `Line ${lines} of the PRD has ${stop - start} characters; a line may have at most ${IMPORT_LIMITS.lineChars}.`, {
        limit: 'lineChars',
        max: IMPORT_LIMITS.lineChars,
        line: lines
      })
    }
    if (end < 0) return
    if (++lines > IMPORT_LIMITS.prdLines) {
      throw new AppError('IMPORT_LIMIT', `The PRD has more than ${IMPORT_LIMITS.prdLines} lines; split it and import the parts.`, {
        limit: 'prdLines',
        max: IMPORT_LIMITS.prdLines
      })
    }
    start = end + 1
  }
}

/** Checks pasted or decoded PRD text: not empty, not an HTML page. Line endings become \n. */
export function readPastedPrd(text: string): string {
  if (text.length > MAX_PRD_BYTES) {
    throw new AppError('IMPORT_TOO_LARGE', `The PRD is larger than ${MAX_PRD_BYTES / 1024 / 1024} MB.`, { size: text.length, limit: MAX_PRD_BYTES })
  }
  if (text.length > IMPORT_LIMITS.prdChars) {
    throw new AppError(
      'IMPORT_LIMIT',
      `The PRD's text has ${text.length} characters; at most ${IMPORT_LIMITS.prdChars} are imported. Split it and import the parts.`,
      {
        limit: 'prdChars',
        max: IMPORT_LIMITS.prdChars
      }
    )
  }
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (!clean.trim()) throw new AppError('IMPORT_EMPTY', 'The PRD is empty.')
  checkLines(clean)
  if (isHtmlDocument(clean)) throw new AppError('IMPORT_UNSUPPORTED', HTML_HINT, { format: 'html' })
  return clean
}

/**
 * Reads a PRD file into Markdown text: .md/.markdown/.txt (UTF-8, UTF-16 with BOM, GB18030) or .docx.
 * A file name without an extension is read as pasted text.
 */
export async function readPrd(data: Buffer, fileName: string): Promise<string> {
  if (data.length > MAX_PRD_BYTES) {
    throw new AppError('IMPORT_TOO_LARGE', `${fileName || 'The PRD'} is larger than ${MAX_PRD_BYTES / 1024 / 1024} MB.`, {
      size: data.length,
      limit: MAX_PRD_BYTES
    })
  }
  const extension = extensionOf(fileName)
  if (data.length === 0) throw new AppError('IMPORT_EMPTY', `${fileName || 'The PRD'} is empty.`)
  if (extension === '.docx') {
    const body = checkZip(data, '.docx document').find((part) => part.name === 'word/document.xml')
    if (body && body.size > IMPORT_LIMITS.docxDocumentBytes) {
      const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`
      throw new AppError(
        'IMPORT_LIMIT',
        `The .docx document's text part unpacks to ${mb(body.size)}; at most ${mb(IMPORT_LIMITS.docxDocumentBytes)} are imported. Split the document.`,
        { limit: 'docxDocumentBytes', max: IMPORT_LIMITS.docxDocumentBytes }
      )
    }
    return readPastedPrd(await docxToMarkdown(data))
  }
  if (extension === '.html' || extension === '.htm' || extension === '.xhtml') {
    throw new AppError('IMPORT_UNSUPPORTED', HTML_HINT, { format: 'html' })
  }
  if (!TEXT_EXTENSIONS.has(extension)) {
    const hint = extension === '.doc' ? ' Save it as .docx, Markdown or plain text.' : ' Import Markdown, plain text or .docx.'
    throw new AppError('IMPORT_UNSUPPORTED', `${extension} files are not supported.${hint}`, { extension })
  }
  return readPastedPrd(decodeText(data, fileName || 'The PRD'))
}
