import { inflateRawSync } from 'node:zlib'
import { AppError } from '../../domain/errors'
import { IMPORT_LIMITS } from './limits'

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MB = 1024 * 1024

export interface ZipPart {
  name: string
  /** Its inflated size in bytes. */
  size: number
  /** The part's bytes, inflated; only for the parts `keep` asked for. */
  data?: Buffer
}

const broken = (kind: string, why: string) =>
  new AppError('IMPORT_MALFORMED', `The file is not a readable ${kind} (its zip package is damaged: ${why}).`, { reason: why })

const tooLarge = (kind: string, what: string) =>
  new AppError(
    'IMPORT_LIMIT',
    `The ${kind} unpacks to ${what}; an imported ${kind} may unpack to at most ${IMPORT_LIMITS.unzippedBytes / MB} MB. Nothing was imported.`,
    { limit: 'unzippedBytes', max: IMPORT_LIMITS.unzippedBytes }
  )

function endOfCentralDirectory(data: Buffer, kind: string): number {
  const floor = Math.max(0, data.length - 22 - 0xffff)
  for (let at = data.length - 22; at >= floor; at--) if (data.readUInt32LE(at) === EOCD) return at
  throw broken(kind, 'no central directory')
}

/**
 * Checks a .docx/.xlsx package before mammoth or exceljs unpack it: every part's declared size, then its
 * actual size while inflating with a hard output cap, so a decompression bomb stops at the limit instead of
 * filling memory. Parts for which `keep(name)` is true come back inflated (the caller inspects them).
 */
export function checkZip(data: Buffer, kind: string, keep: (name: string) => boolean = () => false): ZipPart[] {
  if (data.length < 22 || data.readUInt32LE(0) !== LOCAL) throw broken(kind, 'it does not start like a zip file')
  const eocd = endOfCentralDirectory(data, kind)
  const count = data.readUInt16LE(eocd + 10)
  let at = data.readUInt32LE(eocd + 16)
  if (count === 0xffff || at === 0xffffffff) throw tooLarge(kind, 'more than 4 GB (a ZIP64 package)')
  if (count > IMPORT_LIMITS.zipEntries) {
    throw new AppError('IMPORT_LIMIT', `The ${kind} holds ${count} parts; at most ${IMPORT_LIMITS.zipEntries} are imported.`, {
      limit: 'zipEntries',
      max: IMPORT_LIMITS.zipEntries
    })
  }
  const parts: ZipPart[] = []
  let declared = 0
  let actual = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) throw broken(kind, 'a truncated directory')
    const method = data.readUInt16LE(at + 10)
    const compressed = data.readUInt32LE(at + 20)
    const size = data.readUInt32LE(at + 24)
    const nameLength = data.readUInt16LE(at + 28)
    const skip = nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32)
    const local = data.readUInt32LE(at + 42)
    const name = data.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + skip
    declared += size
    if (size === 0xffffffff || declared > IMPORT_LIMITS.unzippedBytes) throw tooLarge(kind, `more than ${Math.floor(declared / MB)} MB (declared)`)
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL) throw broken(kind, `part ${name} is missing`)
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
    if (start + compressed > data.length) throw broken(kind, `part ${name} is cut off`)
    const raw = data.subarray(start, start + compressed)
    let inflated: Buffer
    if (method === 0) inflated = raw
    else if (method === 8) {
      try {
        // The cap is what is left of the budget: a part that claims 1 KB and inflates to 1 GB stops here.
        inflated = inflateRawSync(raw, { maxOutputLength: IMPORT_LIMITS.unzippedBytes - actual + 1 })
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(kind, `more than ${IMPORT_LIMITS.unzippedBytes / MB} MB`)
        throw broken(kind, `part ${name} cannot be inflated`)
      }
    } else throw broken(kind, `part ${name} uses compression method ${method}`)
    actual += inflated.length
    if (actual > IMPORT_LIMITS.unzippedBytes) throw tooLarge(kind, `more than ${IMPORT_LIMITS.unzippedBytes / MB} MB`)
    if (inflated.length !== size) throw broken(kind, `part ${name} is not the size its directory says`)
    parts.push(keep(name) ? { name, size: inflated.length, data: inflated } : { name, size: inflated.length })
  }
  return parts
}
