import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { NOTION_CSV_COLUMNS, boardToNotionFiles } from './notion-files'
import { sampleKpis } from './testing/sample-kpis'

describe('boardToNotionFiles', () => {
  it('writes a CSV whose first column is the KPI code (Notion title) and the board as Markdown', () => {
    const files = boardToNotionFiles({ boardName: 'AI 助手 / KPI', versionLabel: 'v1.0', kpis: sampleKpis(), locale: 'zh-CN' })
    expect(files.map((f) => f.name)).toEqual(['AI 助手 _ KPI v1.0.csv', 'AI 助手 _ KPI v1.0.md'])
    const csv = files[0]!.data.toString('utf8')
    expect(csv.charCodeAt(0)).not.toBe(0xfeff)
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual([...NOTION_CSV_COLUMNS])
    expect(parsed.data.map((r) => r['KPI code'])).toEqual(['KPI-U001', 'KPI-B002', 'KPI-U010'])
    expect(parsed.data[0]).toMatchObject({
      'KPI name': '月活跃用户数 (MAU)',
      'Current value': '412',
      Stage: '试运行',
      Status: '调整中',
      Frequency: '每日',
      Version: 'v1.0'
    })
    expect(parsed.data[0]?.Description).toBe('自然月内登录并至少完成一次任务的去重用户数\n不含内部与测试账号')
    expect(parsed.data[2]).toMatchObject({ 'Current value': '', Version: 'v1.0' })
    expect(files[1]!.data.toString('utf8')).toContain('#### KPI-U001: 月活跃用户数 (MAU)')
  })
})
