import { describe, expect, it } from 'vitest'
import type { Target } from '../domain/kpi'
import { draftProposal } from './draft-rules'
import { suggestFrequency, vagueWords } from './draft-hints'
import { kpi, patchOf, RETENTION_D1, target, valid } from './test-fixtures'

describe('draft quantifiability lint', () => {
  it('has nothing to say about a complete PRD KPI', () => {
    expect(draftProposal(kpi(1, RETENTION_D1))).toBeNull()
  })

  it('groups every finding on a vague Chinese goal into one proposal, with Chinese notes', () => {
    const proposal = draftProposal(kpi(2, { code: 'KPI-U020', name: '显著提升用户留存', target: target('大幅提升', null) }))!
    valid([proposal])
    expect(proposal.kind).toBe('patch')
    expect(proposal.rule!.split(',')).toEqual([
      'draft.no-benchmark', 'draft.no-formula', 'draft.no-frequency', 'draft.no-owner', 'draft.no-source',
      'draft.no-thresholds', 'draft.no-unit', 'draft.target-vague', 'draft.vague-wording'
    ])
    const notes = patchOf(proposal, 'notes')!.value as string
    expect(notes).toContain('负责人')
    expect(notes).toContain('名称：显著、提升')
    expect(notes).toContain('目标：大幅、提升')
    expect(notes).toContain('数据来源')
    expect(patchOf(proposal, 'frequency')).toMatchObject({ value: 'weekly' })
    expect(patchOf(proposal, 'frequency')!.rationale).toMatch(/retention/)
    expect(patchOf(proposal, 'target')).toBeUndefined()
  })

  it('suggests a structured target from a number the parser could not place, and says it is a suggestion', () => {
    const proposal = draftProposal(kpi(3, {
      code: 'KPI-001', name: '工单平均响应时间', description: '从创建到首次响应', dataSource: '工单系统日志', owner: '客服经理',
      target: target('响应控制在 30 分钟内', null)
    }))!
    const suggested = patchOf(proposal, 'target')!
    expect(suggested.value).toEqual({ text: '响应控制在 30 分钟内', parsed: { comparator: '<=', value: 30, unit: 'min' } })
    expect(suggested.rationale).toMatch(/^Suggestion to confirm/)
    expect(patchOf(proposal, 'unit')).toMatchObject({ value: 'min' })
    expect(patchOf(proposal, 'frequency')).toMatchObject({ value: 'hourly' })
    const thresholds = patchOf(proposal, 'alertThresholds')!.value as { text: string; redRatio: number }
    expect(thresholds.redRatio).toBe(0.8)
    expect(thresholds.text).toContain('125%')
  })

  it('says which of several numbers it used', () => {
    const proposal = draftProposal(kpi(4, { code: 'KPI-B020', name: 'Paying teams', target: target('from 40 to at least 120 teams in Q3', null) }))!
    const suggested = patchOf(proposal, 'target')!
    expect((suggested.value as Target).parsed).toEqual({ comparator: '>=', value: 120, unit: null })
    expect(suggested.rationale).toContain('40, 120')
  })

  it('flags English vague wording and takes the unit from the parsed target', () => {
    const proposal = draftProposal(kpi(5, {
      code: 'KPI-C001', name: 'Improve checkout conversion', description: 'Significantly better conversion of carts into orders',
      formula: 'SELECT orders * 100.0 / carts FROM funnel', dataSource: 'warehouse', owner: 'Growth PM', frequency: 'weekly',
      target: target('≥ 3.5%', { comparator: '>=', value: 3.5, unit: '%' }),
      benchmarks: [{ label: 'E-commerce average', value: '2.5–3%' }], alertThresholds: {}
    }))!
    valid([proposal])
    expect(proposal.rule).toBe('draft.no-unit,draft.vague-wording')
    expect(patchOf(proposal, 'unit')).toMatchObject({ value: '%' })
    const notes = patchOf(proposal, 'notes')!
    expect(notes.value).toBe('Analyzer: vague wording (name: improve; description: significantly, better) — say what is measured and how much.')
    expect(notes.rationale).toContain('state a wish')
  })

  it('does not repeat an ask already written in the notes', () => {
    const first = draftProposal(kpi(6, { ...RETENTION_D1, owner: '' }))!
    const notes = patchOf(first, 'notes')!.value as string
    expect(notes).toBe('分析器：缺少负责人。')
    expect(draftProposal(kpi(6, { ...RETENTION_D1, owner: '', notes }))).toBeNull()
  })

  it('keeps existing notes and appends below them', () => {
    const proposal = draftProposal(kpi(7, { ...RETENTION_D1, benchmarks: [], notes: '来自 PRD v4.0' }))!
    expect(patchOf(proposal, 'notes')!.value).toBe('来自 PRD v4.0\n分析器：缺少行业基准，请补充参考值及其来源。')
  })
})

describe('draft hints', () => {
  it('finds vague words in both languages, in order', () => {
    expect(vagueWords('尽量优化响应体验')).toEqual(['尽量', '优化'])
    expect(vagueWords('Enhance search and optimise ranking as much as possible')).toEqual(['enhance', 'optimise', 'as much as possible'])
    expect(vagueWords('Better-than-average NPS')).toEqual(['better'])
    expect(vagueWords('SLA 达成率 ≥ 95%')).toEqual([])
  })

  it('suggests a frequency from the kind of KPI', () => {
    const base = { code: 'K', target: null }
    expect(suggestFrequency(kpi(1, { ...base, name: 'API P95 latency' }).fields).frequency).toBe('hourly')
    expect(suggestFrequency(kpi(1, { ...base, name: '7日留存率' }).fields).frequency).toBe('weekly')
    expect(suggestFrequency(kpi(1, { ...base, name: 'Monthly recurring revenue (MRR)' }).fields).frequency).toBe('monthly')
    expect(suggestFrequency(kpi(1, { ...base, name: '月活跃用户数 (MAU)' }).fields).frequency).toBe('monthly')
    expect(suggestFrequency(kpi(1, { ...base, name: '日活' }).fields).frequency).toBe('daily')
    const fallback = suggestFrequency(kpi(1, { ...base, name: 'Agent 创建数量' }).fields)
    expect(fallback.frequency).toBe('weekly')
    expect(fallback.why).toMatch(/convention/)
  })
})
