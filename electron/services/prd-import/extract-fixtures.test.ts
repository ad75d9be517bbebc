import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractKpis } from './extract'
import type { ExtractResult } from '../../domain/prd-candidates'
import { describeReference, referenceFile } from '../testing/reference'

const fixture = (name: string): ExtractResult => extractKpis(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), { fileName: name })
const summary = (result: ExtractResult) =>
  result.candidates.map(({ fields, origin }) => ({ code: fields.code, name: fields.name, target: fields.target?.text ?? null, origin }))

describe('an English PRD with structured blocks', () => {
  const result = fixture('english-structured.md')
  const [activation, teams, latency, handling] = result.candidates

  it('finds the coded blocks and the numbered heading with KPI fields, nothing from the out-of-scope list', () => {
    expect(summary(result)).toEqual([
      { code: 'KPI-1', name: 'Activation rate', target: '≥ 40% within 30 days', origin: 'block' },
      { code: 'KPI-2', name: 'Weekly active teams', target: '120 teams', origin: 'block' },
      { code: 'KPI-001', name: 'Suggestion latency', target: 'P95 ≤ 800ms', origin: 'block' },
      { code: 'KPI-3', name: 'Ticket handling time', target: '≤ 12 min', origin: 'block' }
    ])
  })

  it('reads definition lists, SQL, milestones, frequency, owner and alert', () => {
    expect(activation!.fields).toMatchObject({
      category: 'Adoption',
      description: 'Share of invited agents who accept at least one suggested answer; Trial workspaces are excluded',
      sourceNote: 'analytics warehouse',
      frequency: 'weekly',
      owner: 'Growth PM',
      milestones: [
        { label: 'Month 1', target: '15%' },
        { label: 'Month 2', target: '25%' },
        { label: 'Month 3', target: '40%' }
      ]
    })
    expect(activation!.fields.formula).toMatch(/^SELECT COUNT\(DISTINCT agent_id\) FILTER/)
    expect(activation!.fields.formula).toMatch(/usage_date < :period_end;$/)
    expect(activation!.fields.alertThresholds?.text).toBe('< 30%')
    expect(activation!.warnings).toEqual([])
  })

  it('reads a block written as a labelled bullet list, with benchmarks', () => {
    expect(teams!.fields).toMatchObject({
      description: 'teams with at least three agents using suggestions in a week',
      sourceNote: 'product events',
      frequency: 'weekly',
      owner: 'Head of Product',
      benchmarks: [
        { label: 'Internal tools median', value: '60 teams' },
        { label: "Last year's pilot", value: '45 teams' }
      ]
    })
    expect(teams!.warnings).toEqual(['no-formula'])
    expect(teams!.fields.alertThresholds?.rules.map((rule) => [rule.severity, rule.period, rule.direction, rule.percent])).toEqual([
      ['P2', 'week', 'drop', 20],
      ['P1', 'day', 'drop', 40]
    ])
  })

  it('generates a code for the uncoded block and ignores the yaml load profile', () => {
    expect(latency!.warnings).toContain('generated-code')
    expect(latency!.fields).toMatchObject({ category: 'Quality', frequency: 'realtime', owner: 'Platform lead', sourceNote: 'API gateway logs' })
    expect(latency!.fields.formula).toBe('SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FROM suggestion_requests;')
  })

  it('does not take a yaml fence as a formula, and keeps an event cadence as a note', () => {
    expect(handling!.fields.formula).toBe('')
    expect(handling!.warnings).toEqual(expect.arrayContaining(['no-formula', 'no-frequency', 'no-source']))
    expect(handling!.fields.frequency).toBeNull()
    expect(handling!.fields.notes).toBe('Frequency: every deploy')
  })
})

describe('a Chinese PRD with numbered headings, plain labels, field tables and inline HTML', () => {
  const result = fixture('numbered-blocks.md')

  it('takes numbered headings with KPI fields as blocks, skips a section with only an owner and a vague goal', () => {
    expect(
      result.candidates.map(({ fields, origin, lines }) => [
        fields.code,
        fields.name,
        fields.target?.text,
        fields.frequency,
        fields.owner,
        fields.sourceNote,
        fields.category,
        origin,
        lines.start
      ])
    ).toEqual([
      ['KPI-001', '首屏加载时间', 'P90 ≤ 1.5s', 'hourly', '前端负责人', '前端 RUM', '性能指标', 'block', 9],
      ['KPI-002', '接口错误率', '< 0.1%', 'realtime', '后端组', '网关日志', '性能指标', 'block', 17],
      ['KPI-003', '日均订单量', '≥ 20,000 单', null, '', '', '运营指标', 'list', 33],
      ['KPI-004', '退货率', '≤ 3%', null, '', '', '运营指标', 'list', 34]
    ])
  })

  it('never lets HTML tags into KPI text', () => {
    expect(result.candidates[0]!.fields.description).toBe('从点击到首屏渲染完成的耗时')
    expect(JSON.stringify(result.candidates)).not.toMatch(/<\/?(b|em|strong)>/)
  })
})

describe('a Chinese PRD whose KPIs live in a tracking table', () => {
  const result = fixture('chinese-table.md')

  it('reads one KPI per row with current value, stage, status and owner; skips the info and pricing tables', () => {
    expect(
      result.candidates.map(({ fields, currentValue }) => [
        fields.code,
        fields.name,
        fields.sourceNote,
        fields.target?.text,
        currentValue,
        fields.stage,
        fields.status,
        fields.owner
      ])
    ).toEqual([
      ['KPI-101', '首次响应时长', '工单系统日志', '≤ 20 分钟', '26 分钟', 'trial', 'adjusting', '客服主管'],
      ['KPI-102', '机器人问题解决率', '对话日志', '≥ 65%', '58%', 'draft', 'adopted', '算法组'],
      ['KPI-103', '客户满意度', '满意度问卷', '≥ 4.5/5', '4.6/5', 'launched', 'stable', '服务质量组'],
      ['KPI-104', '转人工率', '对话日志', '提升自助比例', null, 'draft', 'proposed', '产品经理']
    ])
    expect(result.candidates.every((candidate) => candidate.origin === 'table')).toBe(true)
    expect(result.candidates[0]!.lines).toEqual({ start: 15, end: 15 })
  })

  it('keeps a vague goal as a draft KPI with warnings and low confidence', () => {
    const vague = result.candidates[3]!
    expect(vague.warnings).toEqual(expect.arrayContaining(['target-unparsed', 'vague']))
    expect(vague.confidence).toBeLessThan(result.candidates[0]!.confidence)
  })
})

describe('a loose bullet-list PRD with mixed units', () => {
  const result = fixture('loose-list.md')

  it('turns each metric bullet into a KPI with a generated code and leaves the launch checklist out', () => {
    expect(summary(result)).toEqual([
      { code: 'KPI-001', name: 'DAU (日活用户)', target: '5000+ (上线半年)', origin: 'list' },
      { code: 'KPI-002', name: '支付成功率', target: '≥ 99.5%', origin: 'list' },
      { code: 'KPI-003', name: '首屏加载', target: 'P90 < 1.2s', origin: 'list' },
      { code: 'KPI-004', name: '下单接口耗时', target: '≤ 300ms', origin: 'list' },
      { code: 'KPI-005', name: '客单价', target: '≥ ¥45', origin: 'list' },
      { code: 'KPI-006', name: '人均下单次数', target: '≥ 1.5 次/日', origin: 'list' },
      { code: 'KPI-007', name: '周活跃用户', target: '≥ 12,000 users', origin: 'list' },
      { code: 'KPI-008', name: '崩溃率', target: '< 0.5%', origin: 'list' },
      { code: 'KPI-009', name: '提升复购', target: null, origin: 'list' }
    ])
    expect(result.candidates.every((candidate) => candidate.warnings.includes('generated-code'))).toBe(true)
    expect(result.candidates.every((candidate) => candidate.fields.category === '成功指标')).toBe(true)
    expect(result.candidates[7]!.lines).toEqual({ start: 16, end: 16 })
  })

  it('parses each unit: users within a period, %, percentile seconds, ms, ¥, count per day', () => {
    expect(result.candidates.map(({ fields }) => [fields.target?.parsed?.comparator, fields.target?.parsed?.value, fields.unit, fields.direction])).toEqual([
      ['>=', 5000, '', 'higher'],
      ['>=', 99.5, '%', 'higher'],
      ['<', 1.2, 's', 'lower'],
      ['<=', 300, 'ms', 'lower'],
      ['>=', 45, '¥', 'higher'],
      ['>=', 1.5, 'count', 'higher'],
      ['>=', 12000, 'users', 'higher'],
      ['<', 0.5, '%', 'lower'],
      [undefined, undefined, '', 'higher']
    ])
    expect(result.candidates[0]!.fields.target?.parsed?.window).toEqual({ kind: 'within', amount: 6, unit: 'month' })
    expect(result.candidates[2]!.fields.target?.parsed?.percentile).toBe(90)
    expect(result.candidates[5]!.fields.target?.parsed?.window).toEqual({ kind: 'per', unit: 'day' })
  })

  it('keeps the vague metric as a draft with no-target and vague warnings', () => {
    expect(result.candidates[8]!.warnings).toEqual(expect.arrayContaining(['no-target', 'vague']))
    expect(result.candidates[8]!.fields.target).toBeNull()
  })

  it('uses the code prefix it is given', () => {
    const text = readFileSync(new URL('./fixtures/loose-list.md', import.meta.url), 'utf8')
    const codes = extractKpis(text, { codePrefix: 'PAY-' }).candidates.map((candidate) => candidate.fields.code)
    expect(codes.slice(0, 3)).toEqual(['PAY-001', 'PAY-002', 'PAY-003'])
    expect(new Set(codes).size).toBe(codes.length)
  })
})

describe('a document full of things that are not KPIs', () => {
  it('yields only the two metrics of its success-metrics table', () => {
    const result = fixture('mixed-noise.md')
    expect(summary(result)).toEqual([
      { code: 'KPI-001', name: 'Weekly active teams', target: '≥ 300', origin: 'table' },
      { code: 'KPI-002', name: 'Invite acceptance rate', target: '≥ 55%', origin: 'table' }
    ])
    expect(result.candidates.map((candidate) => candidate.fields.sourceNote)).toEqual(['product analytics', 'invitation service'])
  })

  it('says so when a document holds no KPI, and invents none', () => {
    const result = fixture('no-kpi.md')
    expect(result.candidates).toEqual([])
    expect(result.notes).toEqual(['No KPI found in no-kpi.md: no KPI block, KPI table, monitoring rule or metric statement with a target was recognised.'])
  })
})

describeReference("the user's board design document", () => {
  it('yields the three KPIs of its tracking board, nothing from the lifecycle table, prompts or benefits list', () => {
    const text = readFileSync(referenceFile('002_3cc898cd1ee947bf.txt'), 'utf8')
    const result = extractKpis(text)
    expect(
      result.candidates.map(({ fields, currentValue }) => [fields.code, fields.name, fields.target?.text, currentValue, fields.stage, fields.status])
    ).toEqual([
      ['KPI-001', '工单平均响应时间', '30 分钟内', '45 分钟', 'trial', 'adjusting'],
      ['KPI-002', 'AI 推荐准确率', '90%', '87%', 'draft', 'adopted'],
      ['KPI-003', 'SLA 达成率', '≥ 95%', '96%', 'launched', 'stable']
    ])
    expect(result.candidates[0]!.fields.target?.parsed).toMatchObject({ comparator: '<=', value: 30, unit: 'min' })
    expect(result.candidates[0]!.fields.notes).toBe('GPT‑5 最新建议: 降低目标至 40 分钟并加 SLA 警报')
  })
})

describe('an alert-rules document', () => {
  const result = fixture('alert-rules.md')
  const rulesOf = (name: string) =>
    result.candidates
      .find((candidate) => candidate.fields.name === name)
      ?.fields.alertThresholds?.rules.map((rule) => [rule.severity, rule.direction, rule.percent])

  it('attaches severity rules to the metric whose section they sit in, or that they name', () => {
    expect(result.candidates.map((candidate) => candidate.fields.name)).toEqual(['支付成功率', '订单转化率', '退款处理时长'])
    expect(rulesOf('支付成功率')).toEqual([
      ['P1', 'drop', 15],
      ['P2', 'drop', 5]
    ])
    expect(rulesOf('订单转化率')).toEqual([['P0', 'drop', 30]])
    expect(rulesOf('退款处理时长')).toEqual([['P2', 'rise', 20]])
    expect(result.candidates[0]!.fields.alertThresholds?.rules).toEqual([
      { severity: 'P1', period: 'period', direction: 'drop', percent: 15, text: 'P1：支付成功率环比下降 > 15%' },
      { severity: 'P2', period: 'week', direction: 'drop', percent: 5, text: 'P2：周环比下降 > 5%' }
    ])
    expect(result.candidates[0]!.fields.frequency).toBe('realtime')
  })

  it('reports a rule naming no KPI instead of guessing', () => {
    expect(result.notes).toEqual([expect.stringMatching(/line 25 .*客服工单量.*not attached/)])
  })
})

describe('tables that are broken or duplicated', () => {
  it('reads a ragged table row by row and says which rows were ragged', () => {
    const markdown = [
      '## KPI',
      '',
      '| 指标 | 目标值 | 当前值 | 负责人 |',
      '|---|---|---|---|',
      '| 注册转化率 | ≥ 12% |',
      '| 次日留存 | ≥ 40% | 35% | 增长组 | 多余 |',
      '| 客诉率 | ≤ 0.3% | 0.2% | 客服 |'
    ].join('\n')
    const result = extractKpis(markdown)
    expect(result.candidates.map(({ fields, currentValue }) => [fields.name, fields.target?.text, currentValue, fields.owner])).toEqual([
      ['注册转化率', '≥ 12%', null, ''],
      ['次日留存', '≥ 40%', '35%', '增长组'],
      ['客诉率', '≤ 0.3%', '0.2%', '客服']
    ])
    expect(result.notes).toEqual([expect.stringContaining('line 3 has rows whose cell count differs from its header (lines 5, 6)')])
  })

  it('merges an overview table with the detailed block of the same code, and renames a repeated code', () => {
    const markdown = [
      '## 指标总览',
      '| KPI 编号 | 指标 | 当前值 | 阶段 |',
      '|---|---|---|---|',
      '| KPI-7 | 支付成功率 | 99.1% | 试运行 |',
      '',
      '### KPI-7: 支付成功率',
      '**目标**: ≥ 99.5%',
      '**负责人**: 支付组',
      '',
      '### KPI-7: 退款成功率',
      '**目标**: ≥ 99%',
      '**数据源**: 退款系统'
    ].join('\n')
    const result = extractKpis(markdown)
    expect(result.candidates.map(({ fields, currentValue, origin }) => [fields.code, fields.name, fields.owner, fields.stage, currentValue, origin])).toEqual([
      ['KPI-7', '支付成功率', '支付组', 'trial', '99.1%', 'block'],
      ['KPI-001', '退款成功率', '', 'draft', null, 'block']
    ])
    expect(result.notes).toEqual(['The code KPI-7 at line 10 is used twice; the second KPI was given KPI-001.'])
  })
})

describe('a long PRD parsed in pieces', () => {
  it('keeps line numbers, fences with "#" lines and formulas exact across piece boundaries', () => {
    const block = (n: number) =>
      [
        `#### KPI-L${n}: 指标${n}`,
        `**目标**: ≥ ${n}%`,
        '**计算工具**:',
        '```bash',
        '# 这一行以井号开头，但在代码块里',
        `run-report --kpi ${n}`,
        '```',
        '**计算公式**:',
        '```sql',
        `SELECT ${n} AS value`,
        '```',
        `**负责人**: 团队${n}`,
        ''
      ].join('\n')
    const markdown = Array.from({ length: 400 }, (_, index) => block(index + 1)).join('\n')
    expect(markdown.length).toBeGreaterThan(60_000)
    const lines = markdown.split('\n')
    const { candidates } = extractKpis(markdown)
    expect(candidates).toHaveLength(400)
    for (const [index, candidate] of candidates.entries()) {
      const n = index + 1
      expect(lines[candidate.lines.start - 1]).toBe(`#### KPI-L${n}: 指标${n}`)
      expect(candidate.fields.formula).toBe(`SELECT ${n} AS value`)
      expect(candidate.fields.owner).toBe(`团队${n}`)
    }
  })
})

describe('cancelling and progress', () => {
  const long = Array.from({ length: 300 }, (_, index) => `## 模块 ${index}\n\n- 指标${index}: ≥ ${index}%\n\n${'说明文字。'.repeat(30)}\n`).join('\n')

  it('reports progress per parsed piece up to the total', () => {
    const progress: [number, number][] = []
    const { candidates } = extractKpis(long, { onProgress: (done, total) => progress.push([done, total]) })
    expect(candidates).toHaveLength(300)
    const total = progress[0]![1]
    expect(total).toBeGreaterThan(1)
    expect(progress).toEqual(Array.from({ length: total }, (_, index) => [index + 1, total]))
  })

  it('stops with CANCELLED when the signal is aborted', () => {
    const controller = new AbortController()
    const run = () =>
      extractKpis(long, {
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 1) controller.abort()
        }
      })
    expect(run).toThrow(expect.objectContaining({ code: 'CANCELLED' }))
  })
})

describe('an English KPI board table', () => {
  it('maps stage and status words and splits a code written before the name', () => {
    const markdown = [
      '## KPI board',
      '',
      '| KPI | Target | Current | Owner | Stage | Status |',
      '|-----|--------|---------|-------|-------|--------|',
      '| KPI-11 Checkout conversion | ≥ 3.5% | 3.1% | Growth | Trial | At risk |',
      '| KPI-12 Refund time | ≤ 48 h | 30 h | Support | Live | On track |',
      '| KPI-13 Search relevance | improve ranking | | Search | Draft | New |',
      '| KPI-14 Legacy export usage | ≥ 100 | 12 | Platform | Retired | Retired |'
    ].join('\n')
    const { candidates } = extractKpis(markdown)
    expect(candidates.map(({ fields, currentValue }) => [fields.code, fields.name, fields.owner, currentValue, fields.stage, fields.status])).toEqual([
      ['KPI-11', 'Checkout conversion', 'Growth', '3.1%', 'trial', 'at-risk'],
      ['KPI-12', 'Refund time', 'Support', '30 h', 'launched', 'stable'],
      ['KPI-13', 'Search relevance', 'Search', null, 'draft', 'proposed'],
      ['KPI-14', 'Legacy export usage', 'Platform', '12', 'retired', 'retired']
    ])
    expect(candidates[1]!.fields.direction).toBe('lower')
    expect(candidates[2]!.warnings).toEqual(expect.arrayContaining(['target-unparsed', 'vague']))
  })
})
