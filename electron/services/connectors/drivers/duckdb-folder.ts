import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import type ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { AppError } from '../../../domain/errors'

const READERS: Record<string, string> = { '.csv': 'read_csv', '.tsv': 'read_csv', '.parquet': 'read_parquet' }

/**
 * Builds a DuckDB file in a private temporary folder: a view per CSV/Parquet file (read live from
 * the source folder) and a table per XLSX worksheet (read with exceljs, as DuckDB's excel extension
 * would need a download). The caller reopens the file read-only.
 */
export async function buildFolderDatabase(folder: string): Promise<{ file: string; dispose: () => Promise<void> }> {
  const info = await stat(folder).catch(() => null)
  if (!info?.isDirectory()) throw new AppError('SOURCE_CONFIG', `The folder ${folder} does not exist.`)
  const entries = (await readdir(folder)).filter((f) => /\.(csv|tsv|parquet|xlsx)$/i.test(f)).sort()
  if (entries.length === 0) throw new AppError('SOURCE_CONFIG', `The folder ${folder} holds no CSV, Parquet or XLSX file.`)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kpiloop-folder-'))
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true })
  const file = path.join(dir, 'folder.duckdb')
  const instance = await DuckDBInstance.create(file)
  const connection = await instance.connect()
  const used = new Set<string>()
  const nameFor = (base: string): string => {
    let name = base.replace(/\s+/g, '_')
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}_${n}`
    used.add(name.toLowerCase())
    return name
  }
  try {
    for (const entry of entries) {
      const full = path.join(folder, entry)
      const ext = path.extname(entry).toLowerCase()
      const base = path.basename(entry, path.extname(entry))
      if (ext === '.xlsx') {
        for (const sheet of await readWorkbook(full)) {
          const csv = path.join(dir, `sheet-${used.size}.csv`)
          await writeFile(csv, Papa.unparse(sheet.rows))
          const name = nameFor(sheet.single ? base : `${base}_${sheet.name}`)
          await connection.run(`CREATE TABLE ${ident(name)} AS SELECT * FROM read_csv(${quote(csv)}, header = true)`)
          await rm(csv)
        }
      } else {
        await connection.run(`CREATE VIEW ${ident(nameFor(base))} AS SELECT * FROM ${READERS[ext]}(${quote(full)})`)
      }
    }
  } catch (error) {
    connection.closeSync()
    instance.closeSync()
    await dispose()
    throw new AppError('SOURCE_CONFIG', `Cannot read the files of ${folder}: ${(error as Error).message}`)
  }
  connection.closeSync()
  instance.closeSync()
  return { file, dispose }
}

async function readWorkbook(file: string): Promise<{ name: string; single: boolean; rows: unknown[][] }[]> {
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  await workbook.xlsx.readFile(file)
  const sheets = workbook.worksheets.filter((s) => s.actualRowCount > 0)
  return sheets.map((sheet) => {
    const rows: unknown[][] = []
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: unknown[] = []
      for (let c = 1; c <= sheet.columnCount; c++) values.push(cellValue(row.getCell(c).value))
      rows.push(values)
    })
    return { name: sheet.name, single: sheets.length === 1, rows }
  })
}

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null
  if (value instanceof Date) {
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  }
  if (typeof value !== 'object') return value
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue)
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('text' in value) return String(value.text)
  if ('error' in value) return null
  return String(value)
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
