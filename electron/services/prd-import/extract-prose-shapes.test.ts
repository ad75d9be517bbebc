import { describe, expect, it } from 'vitest'
import { extractKpis } from './extract'

// Shapes met in PRDs written by people who never saw the extractor (the corpus's unseen batches).
const brief = (markdown: string, fileName?: string) =>
  extractKpis(markdown, { fileName }).candidates.map(({ fields, warnings }) => {
    const parsed = fields.target?.parsed
    const target = parsed
      ? `${parsed.comparator} ${parsed.value}${parsed.unit ?? ''}${parsed.percentile ? ` P${parsed.percentile}` : ''}${parsed.change ? ' change' : ''}`
      : null
    return [fields.name, target, ...warnings.filter((w) => w === 'no-target' || w === 'relative')]
  })

describe('goals written as prose', () => {
  it('names a metric by its bold words inside a sentence, and by the subject a pronoun stands for', () => {
    const markdown = [
      '## 我们想达成什么',
      '',
      '错拿一次，用户要跑两趟。**错拿率**（错拿件数 ÷ 当日交付件数）必须控制在 0.3% 以内。',
      '',
      '## What we want to change',
      '',
      'Median days to payment is 34 today, counted from the issue date; we want it at 21 days or fewer by the end of Q3.',
      '',
      'We will track the dispute rate (invoices a client queries, over invoices sent) and want it to stay below 2%.'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['错拿率', '<= 0.3%'],
      ['Median days to payment', '<= 21day'],
      ['dispute rate', '< 2%']
    ])
  })

  it('keeps an aside, a modal and a lead-in sentence out of the name', () => {
    const text = [
      'ONBOARDING PRD',
      '',
      'WHAT SUCCESS MEANS',
      '',
      'Upload-to-first-trip conversion, the share of applicants who finish document upload, should be at least 55 percent.',
      '',
      'The first support reply to an applicant question should arrive within 30 minutes.',
      '',
      'Finally, this should not create more work for our own team: support tickets should not grow by more than 10%.'
    ].join('\n')
    expect(brief(text, 'prd.txt')).toEqual([
      ['Upload-to-first-trip conversion', '>= 55%'],
      ['first support reply to an applicant question', '<= 30min'],
      ['support tickets', '<= 10% change', 'relative']
    ])
  })

  it('leaves conditions, prices, enumerated checkpoints and non-goal sections out', () => {
    const markdown = [
      '## Success metrics',
      '',
      '- Dispute rate: below 2%',
      '- Processing fee: 1.4% + $0.25 per card payment',
      '',
      'If adoption is below 30% at the review we will run more interviews.',
      '',
      'We will review these goals at 30, 60 and 90 days.',
      '',
      '## 不是目标的事情',
      '',
      '- 不改价格体系，配送费仍为 0 元'
    ].join('\n')
    expect(brief(markdown)).toEqual([['Dispute rate', '< 2%']])
  })
})

describe('comparators and directions in words', () => {
  it('reads floors, ceilings, capped changes and percentiles written after the value', () => {
    const markdown = [
      '## Guardrails',
      '',
      '- Average order value must not drop below $52.',
      "- Overdraft usage must not rise above today's 4.2%.",
      '- Card authorisation time: no regression beyond 150 ms at p99',
      '- Cold start time — under 3 s at p90',
      '- 敏感会话漏标数为 0'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Average order value', '>= 52$'],
      ['Overdraft usage', '<= 4.2%'],
      ['Card authorisation time', '<= 150ms P99'],
      ['Cold start time', '< 3s P90'],
      ['敏感会话漏标数', '<= 0']
    ])
  })
})

describe('metrics without a target, on purpose', () => {
  it('keeps watched metrics as KPIs that need a target, and leaves field lines out', () => {
    const markdown = [
      '# 支付网关 SLO 规范',
      '',
      '- 服务：pay-gateway',
      '- 变更记录见文末',
      '',
      '## Secondary metrics',
      '',
      '- Promo code usage per order: observe only.',
      '',
      'And one thing we will only watch: **share of customers who buy again within 60 days** (no target this time).'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Promo code usage per order', null, 'no-target'],
      ['share of customers who buy again within 60 days', null, 'no-target']
    ])
  })
})

describe('sections and tables as other teams write them', () => {
  it('takes the goal a metric heading states, one KPI per percentile', () => {
    const markdown = [
      '# 支付网关 SLO 规范',
      '',
      '## 3. SLI 与 SLO',
      '',
      '### 3.1 下单接口延迟',
      '',
      'SLI：`/v2/pay/create` 服务端耗时。',
      '',
      'SLO：P99 不超过 800 ms；P50 控制在 120 ms 以内。'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['下单接口延迟 P99', '<= 800ms P99'],
      ['下单接口延迟 P50', '<= 120ms P50']
    ])
  })

  it('takes the column with numbers when several read as targets, and 达标值 over 挑战值', () => {
    const html = [
      '## Goals and success metrics',
      '',
      '<table>',
      '<tr><th>Goal</th><th>Metric</th><th>Today</th><th>Success looks like</th></tr>',
      '<tr><td>Keep our promise</td><td>On-time arrival rate</td><td>81%</td><td>&ge; 92%</td></tr>',
      '</table>',
      '',
      '## 年度目标',
      '',
      '| 考核项 | 权重 | 达标值 | 挑战值 |',
      '| --- | --- | --- | --- |',
      '| 违规内容漏放率 | 30% | ≤ 0.05% | ≤ 0.03% |'
    ].join('\n')
    expect(brief(html)).toEqual([
      ['On-time arrival rate', '>= 92%'],
      ['违规内容漏放率', '<= 0.05%']
    ])
  })
})

describe('goals under themes and in sub-items', () => {
  it('names a goal after its theme, takes a sub-item target, and lists watched metrics that need targets', () => {
    const markdown = [
      '# 补货系统',
      '',
      '## 项目目标',
      '',
      '- 一、降低报损：鲜食报损率从 9.8% 降到 6% 以下。',
      '',
      '## Success criteria',
      '',
      '1. Partner-reported API incidents',
      '   - no more than 4 per month',
      '',
      '## 不作为考核的指标',
      '',
      '门店毛利率、客单价、会员消费占比——本项目只观察、不考核。'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['鲜食报损率', '<= 6%'],
      ['Partner-reported API incidents', '<= 4'],
      ['门店毛利率', null, 'no-target'],
      ['客单价', null, 'no-target'],
      ['会员消费占比', null, 'no-target']
    ])
  })
})

describe('a Word export whose sub-bullets do not nest', () => {
  it('takes the bullet list after a one-item list that names a metric as its sub-list', () => {
    const markdown = [
      '# API',
      '',
      '## Success criteria',
      '',
      '1. Webhook delivery',
      '  - delivered within 60 seconds',
      '  - no event lost',
      '1. Time to first call',
      '  - under 2 hours (median)'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Webhook delivery', '<= 60s'],
      ['Time to first call', '< 2h P50']
    ])
  })
})
