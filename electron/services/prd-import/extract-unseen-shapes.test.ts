import { describe, expect, it } from 'vitest'
import { extractKpis } from './extract'

// Shapes from the fifth unseen batch (IoT, payments risk, SRE, data platform, support, SaaS): each rule is general.
const brief = (markdown: string, fileName?: string) =>
  extractKpis(markdown, { fileName }).candidates.map(({ fields, warnings, currentValue }) => {
    const parsed = fields.target?.parsed
    const target = parsed
      ? `${parsed.comparator} ${parsed.value}${parsed.unit ?? ''}${parsed.change ? ' change' : ''}${parsed.comparatorInferred ? ' inferred' : ''}`
      : null
    return [fields.name, target, ...(currentValue ? [`from ${currentValue}`] : []), ...warnings.filter((w) => w === 'no-target' || w === 'relative')]
  })

describe('the known misses of unseen PRDs', () => {
  it('reads "none" as zero, halving and thirds in words as changes, and a bare 100% as all of it', () => {
    const markdown = [
      '## Reliability goals',
      '',
      '- Customer-visible data loss during incidents: none',
      '- Pages per on-call shift: reduce by a third',
      '- Setup-related support tickets: cut them in half',
      '- 拒付申诉量：减半',
      '- Config pushes that go through canary: 100%'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Customer-visible data loss during incidents', '<= 0 inferred'],
      ['Pages per on-call shift', '<= -33.33% change', 'relative'],
      ['Setup-related support tickets', '<= -50% change', 'relative'],
      ['拒付申诉量', '<= -50% change', 'relative'],
      ['Config pushes that go through canary', '>= 100% inferred']
    ])
  })

  it('keeps metrics named as 观察指标 outside a metrics section as KPIs that need a target', () => {
    const markdown = ['## 方案概述', '', '新规则引擎接入设备指纹。', '', '挑战流程的平均耗时、人工审核队列长度作为观察指标，本期不设目标。'].join('\n')
    expect(brief(markdown)).toEqual([
      ['挑战流程的平均耗时', null, 'no-target'],
      ['人工审核队列长度', null, 'no-target']
    ])
  })

  it('keeps a short bracket inside a bold name, and cuts a sentence naming several bold metrics before each', () => {
    const markdown = [
      '## 项目目标',
      '',
      '> **人工一次解决率（FCR）**提升 20%；',
      '> 在线渠道**平均排队时长**减半；',
      '> 热线 **20 秒接通率**达到 90%。',
      '',
      '满意度方面，**会话满意度（CSAT）**不低于 4.6 分，**差评率**不高于 2%。'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['人工一次解决率（FCR）', '>= 20% change', 'relative'],
      ['平均排队时长', '<= -50% change', 'relative'],
      ['20 秒接通率', '>= 90%'],
      ['会话满意度（CSAT）', '>= 4.6score'],
      ['差评率', '<= 2%']
    ])
  })
})

describe('tables written by other teams', () => {
  it('reads bilingual headers, a baseline column and an empty target as a KPI that needs one', () => {
    const markdown = [
      '## 指标总表',
      '',
      '| 指标 KPI | 口径 Definition | Baseline 基线 | Target 目标 |',
      '|---|---|---|---|',
      '| 毛续费率 GRR | 续约金额 / 到期金额 | 86% | ≥ 90% |',
      '| 高级功能采用率 | 开通 SSO 的客户占比 | 27% | |'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['毛续费率 GRR', '>= 90%', 'from 86%'],
      ['高级功能采用率', null, 'from 27%', 'no-target']
    ])
  })

  it('reads a header on two rows: groups over sub-columns, the live column of a target group, even under acceptance', () => {
    const markdown = [
      '## Q3 in one table',
      '',
      '| | Q3 actual | | Q4 commitment | |',
      '|---|---|---|---|---|',
      '| Metric 指标 | APAC | Global | APAC | Note |',
      '| CSAT 满意度 | 88% | 91% | 90% | survey |',
      '',
      '## 验收口径（Quality Gates）',
      '',
      '<table>',
      '<tr><th rowspan="2">指标 Metric</th><th colspan="2">当前 S2</th><th colspan="2">2.0 目标 Target</th></tr>',
      '<tr><th>实验室</th><th>现网</th><th>实验室</th><th>现网</th></tr>',
      '<tr><td>误识率 FAR</td><td>0.002%</td><td>0.003%</td><td>≤ 0.002%</td><td>≤ 0.001%</td></tr>',
      '</table>',
      '',
      '- 登录成功率 ≥ 99%',
      '- 单元测试覆盖率 ≥ 80%'
    ].join('\n')
    // Under an acceptance heading the table that sets targets against today's values is read; the criteria are not.
    expect(brief(markdown)).toEqual([
      ['CSAT 满意度', '>= 90% inferred', 'from 88%'],
      ['误识率 FAR', '<= 0.001%', 'from 0.003%']
    ])
  })
})

describe('goals in lines and sentences', () => {
  it('reads plain lines that mostly state metrics, naming each by the clause before its target', () => {
    const text = [
      '一、约定内容',
      '',
      '    核心报表每日 07:00 前产出，准时产出率不低于 99%。',
      '    单位存储成本同比下降 15%。',
      '    计算资源利用率提升至 55%，目前 38%。'
    ].join('\n')
    expect(brief(text, 'sla.txt')).toEqual([
      ['准时产出率', '>= 99%'],
      ['单位存储成本', '<= -15% change', 'relative'],
      ['计算资源利用率', '>= 55%', 'from 38%']
    ])
  })

  it('joins "Goal: …" to the sentence naming its metric, and takes "0 → 120" as from-to under a bare KR', () => {
    const markdown = [
      '## What good looks like',
      '',
      'Time to action on user reports ... median, from report to decision. Goal: 4 hours or less.',
      'Appeal overturn rate ... share of appealed removals we reverse. Healthy band is 5-10%.',
      '',
      '## Objective: Analysts trust the warehouse',
      '',
      '* **KR** — Tier-1 tables covered by a data contract: 0 → 120'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Time to action on user reports', '<= 4h'],
      ['Appeal overturn rate', 'between 5%'],
      ['Tier-1 tables covered by a data contract', '>= 120', 'from 0']
    ])
  })

  it('reads a worded bound after "from … to", "between … and" as a range, and no verb in the name', () => {
    const markdown = [
      '## Success criteria',
      '',
      '1. Payment-step conversion in BR rises from 71% to at least 80%',
      '2. Share of GMV paid with local methods lands between 25% and 35%'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Payment-step conversion in BR', '>= 80%', 'from 71%'],
      ['Share of GMV paid with local methods', 'between 25%']
    ])
  })

  it('leaves a fact told in a sentence and requirement clauses out', () => {
    const text = [
      '## 项目目标',
      '',
      '客服中心去年总接待量 1,860 万次，人工占 43%。',
      '',
      '4.1 性能',
      '4.1.1 接口响应时间不超过 3 秒。',
      '4.1.2 扫码反馈不超过 300 毫秒。'
    ].join('\n')
    expect(brief(text)).toEqual([])
  })
})
