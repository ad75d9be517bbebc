import iconv from 'iconv-lite'

/** The same text as the encodings a user's tools write: UTF-16/32 with a BOM, GBK (Chinese Excel's CSV). */
export function encodeAs(text: string, encoding: 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'gbk' | 'utf-16le-nobom'): Buffer {
  switch (encoding) {
    case 'utf-8-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf8')
    case 'utf-16le':
      return Buffer.from(`\uFEFF${text}`, 'utf16le')
    case 'utf-16le-nobom':
      return Buffer.from(text, 'utf16le')
    case 'utf-16be':
      return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16()
    case 'utf-32le':
    case 'utf-32be': {
      const points = [...`\uFEFF${text}`].map((c) => c.codePointAt(0)!)
      const out = Buffer.alloc(points.length * 4)
      points.forEach((p, i) => (encoding === 'utf-32le' ? out.writeUInt32LE(p, i * 4) : out.writeUInt32BE(p, i * 4)))
      return out
    }
    case 'gbk':
      return iconv.encode(text, 'gb18030')
  }
}
