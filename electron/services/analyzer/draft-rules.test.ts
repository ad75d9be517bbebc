import { describe, expect, it } from 'vitest'
import type { Target } from '../../domain/kpi'
import { draftProposal } from './draft-rules'
import { suggestFrequency, vagueWords } from './draft-hints'
import { kpi, patchOf, RETENTION_D1, target, valid } from './test-fixtures'

describe('draft quantifiability lint', () => {
  it('has nothing to say about a complete PRD KPI', () => {
    expect(draftProposal(kpi(1, RETENTION_D1))).toBeNull()
  })

  it('groups every finding on a vague Chinese goal into one proposal, with Chinese notes, rationales and summary', () => {
    const proposal = draftProposal(kpi(2, { code: 'KPI-U020', name: '显著提升用户留存', target: target('大幅提升', null) }))!
    valid([proposal])
    expect(proposal.kind).toBe('patch')
    expect(proposal.rule!.split(',')).toEqual([
      'draft.definition',
      'draft.no-benchmark',
      'draft.no-frequency',
      'draft.no-owner',
      'draft.no-source',
      'draft.no-thresholds',
      'draft.target-vague',
      'draft.vague-wording'
    ])
    // 留存 is a common metric: its standard definition fills the formula and the unit.
    expect(patchOf(proposal, 'unit')).toMatchObject({ value: '%' })
    expect(patchOf(proposal, 'formula')!.value).toBe('第 0 天首次活跃的用户（同期群）中，第 7 天仍活跃的用户数 ÷ 同期群用户数 × 100%')
    const notes = patchOf(proposal, 'notes')!.value as string
    expect(notes).toContain('负责人')
    expect(notes).toContain('名称：显著、提升')
    expect(notes).toContain('目标：大幅、提升')
    expect(notes).toContain('数据来源')
    expect(patchOf(proposal, 'frequency')).toMatchObject({ value: 'weekly' })
    expect(patchOf(proposal, 'frequency')!.rationale).toBe('建议每周统计：留存、活跃度和转化需要一周的同期群数据才稳定。')
    expect(patchOf(proposal, 'alertThresholds')!.rationale).toBe('产品默认阈值（红：低于目标的80%；黄：低于90%）；PRD 另有规定时请调整。')
    const asks = patchOf(proposal, 'notes')!.rationale
    expect(asks).toContain('目标中没有数值，无从衡量。可行性评审需要知道数据从哪里来。')
    expect(asks).toContain('名称（显著、提升）、目标（大幅、提升）中的模糊词只表达了愿望，不是可度量的结果。')
    expect(proposal.rationale).toBe(
      '可量化检查（KPI-U020 显著提升用户留存）：按标准定义补全、缺少统计频率、缺少预警阈值、目标未量化、缺少数据来源、缺少负责人、措辞模糊、缺少行业基准。'
    )
    expect(patchOf(proposal, 'target')).toBeUndefined()
  })

  it('suggests a structured target from a number the parser could not place, and says it is a suggestion', () => {
    const proposal = draftProposal(
      kpi(3, {
        code: 'KPI-001',
        name: '工单平均响应时间',
        description: '从创建到首次响应',
        dataSource: '工单系统日志',
        owner: '客服经理',
        target: target('响应控制在 30 分钟内', null)
      })
    )!
    const suggested = patchOf(proposal, 'target')!
    expect(suggested.value).toEqual({ text: '响应控制在 30 分钟内', parsed: { comparator: '<=', value: 30, unit: 'min' } })
    expect(suggested.rationale).toBe('待确认的建议：解析器无法定位“响应控制在 30 分钟内”中的数值，按 ≤ 30 min 理解（比较符取自原文措辞）。')
    expect(patchOf(proposal, 'unit')).toEqual({ field: 'unit', value: 'min', rationale: '取自建议的目标（≤ 30 min）。' })
    expect(patchOf(proposal, 'frequency')).toMatchObject({ value: 'hourly' })
    const thresholds = patchOf(proposal, 'alertThresholds')!.value as { text: string; redRatio: number }
    expect(thresholds.redRatio).toBe(0.8)
    expect(thresholds.text).toContain('125%')
  })

  it('says which of several numbers it used', () => {
    const proposal = draftProposal(kpi(4, { code: 'KPI-B020', name: 'Paying teams', target: target('from 40 to at least 120 teams in Q3', null) }))!
    const suggested = patchOf(proposal, 'target')!
    expect((suggested.value as Target).parsed).toEqual({ comparator: '>=', value: 120, unit: null })
    expect(suggested.rationale).toBe(
      'Suggestion to confirm: the parser could not place the number in "from 40 to at least 120 teams in Q3"; read as ≥ 120 (the comparator comes from the wording).' +
        ' It holds several numbers (40, 120); the suggestion uses the last.'
    )
    expect(proposal.rationale).toMatch(/^Quantifiability lint for KPI-B020 Paying teams: target not structured, no frequency, /)
    expect(patchOf(proposal, 'frequency')!.rationale).toBe(
      'Suggested weekly: nothing in the wording or unit points elsewhere; a weekly review is the common convention.'
    )
    const chinese = draftProposal(kpi(4, { code: 'KPI-B020', name: '付费团队数', target: target('三季度从 40 增长到至少 120', null) }))!
    expect(patchOf(chinese, 'target')!.rationale).toBe(
      '待确认的建议：解析器无法定位“三季度从 40 增长到至少 120”中的数值，按 ≥ 120 理解（比较符取自原文措辞）。其中有多个数值（40、120），建议取最后一个。'
    )
  })

  it('flags English vague wording and takes the unit from the parsed target', () => {
    const proposal = draftProposal(
      kpi(5, {
        code: 'KPI-C001',
        name: 'Improve checkout conversion',
        description: 'Significantly better conversion of carts into orders',
        formula: 'SELECT orders * 100.0 / carts FROM funnel',
        dataSource: 'warehouse',
        owner: 'Growth PM',
        frequency: 'weekly',
        target: target('≥ 3.5%', { comparator: '>=', value: 3.5, unit: '%' }),
        benchmarks: [{ label: 'E-commerce average', value: '2.5–3%' }],
        alertThresholds: {}
      })
    )!
    valid([proposal])
    expect(proposal.rule).toBe('draft.no-unit,draft.vague-wording')
    expect(patchOf(proposal, 'unit')).toEqual({ field: 'unit', value: '%', rationale: 'Taken from the parsed target (≥ 3.5%).' })
    expect(proposal.rationale).toBe('Quantifiability lint for KPI-C001 Improve checkout conversion: no unit, vague wording.')
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
    expect(suggestFrequency(kpi(1, { ...base, name: 'API P95 latency' }).fields, false).frequency).toBe('hourly')
    expect(suggestFrequency(kpi(1, { ...base, name: '7日留存率' }).fields, true).frequency).toBe('weekly')
    expect(suggestFrequency(kpi(1, { ...base, name: 'Monthly recurring revenue (MRR)' }).fields, false).frequency).toBe('monthly')
    expect(suggestFrequency(kpi(1, { ...base, name: '月活跃用户数 (MAU)' }).fields, true).frequency).toBe('monthly')
    expect(suggestFrequency(kpi(1, { ...base, name: '日活' }).fields, true).frequency).toBe('daily')
    const agents = kpi(1, { ...base, name: 'Agent 创建数量' }).fields
    expect(suggestFrequency(agents, false)).toEqual({ frequency: 'weekly', why: expect.stringMatching(/convention/) })
    expect(suggestFrequency(agents, true).why).toBe('措辞和单位都没有指向其他频率，按周复盘是通行做法')
  })
})
