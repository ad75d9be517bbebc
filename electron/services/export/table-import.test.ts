import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../domain/errors'
import { counts } from '../testing/temp-workspace'
import { createExportService } from './export-service'
import { commitTableImport, previewTableImport, tableFormatOf } from './table-import'
import { boardFixture, type BoardFixture } from './testing/board-fixture'

let fx: BoardFixture
beforeEach(() => {
  fx = boardFixture()
})
afterEach(() => fx.cleanup())

async function exported(format: 'csv' | 'xlsx'): Promise<Buffer> {
  const { files } = await createExportService({ core: fx.core }).file({ boardId: fx.boardId, format, locale: 'en' })
  return Buffer.from(files[0]!.base64, 'base64')
}

/** What a product owner does in Excel: two cells changed, one KPI added, a column of their own. */
async function editCsv(data: Buffer): Promise<Buffer> {
  const [header, ...rows] = Papa.parse<string[]>(data.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
  const col = (name: string) => header!.indexOf(name)
  rows.find((r) => r[0] === 'KPI-U001')![col('owner')] = '增长产品经理'
  rows.find((r) => r[0] === 'KPI-U010')![col('target')] = '≥ 4.4/5.0'
  const added = header!.map(() => '')
  Object.assign(added, {
    [col('code')]: 'KPI-U020',
    [col('name')]: '7日留存率',
    [col('target')]: '≥ 35%',
    [col('frequency')]: 'weekly',
    [col('owner')]: '增长产品经理',
    [col('stage')]: 'draft'
  })
  const withPriority = [...rows, added].map((r, i) => [...r, ['高', '中', '低', '高'][i]!])
  return Buffer.from('\uFEFF' + Papa.unparse({ fields: [...header!, 'Priority'], data: withPriority }, { newline: '\r\n' }), 'utf8')
}

async function editXlsx(data: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer)
  const sheet = workbook.worksheets[0]!
  const header = (sheet.getRow(1).values as string[]).slice(1)
  const col = (name: string) => header.indexOf(name) + 1
  const rowOf = (code: string) => [2, 3, 4].map((n) => sheet.getRow(n)).find((r) => r.getCell(1).text === code)!
  rowOf('KPI-U001').getCell(col('owner')).value = '增长产品经理'
  rowOf('KPI-U010').getCell(col('target')).value = '≥ 4.4/5.0'
  const added = sheet.getRow(5)
  added.getCell(col('code')).value = 'KPI-U020'
  added.getCell(col('name')).value = '7日留存率'
  added.getCell(col('target')).value = '≥ 35%'
  added.getCell(col('frequency')).value = '每周'
  sheet.getRow(1).getCell(header.length + 1).value = '优先级'
  sheet.getRow(2).getCell(header.length + 1).value = '高'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('board table round trip', () => {
  for (const [format, edit] of [
    ['csv', editCsv],
    ['xlsx', editXlsx]
  ] as const) {
    it(`previews exactly the edits made to a ${format.toUpperCase()} export, commits them as import revisions, then sees no change`, async () => {
      const file = await edit(await exported(format))
      const fileName = `AI 助手 KPI 看板 (edited).${format}`
      const preview = await previewTableImport(fx.core, fx.boardId, file, format, fileName)
      expect(preview.errors).toEqual([])
      expect(preview.unknownColumns).toEqual([format === 'csv' ? 'Priority' : '优先级'])
      expect(preview.changed.map((c) => [c.code, c.kind, c.changes.map((ch) => ch.field)])).toEqual([
        ['KPI-U001', 'edit', ['owner']],
        ['KPI-U010', 'edit', ['target']]
      ])
      expect(preview.changed[0]!.changes[0]).toMatchObject({ from: '产品经理', to: '增长产品经理' })
      expect(preview.changed[1]!.changes[0]).toMatchObject({
        from: { text: '≥ 4.2/5.0' },
        to: { text: '≥ 4.4/5.0', parsed: { comparator: '>=', value: 4.4, scale: 5 } }
      })
      expect(preview.added.map((a) => [a.code, a.fields.name, a.fields.target?.parsed?.value, a.fields.frequency])).toEqual([
        ['KPI-U020', '7日留存率', 35, 'weekly']
      ])
      expect(preview.unchanged).toBe(1)
      expect(preview.notInFile).toEqual([])

      const before = counts(fx.core)
      const result = await commitTableImport(fx.core, { boardId: fx.boardId, data: file, format, fileName, actor: 'po' })
      expect(result).toEqual({ changed: 2, added: 1, unchanged: 1, unknownColumns: preview.unknownColumns })
      expect(counts(fx.core)).toMatchObject({ kpis: before.kpis + 1, revisions: before.revisions + 3 })
      const history = fx.core.kpis.history(fx.id('KPI-U010'))
      expect(history.at(-1)).toMatchObject({ source: 'import', author: 'po', reason: `Imported from ${fileName}`, target: { text: '≥ 4.4/5.0' } })
      const added = fx.core.kpis.get(fx.core.kpis.resolve(fx.boardId, 'KPI-U020'))
      expect(fx.core.kpis.history(added.id)[0]).toMatchObject({ source: 'import', reason: `Imported from ${fileName}` })
      expect(fx.core.audit.list({ boardId: fx.boardId, limit: 1 })[0]).toMatchObject({ action: 'import.table', details: { fileName, changed: 2, added: 1 } })

      const again = await previewTableImport(fx.core, fx.boardId, file, format, fileName)
      expect([again.changed, again.added, again.unchanged, again.errors]).toEqual([[], [], 4, []])
    })
  }

  it('treats a re-export of an untouched board as no change at all', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const preview = await previewTableImport(fx.core, fx.boardId, await exported(format), format)
      expect([preview.changed, preview.added, preview.unchanged, preview.errors, preview.unknownColumns]).toEqual([[], [], 3, [], []])
    }
  })

  it('lists board KPIs the file leaves out, without touching them', async () => {
    const csv = '\uFEFFcode,name,owner\r\nKPI-U001,月活跃用户数 (MAU),产品经理\r\n'
    const preview = await previewTableImport(fx.core, fx.boardId, Buffer.from(csv), 'csv')
    expect(preview.notInFile.map((k) => k.code)).toEqual(['KPI-B002', 'KPI-U010'])
    expect(preview.unchanged).toBe(1)
  })
})

describe('a board table import that cannot be applied', () => {
  async function refused(data: Buffer, format: 'csv' | 'xlsx', code: string): Promise<AppError> {
    const before = counts(fx.core)
    const error = await commitTableImport(fx.core, { boardId: fx.boardId, data, format, fileName: `bad.${format}`, actor: 'po' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe(code)
    expect(counts(fx.core)).toEqual(before)
    return error as AppError
  }

  it('writes nothing when one row is wrong, even if others are fine, and says which line', async () => {
    const csv = [
      'code,name,owner,stage,target',
      'KPI-U001,月活跃用户数 (MAU),新负责人,trial,"6个月内达到1,000 MAU"',
      'KPI-U010,用户满意度评分 (CSAT),客服经理,someday,≥ 4.2/5.0',
      'KPI-B002,API P95 latency | gateway,SRE team,launched,P95 ≤ 400ms',
      'KPI-U030,,,draft,'
    ].join('\r\n')
    const preview = await previewTableImport(fx.core, fx.boardId, Buffer.from(csv), 'csv', 'bad.csv')
    expect(preview.errors.map((e) => e.line)).toEqual([3, 4, 5])
    expect(preview.errors[0]!.message).toBe('KPI-U010: unknown stage "someday".')
    expect(preview.errors[1]!.message).toMatch(/target of KPI-B002 is locked since launch.*Re-baseline it in the app/)
    expect(preview.errors[2]!.message).toBe('KPI-U030 is not on the board, and a new KPI needs a name.')
    const error = await refused(Buffer.from(csv), 'csv', 'IMPORT_MALFORMED')
    expect(error.message).toMatch(/^bad\.csv has 3 error\(s\), nothing was imported; line 3: /)
  })

  it('refuses malformed, empty and fake files with a clear error', async () => {
    expect((await refused(Buffer.from('code,name\r\nKPI-U001,"never closed\r\n'), 'csv', 'IMPORT_ROW_INVALID')).message).toMatch(/quoted cell.*line 2/)
    expect((await refused(Buffer.from('name,owner\r\nMAU,产品经理\r\n'), 'csv', 'IMPORT_MALFORMED')).message).toMatch(/no KPI code column/)
    expect((await refused(Buffer.from('PK\u0003\u0004 not really a workbook'), 'xlsx', 'IMPORT_MALFORMED')).message).toMatch(/not a readable XLSX/)
    await refused(Buffer.alloc(0), 'csv', 'IMPORT_EMPTY')
    expect(() => tableFormatOf('board.numbers')).toThrow(expect.objectContaining({ code: 'IMPORT_UNSUPPORTED' }))
    expect(tableFormatOf('看板.XLSX')).toBe('xlsx')
  })
})
