import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_TEXT } from '../../domain/error-text'
import { AppError } from '../../domain/errors'
import { targetSchema } from '../../domain/kpi'
import { readStrictNumber } from '../../domain/number'
import { parseTarget } from '../../domain/target/parse-target'
import { createExportService } from '../export/export-service'
import { commitTableImport } from '../export/table-import'
import { boardFixture, type BoardFixture } from '../export/testing/board-fixture'
import { buildDocx } from '../prd-import/fixtures/build-docx'
import { createPrdImportService } from '../prd-import/prd-import-service'
import { counts } from '../testing/temp-workspace'
import { encodeAs } from './testing/encodings'
import { canonicalNumber, deepNesting, hostileNumber, oddTarget, SAMPLE_PRD } from './testing/hostile-text'
import { seeded } from './testing/random'
import { unzipParts, zipBytes } from './testing/zip-bytes'

/*
 * Every importer against generated hostile input (seed 12, so a failure replays): each input ends in a
 * correct result or a coded, translated error with the input shortened, and an error leaves the workspace
 * as it was. The big inputs (100k lines, 1M rows, bombs of 30 MB – 1 GB) are in `npm run fuzz`.
 */
const r = seeded(12)
const ENCODINGS = ['utf-8-bom', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'gbk', 'utf-16le-nobom'] as const
const RAW = /ENOENT|EISDIR|TypeError|is not a function|Maximum call stack|Cannot read properties|undefined/

let fx: BoardFixture
let csvExport: Buffer
let xlsxExport: Buffer
beforeAll(async () => {
  fx = boardFixture()
  const file = async (format: 'csv' | 'xlsx') =>
    Buffer.from((await createExportService({ core: fx.core }).file({ boardId: fx.boardId, format, locale: 'en' })).files[0]!.base64, 'base64')
  csvExport = await file('csv')
  xlsxExport = await file('xlsx')
})
afterAll(() => fx.cleanup())

const snapshot = () => ({ ...counts(fx.core), measurements: (fx.core.deps.sqlite.prepare('SELECT COUNT(*) AS n FROM measurement').get() as { n: number }).n })

/** A coded error in both languages, short, with nothing of Node's raw errors in it. */
function expectCoded(error: unknown, codes?: readonly string[]): AppError {
  expect(error).toBeInstanceOf(AppError)
  const e = error as AppError
  if (codes) expect(codes).toContain(e.code)
  expect(ERROR_TEXT.en[e.code]).toBeTruthy()
  expect(ERROR_TEXT['zh-CN'][e.code]).toBeTruthy()
  expect(e.message.length).toBeLessThan(700)
  expect(e.message).not.toMatch(RAW)
  return e
}

/** Runs an import; on error, checks it is coded and that the workspace did not change. */
async function attempt<T>(run: () => Promise<T> | T, codes?: readonly string[]): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  const before = snapshot()
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    const coded = expectCoded(error, codes)
    expect(snapshot()).toEqual(before)
    return { ok: false, error: coded }
  }
}

describe('numbers', () => {
  const canonical = Array.from({ length: 40 }, () => canonicalNumber(r))
  it.each(canonical)('reads $text as $value', ({ text, value }) => {
    expect(readStrictNumber(text)).toEqual({ ok: true, value })
  })
  const hostile = Array.from({ length: 40 }, () => hostileNumber(r))
  it.each(hostile)('refuses %s, quoting it shortened', (text) => {
    const read = readStrictNumber(text)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.reason.length).toBeLessThan(200)
  })
})

describe('targets', () => {
  const targets = Array.from({ length: 80 }, () => oddTarget(r))
  it.each(targets)('$text is read whole or refused with a reason', ({ text, hostile, negativeWindow }) => {
    const target = parseTarget(text)
    expect(target.text).toBe(text.trim())
    expect(() => targetSchema.parse(target)).not.toThrow()
    if (target.issue) expect(target.issue.length).toBeLessThan(500)
    if (hostile || negativeWindow) expect(target.parsed).toBeNull()
    if (!target.parsed) return expect(target.issue).toBeTruthy()
    const { value, upper, tolerance, unit } = target.parsed
    for (const n of [value, upper, tolerance]) if (n !== undefined) expect(Number.isFinite(n)).toBe(true)
    expect(unit ?? '').not.toMatch(/^(e\d+|x[0-9a-f]+)$/i)
    if (upper !== undefined) expect(value).toBeLessThanOrEqual(upper)
  })
  const bounds = Array.from({ length: 10 }, () => [r.int(0, 99), r.int(0, 99)] as const)
  it.each(bounds)('≥ %i% ≤ %i% is a range or refused as contradictory', (low, high) => {
    const target = parseTarget(`≥ ${low}% ≤ ${high}%`)
    if (low > high) expect(target).toMatchObject({ parsed: null, issue: expect.stringMatching(/contradict/) })
    else expect(target.parsed).toEqual({ comparator: 'between', value: low, upper: high, unit: '%' })
  })
})

describe('PRD import', () => {
  const preview = (data: Buffer, fileName: string) => attempt(() => createPrdImportService(fx.core).preview({ fileName, data }))
  const candidatesOf = async (data: Buffer, fileName: string) => {
    const result = await preview(data, fileName)
    if (!result.ok) throw result.error
    return result.value.candidates.map((c) => [c.fields.name, c.fields.target?.text ?? null])
  }

  it.each(Array.from({ length: 12 }, () => ({ bytes: r.bytes(r.int(1, 4000)), name: r.pick(['prd.md', 'prd.txt', 'prd.docx', 'prd']) })))(
    'garbage $name #%# is refused with a code or read as text',
    async ({ bytes, name }) => {
      await preview(bytes, name)
    }
  )

  const utf8 = Buffer.from(SAMPLE_PRD, 'utf8')
  it.each(Array.from({ length: 20 }, () => r.int(1, utf8.length - 1)))('the PRD cut at byte %i is read or refused with a code', async (at) => {
    const result = await preview(utf8.subarray(0, at), 'cut.md')
    if (result.ok) for (const c of result.value.candidates) if (c.fields.target?.parsed) expect(Number.isFinite(c.fields.target.parsed.value)).toBe(true)
  })

  it.each(ENCODINGS)('reads the PRD saved as %s like its UTF-8 original', async (encoding) => {
    expect(await candidatesOf(encodeAs(SAMPLE_PRD, encoding), 'prd.md')).toEqual(await candidatesOf(utf8, 'prd.md'))
  })

  it.each(Array.from({ length: 16 }, () => r.int(500, 5000)))('nesting %i deep is read in bounded depth, or refused with a limit', async (depth) => {
    const text = `# PRD\n\n## 成功指标\n\n${deepNesting(r, depth)}\n\n- 结账转化率: ≥ 35%\n`
    const result = await preview(Buffer.from(text), 'deep.md')
    if (result.ok) expect(result.value.candidates.some((c) => c.fields.target?.text === '≥ 35%')).toBe(true)
    else expect(result.error.code).toBe('IMPORT_LIMIT')
  })

  it.each([30_000, 49_000, 50_001, 200_000])('a line of %i characters is read or refused naming the line limit', async (length) => {
    const result = await preview(Buffer.from(`## 成功指标\n\n- 转化率: ≥ 35%\n${'长'.repeat(length)}\n`), 'wide.md')
    if (length > 50_000) expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_LIMIT', details: { limit: 'lineChars' } } })
    else expect(result.ok).toBe(true)
  })

  it.each(Array.from({ length: 12 }, () => oddTarget(r)))('a KPI line with target $text gives a finite target or none', async ({ text }) => {
    const result = await preview(Buffer.from(`# PRD\n\n## 成功指标\n\n- 转化率: ${text}\n`), 'odd.md')
    expect(result.ok).toBe(true)
    if (result.ok) for (const c of result.value.candidates) if (c.fields.target?.parsed) expect(Number.isFinite(c.fields.target.parsed.value)).toBe(true)
  })

  const docx = buildDocx([
    { heading: 2, text: '成功指标' },
    { bullet: '结账转化率: ≥ 35%' },
    {
      table: [
        ['指标', '目标值'],
        ['退款率', '≤ 2%']
      ]
    }
  ])
  it('reads a real .docx', async () => {
    expect((await candidatesOf(docx, 'prd.docx')).length).toBeGreaterThan(0)
  })
  it.each(Array.from({ length: 12 }, () => r.int(1, docx.length - 1)))('a .docx cut at byte %i is refused with a code', async (at) => {
    const result = await preview(docx.subarray(0, at), 'cut.docx')
    expect(result.ok).toBe(false)
  })
  it('a .docx whose parts unpack past the limit is refused naming it, not as an invalid zip', async () => {
    const parts = unzipParts(docx)
    const bomb = zipBytes([...parts, { name: 'word/media/bomb.bin', data: Buffer.alloc(65 * 1024 * 1024) }])
    const result = await preview(bomb, 'bomb.docx')
    expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_LIMIT', message: expect.stringMatching(/64 MB/) } })
  })
  it('a .docx whose directory understates a part is refused', async () => {
    const parts = unzipParts(docx)
    const lying = zipBytes(parts.map((p) => (p.name === 'word/document.xml' ? { ...p, declaredSize: 10 } : p)))
    expect(await preview(lying, 'lying.docx')).toMatchObject({ ok: false, error: { code: 'IMPORT_MALFORMED' } })
  })
  it.each([500, 3000])('a .docx with tables nested %i deep is read or refused with a code', async (depth) => {
    const parts = unzipParts(docx)
    const nested = `${'<w:tbl><w:tr><w:tc>'.repeat(depth)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(depth)}`
    const xml = parts
      .find((p) => p.name === 'word/document.xml')!
      .data.toString('utf8')
      .replace('<w:body>', `<w:body>${nested}<w:p/>`)
    await preview(zipBytes(parts.map((p) => (p.name === 'word/document.xml' ? { ...p, data: Buffer.from(xml) } : p))), 'nested.docx')
  })
  it('an HTML table with a character reference past Unicode is read, not a RangeError', async () => {
    const html = '## 成功指标\n\n<table><tr><th>指标</th><th>目标值</th></tr><tr><td>转化率&#99999999;</td><td>≥ 35%</td></tr></table>\n'
    expect((await preview(Buffer.from(html), 'entity.md')).ok).toBe(true)
  })
  it.each([Buffer.alloc(0), Buffer.from('   \n\n  '), Buffer.from('<!doctype html><html><body>x</body></html>')])(
    'empty or HTML input is refused with a code',
    async (data) => {
      expect((await preview(data, 'x.md')).ok).toBe(false)
    }
  )
})

describe('board table import', () => {
  let code = 0
  const commit = (data: Buffer, format: 'csv' | 'xlsx', allowUnparsedTarget = false) =>
    attempt(() => commitTableImport(fx.core, { boardId: fx.boardId, data, format, fileName: `fuzz.${format}`, actor: 'fuzz', allowUnparsedTarget }))
  const header = () => Papa.parse<string[]>(csvExport.toString('utf8').replace(/^\uFEFF/, '')).data[0]!
  /** A one-KPI CSV in the export's columns. */
  const rowCsv = (cells: Record<string, string>) => {
    const columns = header()
    return Buffer.from(Papa.unparse({ fields: columns, data: [columns.map((c) => cells[c] ?? '')] }), 'utf8')
  }

  it.each(Array.from({ length: 24 }, () => r.int(1, 2000)))('the CSV export cut at byte %i changes nothing: refused, or read whole', async (at) => {
    const result = await commit(csvExport.subarray(0, Math.min(at, csvExport.length - 1)), 'csv')
    if (result.ok) expect(result.value).toMatchObject({ changed: 0, added: 0 })
  })

  it.each(Array.from({ length: 8 }, () => r.int(1, 20_000)))('the XLSX export cut at byte %i is refused with a code', async (at) => {
    const result = await commit(xlsxExport.subarray(0, Math.min(at, xlsxExport.length - 1)), 'xlsx')
    if (result.ok) expect(result.value).toMatchObject({ changed: 0, added: 0 })
  })

  it('an XLSX without its shared strings is refused with a code, never a TypeError', async () => {
    const parts = unzipParts(xlsxExport).filter((p) => p.name !== 'xl/sharedStrings.xml')
    const result = await commit(zipBytes(parts), 'xlsx')
    if (result.ok) expect(result.value).toMatchObject({ changed: 0 })
  })

  it.each(ENCODINGS.filter((e) => e !== 'utf-8-bom'))('the CSV export saved as %s reads back unchanged', async (encoding) => {
    const text = csvExport.toString('utf8').replace(/^\uFEFF/, '')
    expect(await commit(encodeAs(text, encoding), 'csv')).toMatchObject({ ok: true, value: { changed: 0, added: 0 } })
  })

  it.each([
    ['code', 'code'],
    ['name', '名称'],
    ['target', '目标值'],
    ['owner', 'Owner'],
    ['Priority', 'priority']
  ])('a header with %s and %s is refused as duplicate columns', async (a, b) => {
    const data = Buffer.from(`${a},${b},code2\nKPI-X,x,y\n`.replace('code2', a === 'code' ? 'name' : 'code'))
    expect(await commit(data, 'csv')).toMatchObject({ ok: false, error: { code: 'IMPORT_DUPLICATE_COLUMN' } })
  })

  it.each(['=HYPERLINK("http://x.test","y")', '+1+1', '@SUM(A1)', '-2+3', "=cmd|' /C calc'!A0", '=1', '@x', '+x'])(
    'a formula-like name %s is stored as the text it is',
    async (name) => {
      const kpiCode = `FZ-F${++code}`
      expect(await commit(rowCsv({ code: kpiCode, name, target: '≥ 5%' }), 'csv')).toMatchObject({ ok: true, value: { added: 1 } })
      expect(fx.core.kpis.list(fx.boardId, true).find((k) => k.code === kpiCode)?.name).toBe(name)
    }
  )

  it.each(Array.from({ length: 20 }, () => oddTarget(r).text))('a new KPI with target %s is added parsed, or the file refused', async (target) => {
    const kpiCode = `FZ-T${++code}`
    const result = await commit(rowCsv({ code: kpiCode, name: '转化率', target }), 'csv')
    const parsed = parseTarget(target).parsed
    if (parsed) expect(result).toMatchObject({ ok: true, value: { added: 1 } })
    else expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_MALFORMED', message: expect.stringMatching(/not understood/) } })
  })

  it('keeps an unreadable target as flagged text only when the user allows it', async () => {
    const data = rowCsv({ code: `FZ-T${++code}`, name: '转化率', target: 'P9' })
    expect((await commit(data, 'csv')).ok).toBe(false)
    expect(await commit(data, 'csv', true)).toMatchObject({ ok: true, value: { added: 1 } })
  })

  it('a row cut off in the middle fails the whole import with its line', async () => {
    const lines = csvExport.toString('utf8').trimEnd().split('\r\n')
    const kept = `${lines.slice(0, -1).join('\r\n')}\r\n`
    const cut = `${kept}${lines.at(-1)!.split(',').slice(0, 3).join(',')}`
    const line = kept.split('\n').length
    expect(await commit(Buffer.from(cut), 'csv')).toMatchObject({ ok: false, error: { code: 'IMPORT_ROW_INVALID', details: { line } } })
  })

  it.each([
    ['name', 'x'.repeat(100_000)],
    ['code', 'K'.repeat(100_000)],
    ['target', '≥ '.repeat(50_000)]
  ])('a %s cell of 100,000 characters is refused without being echoed whole', async (column, value) => {
    const result = await commit(rowCsv({ code: `FZ-L${++code}`, name: 'long', [column]: value }), 'csv')
    expect(result.ok).toBe(false)
  })

  it('a table past the row limit or the column limit is refused naming it', async () => {
    const rows = Buffer.from(`code,name\n${Array.from({ length: 10_001 }, (_, i) => `R${i},x`).join('\n')}\n`)
    expect(await commit(rows, 'csv')).toMatchObject({ ok: false, error: { code: 'IMPORT_LIMIT', message: expect.stringMatching(/10000/) } })
    const wide = Buffer.from(`code,${Array.from({ length: 200 }, (_, i) => `c${i}`).join(',')}\nK,x\n`)
    expect(await commit(wide, 'csv')).toMatchObject({ ok: false, error: { code: 'IMPORT_LIMIT', details: { limit: 'columns' } } })
  })

  it('an XLSX past the row limit is refused before exceljs reads it', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('KPIs')
    sheet.addRow(['code', 'name'])
    for (let i = 0; i <= 10_000; i++) sheet.addRow([`R${i}`, 'x'])
    const data = Buffer.from(await workbook.xlsx.writeBuffer())
    expect(await commit(data, 'xlsx')).toMatchObject({ ok: false, error: { code: 'IMPORT_LIMIT', details: { limit: 'tableRows' } } })
  })

  it.each(Array.from({ length: 8 }, (_, i) => ({ format: i % 2 ? ('xlsx' as const) : ('csv' as const), bytes: r.bytes(r.int(1, 3000)) })))(
    'garbage as $format #%# is refused with a code',
    async ({ format, bytes }) => {
      const data = format === 'xlsx' ? Buffer.concat([Buffer.from('PK\u0003\u0004'), bytes]) : bytes
      const result = await commit(data, format)
      if (result.ok) expect(result.value).toMatchObject({ changed: 0 })
    }
  )
})

describe('actuals CSV', () => {
  const header = 'code,period_start,period_end,value,note\n'
  const line = (value: string, month: number) =>
    `KPI-U001,2024-${String(month).padStart(2, '0')}-01,2024-${String(month + 1).padStart(2, '0')}-01,"${value}",fuzz\n`
  const importCsv = (data: Buffer | string) => attempt(() => fx.core.measurements.importCsv(fx.boardId, data, 'fuzz', 'fuzz.csv'))
  const stored = (month: number) =>
    fx.core.measurements.list(fx.id('KPI-U001')).find((m) => m.periodStart === `2024-${String(month).padStart(2, '0')}-01`)?.value

  it.each(Array.from({ length: 14 }, () => canonicalNumber(r)))('stores $text as $value', async ({ text, value }) => {
    const month = r.int(1, 11)
    expect((await importCsv(Buffer.from(header + line(text, month)))).ok).toBe(true)
    expect(stored(month)).toBe(value)
  })

  it.each(Array.from({ length: 16 }, () => hostileNumber(r)))('refuses the value %s and stores nothing', async (value) => {
    const result = await importCsv(Buffer.from(header + line('7', 1) + line(value, 2)))
    expect(result).toMatchObject({ ok: false, error: { code: 'NUMBER_INVALID', details: { line: 3 } } })
  })

  it.each(ENCODINGS)('reads a CSV saved as %s', async (encoding) => {
    expect(await importCsv(encodeAs(header + line('1,250', 3), encoding))).toMatchObject({ ok: true, value: 1 })
    expect(stored(3)).toBe(1250)
  })

  it.each(['code,code,period_start,period_end,value\n', 'code,period_start,period_end,value,VALUE\n', 'code,period_start,period_end,value,note,note\n'])(
    'refuses duplicate columns in %s',
    async (head) => {
      expect(await importCsv(Buffer.from(`${head}KPI-U001,2024-01-01,2024-02-01,1,1,1\n`))).toMatchObject({
        ok: false,
        error: { code: 'IMPORT_DUPLICATE_COLUMN' }
      })
    }
  )

  it.each(Array.from({ length: 6 }, () => r.int(1, 3)))('a last row cut after %i cells fails with its line', async (cells) => {
    const cut = line('5', 4).split(',').slice(0, cells).join(',')
    expect(await importCsv(Buffer.from(header + line('4', 3) + cut))).toMatchObject({ ok: false, error: { code: 'IMPORT_ROW_INVALID', details: { line: 3 } } })
  })

  it.each(Array.from({ length: 6 }, () => ({ bytes: r.bytes(r.int(1, 2000)) })))('garbage #%# is refused with a code', async ({ bytes }) => {
    expect((await importCsv(bytes)).ok).toBe(false)
  })

  it.each([
    ['an unknown KPI', 'NOPE,2024-01-01,2024-02-01,1\n'],
    ['a code of 100,000 characters', `${'K'.repeat(100_000)},2024-01-01,2024-02-01,1\n`],
    ['a broken period', 'KPI-U001,2024-13-01,2024-02-01,1\n'],
    ['a value of 100,000 characters', `KPI-U001,2024-01-01,2024-02-01,${'1'.repeat(100_000)}\n`]
  ])('%s is refused naming the line, shortened', async (_what, row) => {
    const result = await importCsv(Buffer.from(`code,period_start,period_end,value\n${row}`))
    expect(result).toMatchObject({ ok: false, error: { details: { line: 2 } } })
  })
})
