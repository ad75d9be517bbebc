import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { KPI_FIELDS } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
import { BOARD_COLUMNS, boardToCsv, boardToXlsx } from './board-table'
import { parseBoardTable } from './board-table-parse'
import type { ExportKpi } from '../../domain/export'
import { sampleKpis } from './testing/sample-kpis'

/** What a re-import must yield: every field as exported, the target as text awaiting the caller's parser. */
function expectedFields(kpi: ExportKpi): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const key of KPI_FIELDS) fields[key] = kpi[key]
  fields.target = kpi.target ? { text: kpi.target.text, parsed: null } : null
  return fields
}

async function refusal(data: Buffer, format: 'csv' | 'xlsx'): Promise<AppError> {
  const error = await parseBoardTable(data, format).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

async function malformedLine(data: Buffer, format: 'csv' | 'xlsx', code = 'IMPORT_MALFORMED'): Promise<number> {
  const error = await refusal(data, format)
  expect(error.code).toBe(code)
  return error.details?.line as number
}

describe('board CSV', () => {
  const kpis = sampleKpis()

  it('starts with a UTF-8 BOM and a header row of the documented camelCase columns', () => {
    const csv = boardToCsv(kpis)
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const parsed = Papa.parse<string[]>(csv.toString('utf8').slice(1), { skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.data[0]).toEqual([...KPI_FIELDS, 'currentValue', 'latestProposal'])
    // The suggestion is its own column, never folded into the notes.
    expect(parsed.data[1]?.[BOARD_COLUMNS.indexOf('latestProposal')]).toBe('把第3个月目标下调到 350 MAU，并增加周环比 > 20% 的下跌预警')
    expect(parsed.data[1]?.[BOARD_COLUMNS.indexOf('notes')]).toBe('')
    expect(parsed.data[1]?.[BOARD_COLUMNS.indexOf('milestones')]).toBe('Month 1: 60 MAU; Month 2: 180 MAU; Month 3: 400 MAU (due 2026-03-31)')
    expect(parsed.data[2]?.[BOARD_COLUMNS.indexOf('benchmarks')]).toBe(
      'SaaS median: 600-800ms (source: public status pages 2025); Best in class: < 300ms (edge cached)'
    )
    expect(parsed.data[2]?.[BOARD_COLUMNS.indexOf('alertThresholds')]).toBe('P95 > 800ms; red < 75% of target; red at 800; P1 week rise > 25%')
    expect(parsed.data[1]?.[BOARD_COLUMNS.indexOf('tags')]).toBe('增长, north-star')
    expect(parsed.data[1]?.[BOARD_COLUMNS.indexOf('currentValue')]).toBe('412')
  })

  it('reads its own export back into the same fields, line numbers following multi-line cells', async () => {
    const table = await parseBoardTable(boardToCsv(kpis), 'csv')
    expect(table.errors).toEqual([])
    expect(table.unknownColumns).toEqual([])
    expect(table.rows.map((r) => r.fields)).toEqual(kpis.map(expectedFields))
    // KPI-U001 spans lines 2-7 (2-line description, 5-line formula); KPI-B002 starts on line 8.
    expect(table.rows.map((r) => r.line)).toEqual([2, 8, 9])
  })

  it('accepts a file re-saved by European Excel: semicolons, CRLF, Chinese headers, an extra column', async () => {
    const text = [
      '\uFEFF编号;名称;目标值;负责人;监控频率;阶段;状态;优先级;当前值',
      'KPI-U001;月活跃用户数;"≥ 1.000 MAU; 6个月内";产品经理;每周;试运行;调整中;高;412',
      'KPI-U002;"新用户 ""注册"" 率";每月增长20%;市场经理;monthly;v0.9;Adopted;低;',
      ''
    ].join('\r\n')
    const table = await parseBoardTable(Buffer.from(text, 'utf8'), 'csv')
    expect(table.errors).toEqual([])
    expect(table.unknownColumns).toEqual(['优先级'])
    expect(table.rows).toEqual([
      {
        line: 2,
        fields: {
          code: 'KPI-U001',
          name: '月活跃用户数',
          target: { text: '≥ 1.000 MAU; 6个月内', parsed: null },
          owner: '产品经理',
          frequency: 'weekly',
          stage: 'trial',
          status: 'adjusting'
        }
      },
      {
        line: 3,
        fields: {
          code: 'KPI-U002',
          name: '新用户 "注册" 率',
          target: { text: '每月增长20%', parsed: null },
          owner: '市场经理',
          frequency: 'monthly',
          stage: 'feasibility',
          status: 'adopted'
        }
      }
    ])
  })

  it('reads the GB18030 CSV that Chinese Excel saves by default', async () => {
    // "编号,名称\r\nKPI-1,留存率\r\n" in GB18030.
    const gb = Buffer.from('b1e0bac52cc3fbb3c60d0a4b50492d312cc1f4b4e6c2ca0d0a', 'hex')
    const table = await parseBoardTable(gb, 'csv')
    expect(table.rows).toEqual([{ line: 2, fields: { code: 'KPI-1', name: '留存率' } }])
  })

  it('reports row problems with their line and keeps the good rows', async () => {
    const csv = 'code,name,stage,frequency\nKPI-1,A,trial,daily\n,B,draft,daily\nKPI-1,C,draft,daily\nKPI-3,D,someday,fortnightly\n'
    const table = await parseBoardTable(Buffer.from(csv), 'csv')
    expect(table.rows.map((r) => r.fields.code)).toEqual(['KPI-1', 'KPI-3'])
    expect(table.rows[1]?.fields).toEqual({ code: 'KPI-3', name: 'D' })
    expect(table.errors).toEqual([
      { line: 3, message: 'The KPI code is empty.' },
      { line: 4, message: 'The KPI code KPI-1 already appears on line 2.' },
      { line: 5, message: 'KPI-3: unknown stage "someday".' },
      { line: 5, message: 'KPI-3: unknown frequency "fortnightly".' }
    ])
  })

  it('refuses a binary file, broken quoting and a table without a code column, naming the line', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])
    expect((await refusal(png, 'csv')).code).toBe('IMPORT_BINARY')
    const broken = 'code,name\nKPI-1,fine\nKPI-2,"never closed\nKPI-3,x\n'
    expect(await malformedLine(Buffer.from(broken), 'csv', 'IMPORT_ROW_INVALID')).toBe(3)
    expect(await malformedLine(Buffer.from('名称,目标值\n留存,≥ 40%\n'), 'csv')).toBe(1)
  })
})

describe('board XLSX', () => {
  const kpis = sampleKpis()

  it('writes one sheet with a bold frozen header, sized columns and a numeric current value', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await boardToXlsx(kpis)) as unknown as ExcelJS.Buffer)
    const sheet = workbook.getWorksheet('KPIs')!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...BOARD_COLUMNS])
    expect(sheet.getRow(1).font?.bold).toBe(true)
    expect(sheet.getColumn(BOARD_COLUMNS.indexOf('formula') + 1).width).toBe(50)
    expect(sheet.getRow(2).getCell(BOARD_COLUMNS.indexOf('currentValue') + 1).value).toBe(412)
    expect(sheet.rowCount).toBe(4)
  })

  it('reads its own export back into the same fields', async () => {
    const table = await parseBoardTable(await boardToXlsx(kpis), 'xlsx')
    expect(table.errors).toEqual([])
    expect(table.unknownColumns).toEqual([])
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 4])
    expect(table.rows.map((r) => r.fields)).toEqual(kpis.map(expectedFields))
  })

  it('reads a workbook edited by hand: Chinese headers, rich text, a number typed as code, an extra column', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('看板')
    sheet.addRow(['编号', '名称', '目标值', '标签', '备注列'])
    sheet.addRow([1001, { richText: [{ text: '次日' }, { text: '留存率', font: { bold: true } }] }, '≥ 60%', '留存，核心', 'x'])
    const table = await parseBoardTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx')
    expect(table.unknownColumns).toEqual(['备注列'])
    expect(table.rows).toEqual([{ line: 2, fields: { code: '1001', name: '次日留存率', target: { text: '≥ 60%', parsed: null }, tags: ['留存', '核心'] } }])
  })

  it('refuses bytes that are not a workbook', async () => {
    expect((await refusal(Buffer.from('code,name\nKPI-1,x\n'), 'xlsx')).message).toMatch(/not a readable XLSX workbook/)
  })
})
