import { crc32, deflateRawSync, inflateRawSync as inflate } from 'node:zlib'

export interface ZipEntry {
  name: string
  /** The part's content, or its deflated form already made (a bomb streamed by the caller). */
  data?: Buffer
  deflated?: { bytes: Buffer; size: number; crc: number }
  /** A size to write in the directory instead of the true one (a package that lies). */
  declaredSize?: number
}

/** A zip package with deflated parts, for .docx/.xlsx inputs that are damaged, lying or bombs. */
export function zipBytes(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const data = entry.data ?? Buffer.alloc(0)
    const packed = entry.deflated ?? { bytes: deflateRawSync(data), size: data.length, crc: crc32(data) }
    const size = entry.declaredSize ?? packed.size
    const name = Buffer.from(entry.name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(packed.crc, 14)
    local.writeUInt32LE(packed.bytes.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(packed.crc, 16)
    central.writeUInt32LE(packed.bytes.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed.bytes)
    centrals.push(central, name)
    offset += local.length + name.length + packed.bytes.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** The parts of a zip package (stored or deflated), to rebuild it with one part changed. */
export function unzipParts(data: Buffer): { name: string; data: Buffer }[] {
  const parts: { name: string; data: Buffer }[] = []
  let at = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = data.readUInt16LE(at + 10)
  at = data.readUInt32LE(at + 16)
  for (let i = 0; i < count; i++) {
    const method = data.readUInt16LE(at + 10)
    const compressed = data.readUInt32LE(at + 20)
    const nameLength = data.readUInt16LE(at + 28)
    const local = data.readUInt32LE(at + 42)
    const name = data.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32)
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
    const raw = data.subarray(start, start + compressed)
    parts.push({ name, data: method === 0 ? Buffer.from(raw) : inflate(raw) })
  }
  return parts
}
