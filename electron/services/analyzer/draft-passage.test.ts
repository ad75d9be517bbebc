import { describe, expect, it } from 'vitest'
import { parseTarget } from '../../domain/target/parse-target'
import { draftProposal } from './draft-rules'
import { kpi, patchOf, target, valid } from './test-fixtures'

const PASSAGE = [
  '## 二、目标与衡量指标',
  '…',
  '- 工单首次响应时长：工作日内客服首次响应不超过 30 分钟',
  '  - 负责人：客服运营组',
  '  - 数据来源：工单系统日志',
  '  - 统计周期：每日'
].join('\n')

describe('the draft review reads the PRD passage a KPI came from', () => {
  it('proposes the fields the passage states, quoting the line that states each', () => {
    const proposal = draftProposal({ ...kpi(1, { code: 'KPI-001', name: '工单首次响应时长' }), passage: PASSAGE })!
    valid([proposal])
    expect(patchOf(proposal, 'target')).toMatchObject({
      value: { text: '不超过 30 分钟', parsed: { comparator: '<=', value: 30, unit: 'min' } },
      rationale: 'PRD 原文：“- 工单首次响应时长：工作日内客服首次响应不超过 30 分钟”，按 ≤ 30 min 理解，请确认。'
    })
    expect(patchOf(proposal, 'owner')).toMatchObject({ value: '客服运营组', rationale: 'PRD 原文写明：“- 负责人：客服运营组”。' })
    expect(patchOf(proposal, 'sourceNote')).toMatchObject({ value: '工单系统日志' })
    expect(patchOf(proposal, 'frequency')).toMatchObject({ value: 'daily', rationale: 'PRD 原文写明：“- 统计周期：每日”。' })
    expect(proposal.rule!.split(',')).toEqual(
      expect.arrayContaining(['draft.target-from-prd', 'draft.owner-from-prd', 'draft.source-from-prd', 'draft.frequency-from-prd'])
    )
    // What the passage does not say is still asked for, not invented.
    expect(patchOf(proposal, 'notes')!.value).toContain('行业基准')
  })

  it('keeps what the KPI already has and guesses as before without a passage', () => {
    const fields = { code: 'KPI-002', name: 'Checkout conversion', owner: 'Growth PM', target: parseTarget('≥ 3.5%') }
    const withPassage = draftProposal({
      ...kpi(2, fields),
      passage: '- Checkout conversion: at least 4%\n  - Owner: Payments PM\n  - Source: events warehouse'
    })!
    expect(patchOf(withPassage, 'owner')).toBeUndefined()
    expect(patchOf(withPassage, 'target')).toBeUndefined()
    expect(patchOf(withPassage, 'sourceNote')).toMatchObject({ value: 'events warehouse', rationale: 'The PRD says so: "- Source: events warehouse".' })

    const without = draftProposal(kpi(3, { code: 'KPI-003', name: '工单首次响应时长', target: target('', null) }))!
    expect(patchOf(without, 'owner')).toBeUndefined()
    expect(patchOf(without, 'notes')!.value).toContain('缺少负责人')
    expect(patchOf(without, 'frequency')!.rationale).toMatch(/^建议每日统计/)
  })

  it('takes a SQL fence of the passage as the formula, verbatim', () => {
    const sql = 'SELECT COUNT(*) FROM orders\nWHERE paid_at >= :period_start AND paid_at < :period_end'
    const proposal = draftProposal({
      ...kpi(4, { code: 'KPI-004', name: '支付订单数', target: parseTarget('≥ 1000') }),
      passage: `#### KPI-004 支付订单数\n\`\`\`sql\n${sql}\n\`\`\``
    })!
    expect(patchOf(proposal, 'formula')).toMatchObject({ value: sql })
  })
})
