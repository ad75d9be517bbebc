import { AppError } from '../../domain/errors'

function decode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

// Control characters other than tab, newline, form feed and carriage return do not occur in prose.
function looksBinary(text: string): boolean {
  let control = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0) return true
    if ((code < 9 || (code > 13 && code < 32) || code === 0x7f) && ++control > Math.max(8, text.length / 1000)) return true
  }
  return false
}

const binaryError = () => new AppError('IMPORT_BINARY', 'The file is binary, not text. Import a Markdown, plain-text or .docx PRD.')

/** Text of a .md/.txt file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030. */
export function decodeText(data: Uint8Array): string {
  let text: string | null
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) text = decode('utf-8', data.subarray(3))
  else if (data[0] === 0xff && data[1] === 0xfe) text = decode('utf-16le', data.subarray(2))
  else if (data[0] === 0xfe && data[1] === 0xff) text = decode('utf-16be', data.subarray(2))
  else if (data.includes(0)) throw binaryError()
  else text = decode('utf-8', data) ?? decode('gb18030', data)
  if (text === null || looksBinary(text)) throw binaryError()
  return text
}
