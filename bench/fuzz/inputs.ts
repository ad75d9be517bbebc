import { createDeflateRaw, crc32 } from 'node:zlib'
import ExcelJS from 'exceljs'
import { buildDocx } from '../../electron/services/prd-import/fixtures/build-docx'
import { unzipParts, zipBytes, type ZipEntry } from '../../electron/services/import-guard/testing/zip-bytes'

export type Importer = 'prd' | 'table' | 'actuals'

export interface BigInput {
  name: string
  importer: Importer
  fileName: string
  make: () => Promise<Buffer> | Buffer
}

const MB = 1024 * 1024
const lines = (n: number, line: (i: number) => string) => Buffer.from(Array.from({ length: n }, (_, i) => line(i)).join('\n'))

/** A part of `size` bytes repeated from `chunk`, deflated as a stream so that the generator never holds it whole. */
async function deflatedPart(name: string, size: number, chunk: (offset: number) => Buffer): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 1 })
  const out: Buffer[] = []
  deflate.on('data', (b: Buffer) => out.push(b))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  let crc = 0
  for (let offset = 0; offset < size;) {
    const piece = chunk(offset).subarray(0, size - offset)
    crc = crc32(piece, crc)
    offset += piece.length
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return { name, deflated: { bytes: Buffer.concat(out), size, crc } }
}

const docx = () => buildDocx([{ heading: 2, text: '成功指标' }, { bullet: '结账转化率: ≥ 35%' }])

/** A .docx whose document.xml is `size` bytes of real paragraphs (a document too long, rather than zeros). */
async function longDocx(size: number): Promise<Buffer> {
  const parts = unzipParts(docx())
  const paragraph = Buffer.from('<w:p><w:r><w:t>支付成功率 ≥ 99.5%，每日统计，负责人为支付团队。</w:t></w:r></w:p>'.repeat(200))
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
  const tail = '</w:body></w:document>'
  const count = Math.floor((size - head.length - tail.length) / paragraph.length)
  let written = 0
  const body = await deflatedPart('word/document.xml', Buffer.byteLength(head) + count * paragraph.length + tail.length, () => {
    written++
    return Buffer.concat([Buffer.from(written === 1 ? head : ''), paragraph, Buffer.from(written === count ? tail : '')])
  })
  return zipBytes([...parts.filter((p) => p.name !== 'word/document.xml'), body])
}

/** Zeros deflated into a part; `declaredSize` makes the directory lie about it, so only inflating finds out. */
async function zeroBomb(base: Buffer, name: string, size: number, declaredSize?: number): Promise<Buffer> {
  const zeros = Buffer.alloc(MB)
  return zipBytes([...unzipParts(base), { ...(await deflatedPart(name, size, () => zeros)), declaredSize }])
}

async function xlsxOf(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('KPIs')
  sheet.addRow(['code', 'name', 'target'])
  for (let i = 0; i < rows; i++) sheet.addRow([`FZ-${i}`, `指标 ${i}`, `≥ ${i % 90}%`])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** An XLSX with a sheet of `rows` rows written as XML directly (exceljs would need gigabytes to make it). */
async function hugeXlsx(rows: number): Promise<Buffer> {
  const parts = unzipParts(await xlsxOf(1))
  const row = (i: number) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>FZ-${i}</t></is></c></row>`
  const block = 10_000
  const size = Array.from({ length: rows }, (_, i) => row(i).length).reduce((a, b) => a + b, 0)
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  const tail = '</sheetData></worksheet>'
  let next = 0
  const sheet = await deflatedPart('xl/worksheets/sheet1.xml', head.length + size + tail.length, (offset) => {
    const rowsXml = Array.from({ length: Math.min(block, rows - next) }, (_, k) => row(next + k)).join('')
    next += block
    return Buffer.from((offset === 0 ? head : '') + rowsXml + (next >= rows ? tail : ''))
  })
  return zipBytes([...parts.filter((p) => p.name !== 'xl/worksheets/sheet1.xml'), sheet])
}

const csvRows = (n: number) => Buffer.from(`code,name,target\n${Array.from({ length: n }, (_, i) => `FZ-${i},指标 ${i},≥ ${i % 90}%`).join('\n')}\n`)
const actualsRows = (n: number) =>
  Buffer.from(
    `code,period_start,period_end,value\n${Array.from({ length: n }, (_, i) => {
      const day = new Date(Date.UTC(1900, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
      const next = new Date(Date.UTC(1900, 0, 2) + i * 86_400_000).toISOString().slice(0, 10)
      return `KPI-U001,${day},${next},${(i % 1000) + 0.5}`
    }).join('\n')}\n`
  )

/** The inputs `npm run fuzz` measures: each is generated on the fly, never committed. */
export const BIG_INPUTS: BigInput[] = [
  {
    name: 'PRD: 100k lines of prose',
    importer: 'prd',
    fileName: 'prose.md',
    make: () => lines(100_000, (i) => `Sentence ${i} of a PRD about retention of 5%.`)
  },
  {
    name: 'PRD: 5k lines of prose (at the limit)',
    importer: 'prd',
    fileName: 'prose.md',
    make: () => lines(5_000, (i) => `Sentence ${i} of a PRD about retention of 5%.`)
  },
  { name: 'PRD: 100k-line list', importer: 'prd', fileName: 'list.md', make: () => lines(100_000, (i) => `- item ${i}: retention ≥ ${i % 90}%`) },
  { name: 'PRD: 5k-line list (at the limit)', importer: 'prd', fileName: 'list.md', make: () => lines(5_000, (i) => `- item ${i}: retention ≥ ${i % 90}%`) },
  { name: 'PRD: lists nested 5000 deep', importer: 'prd', fileName: 'nested.md', make: () => lines(80, (i) => `${'- '.repeat(5000)}level ${i} ≥ 5%`) },
  { name: 'PRD: quotes nested 5000 deep', importer: 'prd', fileName: 'quotes.md', make: () => lines(80, (i) => `${'> '.repeat(5000)}line ${i}`) },
  { name: 'PRD: lists indented 900 levels', importer: 'prd', fileName: 'indent.md', make: () => lines(900, (i) => `${'  '.repeat(i)}- level ${i}`) },
  { name: 'PRD: 25k brackets per line', importer: 'prd', fileName: 'brackets.md', make: () => lines(40, () => `${'['.repeat(24_000)}x`) },
  {
    name: 'PRD: 50k-row Markdown table',
    importer: 'prd',
    fileName: 'table.md',
    make: () => lines(50_000, (i) => (i === 1 ? '|---|---|' : `| 指标 ${i} | ≥ ${i % 90}% |`))
  },
  {
    name: 'PRD: 5k-row Markdown table (at the limit)',
    importer: 'prd',
    fileName: 'table.md',
    make: () => lines(5_000, (i) => (i === 1 ? '|---|---|' : `| 指标 ${i} | ≥ ${i % 90}% |`))
  },
  { name: 'PRD: one 1 MB line', importer: 'prd', fileName: 'line.md', make: () => Buffer.from('word '.repeat(200_000)) },
  { name: 'PRD: .docx with 30 MB of XML', importer: 'prd', fileName: 'long.docx', make: () => longDocx(30 * MB) },
  { name: 'PRD: .docx with 3.9 MB of XML (at the limit)', importer: 'prd', fileName: 'long.docx', make: () => longDocx(3.9 * MB) },
  { name: 'PRD: .docx bomb 100 MB', importer: 'prd', fileName: 'bomb.docx', make: () => zeroBomb(docx(), 'word/media/zero.bin', 100 * MB) },
  { name: 'PRD: .docx bomb 1 GB', importer: 'prd', fileName: 'bomb.docx', make: () => zeroBomb(docx(), 'word/media/zero.bin', 1024 * MB) },
  { name: 'table: 100k-row CSV', importer: 'table', fileName: 'board.csv', make: () => csvRows(100_000) },
  { name: 'table: 10k-row CSV (at the limit)', importer: 'table', fileName: 'board.csv', make: () => csvRows(10_000) },
  { name: 'table: 10k-row XLSX (at the limit)', importer: 'table', fileName: 'board.xlsx', make: () => xlsxOf(10_000) },
  { name: 'table: 1M-row XLSX', importer: 'table', fileName: 'board.xlsx', make: () => hugeXlsx(1_000_000) },
  { name: 'table: XLSX bomb 1 GB', importer: 'table', fileName: 'board.xlsx', make: async () => zeroBomb(await xlsxOf(3), 'xl/media/zero.bin', 1024 * MB) },
  {
    name: 'table: XLSX bomb 1 GB declared 1 KB',
    importer: 'table',
    fileName: 'board.xlsx',
    make: async () => zeroBomb(await xlsxOf(3), 'xl/media/zero.bin', 1024 * MB, 1024)
  },
  { name: 'PRD: .docx bomb 1 GB declared 1 KB', importer: 'prd', fileName: 'bomb.docx', make: () => zeroBomb(docx(), 'word/media/zero.bin', 1024 * MB, 1024) },
  { name: 'table: XLSX bomb 30 MB', importer: 'table', fileName: 'board.xlsx', make: async () => zeroBomb(await xlsxOf(3), 'xl/media/zero.bin', 30 * MB) },
  { name: 'actuals: 1M-row CSV', importer: 'actuals', fileName: 'actuals.csv', make: () => actualsRows(1_000_000) },
  { name: 'actuals: 100k-row CSV (at the limit)', importer: 'actuals', fileName: 'actuals.csv', make: () => actualsRows(100_000) }
]
