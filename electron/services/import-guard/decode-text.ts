import { AppError } from '../../domain/errors'

function decode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

/** UTF-32 (no TextDecoder speaks it): four bytes per code point; a surrogate or a value past U+10FFFF is refused. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string | null {
  if (bytes.length % 4 !== 0) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const pieces: string[] = []
  const points: number[] = []
  for (let i = 0; i < bytes.length; i += 4) {
    const point = view.getUint32(i, littleEndian)
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return null
    points.push(point)
    if (points.length === 4096) pieces.push(String.fromCodePoint(...points.splice(0)))
  }
  pieces.push(String.fromCodePoint(...points))
  return pieces.join('')
}

// Control characters other than tab, newline, form feed and carriage return do not occur in prose or tables.
function looksBinary(text: string): boolean {
  let control = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0) return true
    if ((code < 9 || (code > 13 && code < 32) || code === 0x7f) && ++control > Math.max(8, text.length / 1000)) return true
  }
  return false
}

const starts = (data: Uint8Array, ...bytes: number[]) => bytes.every((b, i) => data[i] === b)

/** UTF-16 without a BOM: ASCII text has a zero in every other byte, on the same side. */
function unmarkedUtf16(data: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(data.length - (data.length % 2), 4096)
  let even = 0
  let odd = 0
  for (let i = 0; i < sample; i += 2) {
    if (data[i] === 0) even++
    if (data[i + 1] === 0) odd++
  }
  // Chinese characters whose low byte is zero ("一" is 00 4E) put a few zeros on the other side.
  if (odd > sample / 8 && odd > 4 * even) return 'utf-16le'
  if (even > sample / 8 && even > 4 * odd) return 'utf-16be'
  return null
}

/**
 * The text of an imported file (PRD, board CSV, actuals CSV): UTF-8 with or without BOM, UTF-16 and UTF-32
 * with a BOM, UTF-16 without one, else GB18030 (Chinese Excel's "CSV"). Bytes that are none of these are
 * refused with IMPORT_ENCODING; a binary file with IMPORT_BINARY. The BOM is not part of the text.
 */
export function decodeText(data: Uint8Array, what = 'The file'): string {
  let text: string | null
  let encoding: string
  if (starts(data, 0xff, 0xfe, 0, 0)) [encoding, text] = ['UTF-32LE', decodeUtf32(data.subarray(4), true)]
  else if (starts(data, 0, 0, 0xfe, 0xff)) [encoding, text] = ['UTF-32BE', decodeUtf32(data.subarray(4), false)]
  else if (starts(data, 0xef, 0xbb, 0xbf)) [encoding, text] = ['UTF-8', decode('utf-8', data.subarray(3))]
  else if (starts(data, 0xff, 0xfe)) [encoding, text] = ['UTF-16LE', decode('utf-16le', data.subarray(2))]
  else if (starts(data, 0xfe, 0xff)) [encoding, text] = ['UTF-16BE', decode('utf-16be', data.subarray(2))]
  else if (data.includes(0)) {
    const utf16 = unmarkedUtf16(data)
    if (!utf16) throw new AppError('IMPORT_BINARY', `${what} is binary, not text.`)
    ;[encoding, text] = [utf16.toUpperCase(), decode(utf16, data)]
  } else [encoding, text] = ['UTF-8 or GB18030', decode('utf-8', data) ?? decode('gb18030', data)]
  if (text === null) throw new AppError('IMPORT_ENCODING', `${what} is not valid ${encoding} text; save it as UTF-8 and import it again.`, { encoding })
  if (looksBinary(text)) throw new AppError('IMPORT_BINARY', `${what} is binary, not text.`)
  return text
}
