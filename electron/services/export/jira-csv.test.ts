import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { boardToJiraCsv } from './jira-csv'
import { sampleKpis } from './testing/sample-kpis'

const read = (csv: Buffer): string[][] => {
  const parsed = Papa.parse<string[]>(csv.toString('utf8'), { skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

describe('boardToJiraCsv', () => {
  const kpis = sampleKpis()

  it('writes one row per KPI with a Summary, an Issue Type, the latest proposal and one Labels column per label', () => {
    const [header, ...rows] = read(boardToJiraCsv(kpis))
    expect(header).toEqual(['Issue Id', 'Parent Id', 'Summary', 'Issue Type', 'Description', 'Latest proposal', 'Labels', 'Labels', 'Labels', 'Labels'])
    expect(rows.map((r) => r[5])).toEqual(['把第3个月目标下调到 350 MAU，并增加周环比 > 20% 的下跌预警', '', ''])
    expect(rows.map((r) => r[2])).toEqual(['KPI-U001 月活跃用户数 (MAU)', 'KPI-B002 API P95 latency | gateway', 'KPI-U010 用户满意度评分 (CSAT)'])
    expect(rows.every((r) => r[3] === 'Task' && r[1] === '')).toBe(true)
    const labels = rows.map((r) => r.slice(6).filter((l) => l !== ''))
    expect(labels).toEqual([
      ['stage-trial', '用户价值', '增长', 'north-star'],
      ['stage-launched', 'Technical', 'performance'],
      ['stage-draft', '用户价值']
    ])
    expect(labels.flat().some((l) => /\s/.test(l))).toBe(false)
  })

  it('keeps multi-line SQL, quotes and commas inside one Description cell', () => {
    const [, first] = read(boardToJiraCsv(kpis))
    const description = first![4]!
    expect(description).toContain('*Target*: 6个月内达到1,000 MAU')
    expect(description).toContain(`{code:sql}\n${kpis[0]!.formula}\n{code}`)
    expect(description).toContain('*Owner*: 产品经理')
  })

  it('puts the epic first and links every KPI issue to it by Parent Id', () => {
    const [header, ...rows] = read(boardToJiraCsv(kpis, { issueType: 'Story', epic: { summary: 'AI 助手 KPI v1.0' } }))
    expect(header?.slice(0, 4)).toEqual(['Issue Id', 'Parent Id', 'Summary', 'Issue Type'])
    expect(rows[0]?.slice(0, 4)).toEqual(['1', '', 'AI 助手 KPI v1.0', 'Epic'])
    const children = rows.slice(1)
    expect(children.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['2', '1', 'Story'],
      ['3', '1', 'Story'],
      ['4', '1', 'Story']
    ])
    const ids = rows.map((r) => r[0])
    for (const child of children) expect(ids.indexOf(child[1])).toBeLessThan(ids.indexOf(child[0]))
  })
})
