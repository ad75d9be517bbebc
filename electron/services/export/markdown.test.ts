import type { Code, Heading, List, Paragraph, Root, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import type { ExportKpi } from '../../domain/export'
import { boardToMarkdown } from './markdown'
import { sampleKpis } from './testing/sample-kpis'

const parse = (md: string): Root => unified().use(remarkParse).use(remarkGfm).parse(md)

function tableCells(root: Root): string[][] {
  const table = root.children.find((n): n is Table => n.type === 'table')
  if (!table) throw new Error('no table in the Markdown')
  return table.children.map((row) => row.children.map((cell) => toString(cell).replace(/<br>/g, '\n')))
}

/** The PRD importer's view of one KPI block: its heading, labelled fields, lists and SQL. */
function kpiBlocks(root: Root): Map<string, { fields: Map<string, string>; lists: Map<string, string[]>; sql?: string }> {
  const blocks = new Map<string, { fields: Map<string, string>; lists: Map<string, string[]>; sql?: string }>()
  let current: { fields: Map<string, string>; lists: Map<string, string[]>; sql?: string } | undefined
  let pendingLabel: string | undefined
  for (const node of root.children as RootContent[]) {
    if (node.type === 'heading' && (node as Heading).depth === 4) {
      current = { fields: new Map(), lists: new Map() }
      blocks.set(toString(node), current)
    } else if (current && node.type === 'paragraph') {
      const p = node as Paragraph
      const first = p.children[0]
      if (first?.type !== 'strong') continue
      const label = toString(first)
      const rest = toString({ ...p, children: p.children.slice(1) }).replace(/^:\s*/, '')
      if (rest === '') pendingLabel = label
      else current.fields.set(label, rest)
    } else if (current && pendingLabel && node.type === 'list') {
      current.lists.set(
        pendingLabel,
        (node as List).children.map((item) => toString(item))
      )
      pendingLabel = undefined
    } else if (current && node.type === 'code') {
      current.sql = (node as Code).value
      pendingLabel = undefined
    }
  }
  return blocks
}

describe('boardToMarkdown', () => {
  const kpis = sampleKpis()

  it('writes a tracking table whose parsed cells equal the board values, pipes and newlines included', () => {
    const tricky: ExportKpi = {
      ...kpis[1]!,
      id: 9,
      code: 'KPI-X9',
      name: 'a | b *not bold* <span> `tick` [link](x) &amp; ~strike~ \\ back',
      dataSource: 'line one\nline two',
      latestProposal: '1. lower target | add SLA alert'
    }
    const md = boardToMarkdown({ boardName: 'AI 助手 KPI', versionLabel: 'v1.0', kpis: [...kpis, tricky], locale: 'zh-CN' })
    const rows = tableCells(parse(md))
    expect(rows[0]).toEqual(['KPI 编号', '描述', '数据来源', '目标值', '当前值', '阶段', '最新建议', '状态'])
    expect(rows[1]).toEqual([
      'KPI-U001',
      '月活跃用户数 (MAU)',
      'analytics-pg',
      '6个月内达到1,000 MAU',
      '412 users',
      '试运行',
      '把第3个月目标下调到 350 MAU，并增加周环比 > 20% 的下跌预警',
      '调整中'
    ])
    expect(rows[3]?.[4]).toBe('')
    expect(rows[4]).toEqual([
      'KPI-X9',
      'a | b *not bold* <span> `tick` [link](x) &amp; ~strike~ \\ back',
      'line one\nline two',
      'P95 ≤ 500ms',
      '430 ms',
      '上线',
      '1. lower target | add SLA alert',
      '稳定'
    ])
  })

  it('writes each KPI in the PRD block shape so the importer reads the same fields back', () => {
    const md = boardToMarkdown({ boardName: 'AI 助手 KPI', versionLabel: 'v1.0', kpis, locale: 'zh-CN' })
    expect(md).toContain('#### KPI-U001: 月活跃用户数 (MAU)\n**目标**: 6个月内达到1,000 MAU')
    const blocks = kpiBlocks(parse(md))
    expect([...blocks.keys()]).toEqual(['KPI-U001: 月活跃用户数 (MAU)', 'KPI-U010: 用户满意度评分 (CSAT)', 'KPI-B002: API P95 latency | gateway'])
    const mau = blocks.get('KPI-U001: 月活跃用户数 (MAU)')!
    expect(Object.fromEntries(mau.fields)).toMatchObject({
      目标: '6个月内达到1,000 MAU',
      数据源: 'analytics-pg',
      监控频率: '每日',
      负责人: '产品经理',
      预警阈值: '< 目标值的80%'
    })
    expect(mau.sql).toBe(kpis[0]!.formula)
    expect(mau.lists.get('目标分解')).toEqual(['Month 1: 60 MAU', 'Month 2: 180 MAU', 'Month 3: 400 MAU'])
    expect(mau.lists.get('衡量定义')).toEqual(['自然月内登录并至少完成一次任务的去重用户数', '不含内部与测试账号'])
    const csat = blocks.get('KPI-U010: 用户满意度评分 (CSAT)')!
    expect(csat.sql).toContain('WITH s AS (')
    expect(csat.lists.get('基准值')).toEqual(['SaaS行业平均: 3.8-4.0'])
    const latency = blocks.get('KPI-B002: API P95 latency | gateway')!
    expect(latency.sql).toBeUndefined()
    expect(latency.fields.get('计算公式')).toBe(kpis[1]!.formula)
    expect(latency.fields.get('备注')).toBe('Measured at the edge; excludes *batch* uploads.')
    expect(latency.lists.get('基准值')).toEqual(['SaaS median: 600-800ms (来源: public status pages 2025)', 'Best in class: < 300ms (edge cached)'])
  })

  it('groups KPI blocks under their category and labels fields in English for the en locale', () => {
    const md = boardToMarkdown({ boardName: 'Assistant', versionLabel: null, kpis, locale: 'en' })
    const root = parse(md)
    const headings = root.children.filter((n): n is Heading => n.type === 'heading').map((h) => `${h.depth}:${toString(h)}`)
    expect(headings).toEqual([
      '1:Assistant',
      '2:KPI details',
      '3:用户价值',
      '4:KPI-U001: 月活跃用户数 (MAU)',
      '4:KPI-U010: 用户满意度评分 (CSAT)',
      '3:Technical',
      '4:KPI-B002: API P95 latency | gateway'
    ])
    expect(kpiBlocks(root).get('KPI-B002: API P95 latency | gateway')?.fields.get('Monitoring frequency')).toBe('Hourly')
    expect(tableCells(root)[2]?.[5]).toBe('Launched')
  })

  it('keeps a formula holding backtick fences verbatim by using a longer fence', () => {
    const formula = "SELECT '```' AS fence, COUNT(*)\nFROM t"
    const md = boardToMarkdown({ boardName: 'B', versionLabel: null, kpis: [{ ...kpis[0]!, formula }], locale: 'en' })
    expect(kpiBlocks(parse(md)).get('KPI-U001: 月活跃用户数 (MAU)')?.sql).toBe(formula)
  })
})
