import ExcelJS from 'exceljs'
import type { Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import Papa from 'papaparse'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../domain/errors'
import { parseBoardTable } from './'
import { createExportService, type ExportService } from './export-service'
import { boardFixture, type BoardFixture } from './testing/board-fixture'

const TOKEN = 'ntn_file_export_secret_0123456789'

let fx: BoardFixture
let service: ExportService
beforeEach(() => {
  fx = boardFixture()
  service = createExportService({ core: fx.core })
  // Credentials configured for the API exports must never leak into a file export.
  service.config.set('notion', { parentPageId: 'page-1' }, { token: TOKEN })
  service.config.set('jira', { host: 'https://team.atlassian.net', email: 'po@example.com', projectKey: 'KPI', issueType: 'Story' }, { apiToken: TOKEN })
})
afterEach(() => fx.cleanup())

const decode = (base64: string): Buffer => Buffer.from(base64, 'base64')
const markdownTable = (md: string): string[][] => {
  const root: Root = unified().use(remarkParse).use(remarkGfm).parse(md)
  const table = root.children.find((n): n is Table => n.type === 'table')!
  return table.children.map((row) => row.children.map((cell) => toString(cell)))
}
async function xlsxRows(data: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer)
  const rows: unknown[][] = []
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe('file exports of a board', () => {
  it('writes Markdown whose table shows current values and the latest proposal', async () => {
    const { files } = await service.file({ boardId: fx.boardId, format: 'markdown', locale: 'zh-CN' })
    expect(files.map((f) => [f.name, f.mime])).toEqual([['AI 助手 KPI 看板.md', 'text/markdown; charset=utf-8']])
    const rows = markdownTable(decode(files[0]!.base64).toString('utf8'))
    expect(rows[0]).toEqual(['KPI 编号', '描述', '数据来源', '目标值', '当前值', '阶段', '最新建议', '状态'])
    const mau = rows.find((r) => r[0] === 'KPI-U001')!
    expect(mau[3]).toBe('6个月内达到1,000 MAU')
    expect(mau[4]).toContain('412')
    expect(mau[6]).toBe('把第3个月目标下调到 350 MAU')
    expect(rows.find((r) => r[0] === 'KPI-U010')![4]).toBe('')
  })

  it('writes CSV and XLSX with every field that read back into the board as it is', async () => {
    const board = fx.core.kpis.list(fx.boardId)
    for (const format of ['csv', 'xlsx'] as const) {
      const { files } = await service.file({ boardId: fx.boardId, format, locale: 'en' })
      expect(files[0]!.name).toBe(`AI 助手 KPI 看板.${format}`)
      const table = await parseBoardTable(decode(files[0]!.base64), format)
      expect(table.errors).toEqual([])
      for (const kpi of board) {
        const row = table.rows.find((r) => r.fields.code === kpi.code)!
        expect({ ...row.fields, target: row.fields.target?.text }).toEqual({
          code: kpi.code,
          name: kpi.name,
          description: kpi.description,
          category: kpi.category,
          formula: kpi.formula,
          dataSource: kpi.dataSource,
          sourceNote: kpi.sourceNote,
          mapping: kpi.mapping,
          target: kpi.target?.text,
          unit: kpi.unit,
          direction: kpi.direction,
          frequency: kpi.frequency,
          targetPeriod: kpi.targetPeriod,
          aggregation: kpi.aggregation,
          owner: kpi.owner,
          alertThresholds: kpi.alertThresholds,
          benchmarks: kpi.benchmarks,
          milestones: kpi.milestones,
          stage: kpi.stage,
          status: kpi.status,
          tags: kpi.tags,
          notes: kpi.notes
        })
      }
    }
    const xlsx = await xlsxRows(decode((await service.file({ boardId: fx.boardId, format: 'xlsx', locale: 'en' })).files[0]!.base64))
    const current = (xlsx[0] as string[]).indexOf('currentValue')
    expect(xlsx.slice(1).map((r) => r[current])).toEqual([412, 430, ''])
  })

  it('writes a Jira importer CSV with the configured issue type and an epic first when asked', async () => {
    const { files } = await service.file({ boardId: fx.boardId, format: 'jira-csv', locale: 'en', epic: true })
    const [header, ...rows] = Papa.parse<string[]>(decode(files[0]!.base64).toString('utf8'), { skipEmptyLines: true }).data
    expect(header!.slice(0, 5)).toEqual(['Issue Id', 'Parent Id', 'Summary', 'Issue Type', 'Description'])
    expect(rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['1', '', 'AI 助手 KPI 看板', 'Epic'],
      ['2', '1', 'KPI-U001 月活跃用户数 (MAU)', 'Story'],
      ['3', '1', 'KPI-B002 API P95 latency | gateway', 'Story'],
      ['4', '1', 'KPI-U010 用户满意度评分 (CSAT)', 'Story']
    ])
    expect(rows[1]!.slice(6).filter(Boolean)).toEqual(['stage-trial', '用户价值', '增长', 'north-star'])
  })

  it('writes a CSV and a Markdown page for Notion’s importer', async () => {
    const { files } = await service.file({ boardId: fx.boardId, format: 'notion', locale: 'en' })
    expect(files.map((f) => f.name)).toEqual(['AI 助手 KPI 看板.csv', 'AI 助手 KPI 看板.md'])
    const rows = Papa.parse<Record<string, string>>(decode(files[0]!.base64).toString('utf8'), { header: true, skipEmptyLines: true }).data
    expect(rows.map((r) => [r['KPI code'], r['Current value'], r.Stage])).toEqual([
      ['KPI-U001', '412', 'Trial'],
      ['KPI-B002', '430', 'Launched'],
      ['KPI-U010', '', 'Draft']
    ])
  })

  it('never writes a credential into any file', async () => {
    for (const format of ['markdown', 'csv', 'jira-csv', 'notion'] as const) {
      for (const f of (await service.file({ boardId: fx.boardId, format, locale: 'en' })).files) expect(decode(f.base64).toString('utf8')).not.toContain(TOKEN)
    }
    const xlsx = await xlsxRows(decode((await service.file({ boardId: fx.boardId, format: 'xlsx', locale: 'en' })).files[0]!.base64))
    expect(JSON.stringify(xlsx)).not.toContain(TOKEN)
  })

  it('exports a selection, and refuses KPIs that are not on the board', async () => {
    const { files } = await service.file({ boardId: fx.boardId, format: 'csv', locale: 'en', kpiIds: [fx.id('KPI-U010')] })
    expect((await parseBoardTable(decode(files[0]!.base64), 'csv')).rows.map((r) => r.fields.code)).toEqual(['KPI-U010'])
    const error = await service.file({ boardId: fx.boardId, format: 'csv', locale: 'en', kpiIds: [999] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('KPI_NOT_FOUND')
  })
})

describe('file exports of a board version', () => {
  it('holds the version’s pinned fields and the values known when it was cut, not today’s', async () => {
    fx.tick()
    fx.core.versions.cut(fx.boardId, { label: 'v1.0' }, 'owner')
    fx.tick()
    fx.core.kpis.edit(fx.id('KPI-U010'), { target: '≥ 4.5/5.0', owner: '体验负责人' }, { actor: 'owner' })
    fx.core.measurements.add(fx.id('KPI-U001'), { period: { start: '2025-12-01', end: '2026-01-01' }, value: 520, source: 'manual' }, 'owner')

    const pinned = await service.file({ boardId: fx.boardId, format: 'csv', locale: 'en', versionLabel: 'v1.0' })
    expect(pinned.files[0]!.name).toBe('AI 助手 KPI 看板 v1.0.csv')
    const rows = Papa.parse<Record<string, string>>(decode(pinned.files[0]!.base64).toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data
    expect(rows.map((r) => [r.code, r.target, r.owner, r.currentValue])).toEqual([
      ['KPI-U001', '6个月内达到1,000 MAU', '产品经理', '412'],
      ['KPI-B002', 'P95 ≤ 500ms', 'SRE team', '430'],
      ['KPI-U010', '≥ 4.2/5.0', '客服经理', '']
    ])

    const now = await service.file({ boardId: fx.boardId, format: 'csv', locale: 'en' })
    const today = Papa.parse<Record<string, string>>(decode(now.files[0]!.base64).toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data
    expect(today.map((r) => [r.code, r.target, r.currentValue])).toEqual([
      ['KPI-U001', '6个月内达到1,000 MAU', '520'],
      ['KPI-B002', 'P95 ≤ 500ms', '430'],
      ['KPI-U010', '≥ 4.5/5.0', '']
    ])
    const notion = await service.file({ boardId: fx.boardId, format: 'notion', locale: 'en', versionLabel: 'v1.0' })
    const versions = Papa.parse<Record<string, string>>(decode(notion.files[0]!.base64).toString('utf8'), { header: true, skipEmptyLines: true }).data
    expect(versions.map((r) => r.Version)).toEqual(['v1.0', 'v1.0', 'v1.0'])
  })

  it('labels current KPIs with the latest version only while they are unchanged since its cut', async () => {
    fx.core.versions.cut(fx.boardId, { label: 'v0.9' }, 'owner')
    fx.core.kpis.edit(fx.id('KPI-U010'), { owner: '体验负责人' }, { actor: 'owner' })
    const { files } = await service.file({ boardId: fx.boardId, format: 'notion', locale: 'en' })
    const rows = Papa.parse<Record<string, string>>(decode(files[0]!.base64).toString('utf8'), { header: true, skipEmptyLines: true }).data
    expect(rows.map((r) => [r['KPI code'], r.Version])).toEqual([
      ['KPI-U001', 'v0.9'],
      ['KPI-B002', 'v0.9'],
      ['KPI-U010', '']
    ])
  })

  it('says so when the version does not exist', async () => {
    const error = await service.file({ boardId: fx.boardId, format: 'markdown', locale: 'en', versionLabel: 'v9.9' }).catch((e: unknown) => e)
    expect((error as AppError).code).toBe('VERSION_NOT_FOUND')
  })
})
