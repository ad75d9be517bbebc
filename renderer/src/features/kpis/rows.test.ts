import { describe, expect, it } from 'vitest'
import { sortKpis, type SortContext } from './board-sort'
import { buildRows, distinctValues, emptyQuery, filterKpis, toggleSort, type GridRow } from './rows'
import { kpiView } from './test-kpis'

const board = [
  kpiView({
    code: 'KPI-U010',
    name: '工单平均响应时间',
    owner: '张伟',
    category: '用户价值',
    stage: 'trial',
    dataSource: '工单系统日志',
    target: { text: '≤ 30分钟', parsed: { comparator: '<=', value: 30, unit: 'min' } }
  }),
  kpiView({
    code: 'KPI-U002',
    name: 'AI 推荐准确率',
    owner: '李娜',
    category: '技术',
    stage: 'draft',
    target: { text: '90%', parsed: { comparator: '>=', value: 90, unit: '%' } }
  }),
  kpiView({ code: 'KPI-B001', name: 'SLA achievement', owner: '张伟', category: '业务', stage: 'launched', tags: ['sla'] }),
  kpiView({ code: 'KPI-U001', name: 'Weekly active users', owner: '', category: '用户价值', stage: 'trial' })
]
const zh: SortContext = { locale: 'zh-CN', statuses: {} }
const codes = (rows: GridRow[]) => rows.map((r) => (r.kind === 'kpi' ? r.kpi.code : `[${r.key}:${r.count}${r.collapsed ? '-' : ''}]`))

describe('filterKpis', () => {
  it('matches text in Chinese or English across code, name, owner, source and tags, ignoring case', () => {
    expect(filterKpis(board, { ...emptyQuery, text: '工单' }).map((k) => k.code)).toEqual(['KPI-U010'])
    expect(filterKpis(board, { ...emptyQuery, text: 'weekly' }).map((k) => k.code)).toEqual(['KPI-U001'])
    expect(filterKpis(board, { ...emptyQuery, text: 'SLA' }).map((k) => k.code)).toEqual(['KPI-B001'])
    expect(filterKpis(board, { ...emptyQuery, text: '张伟' })).toHaveLength(2)
  })

  it('combines stage, owner and category filters', () => {
    expect(filterKpis(board, { ...emptyQuery, stages: ['trial'], categories: ['用户价值'] }).map((k) => k.code)).toEqual(['KPI-U010', 'KPI-U001'])
    expect(filterKpis(board, { ...emptyQuery, stages: ['trial'], owners: ['张伟'] }).map((k) => k.code)).toEqual(['KPI-U010'])
  })
})

describe('sortKpis', () => {
  it('orders codes naturally by default (U002 before U010)', () => {
    expect(sortKpis(board, null, zh).map((k) => k.code)).toEqual(['KPI-B001', 'KPI-U001', 'KPI-U002', 'KPI-U010'])
  })

  it('sorts stages in lifecycle order, not alphabetically', () => {
    expect(sortKpis(board, { field: 'stage', dir: 'asc' }, zh).map((k) => k.stage)).toEqual(['draft', 'trial', 'trial', 'launched'])
    expect(sortKpis(board, { field: 'stage', dir: 'desc' }, zh).map((k) => k.stage)).toEqual(['launched', 'trial', 'trial', 'draft'])
  })

  it('keeps KPIs without an owner at the bottom when sorting by owner ascending', () => {
    expect(sortKpis(board, { field: 'owner', dir: 'asc' }, zh).at(-1)?.code).toBe('KPI-U001')
  })

  it('cycles a header click through ascending, descending and off', () => {
    const asc = toggleSort(null, 'owner')
    expect(asc).toEqual({ field: 'owner', dir: 'asc' })
    const desc = toggleSort(asc, 'owner')
    expect(desc).toEqual({ field: 'owner', dir: 'desc' })
    expect(toggleSort(desc, 'owner')).toBeNull()
    expect(toggleSort(desc, 'code')).toEqual({ field: 'code', dir: 'asc' })
  })
})

describe('buildRows', () => {
  it('groups by stage in lifecycle order with counts', () => {
    expect(codes(buildRows(board, { ...emptyQuery, groupBy: 'stage' }, zh))).toEqual([
      '[draft:1]',
      'KPI-U002',
      '[trial:2]',
      'KPI-U001',
      'KPI-U010',
      '[launched:1]',
      'KPI-B001'
    ])
  })

  it('orders owner groups by pinyin and hides the KPIs of a collapsed group but keeps its header and count', () => {
    expect(codes(buildRows(board, { ...emptyQuery, groupBy: 'owner', collapsed: ['张伟'] }, zh))).toEqual([
      '[李娜:1]',
      'KPI-U002',
      '[张伟:2-]',
      '[:1]',
      'KPI-U001'
    ])
  })

  it('lists distinct owners and categories for the filter menus', () => {
    expect(distinctValues(board, 'owner', 'zh-CN')).toEqual(['李娜', '张伟'])
    expect(distinctValues(board, 'category', 'zh-CN')).toHaveLength(3)
  })

  it('builds 10,000 rows grouped by stage', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => kpiView({ code: `KPI-${i}`, name: `指标 ${i}`, stage: i % 2 ? 'trial' : 'draft' }))
    const rows = buildRows(big, { ...emptyQuery, groupBy: 'stage', text: '指标' }, zh)
    expect(rows).toHaveLength(10_002)
  })
})
