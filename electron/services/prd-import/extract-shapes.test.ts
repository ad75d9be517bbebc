import { describe, expect, it } from 'vitest'
import { extractKpis } from './extract'
import { buildDocx } from './fixtures/build-docx'
import { readPastedPrd, readPrd } from './read-prd'

const extract = (markdown: string, fileName?: string) => extractKpis(markdown, { fileName })
const brief = (markdown: string, fileName?: string) =>
  extract(markdown, fileName).candidates.map(({ fields }) => {
    const parsed = fields.target?.parsed
    return [fields.name, parsed ? `${parsed.comparator} ${parsed.value}${parsed.unit ?? ''}${parsed.change ? ' change' : ''}` : null]
  })

describe('broken Markdown', () => {
  it('ends a code fence that never closes at the next heading, so the KPIs after it are read', () => {
    const markdown = ['## 指标', '', '- 支付成功率：≥ 99.5%', '- SQL：', '```sql', 'SELECT 1', '', '## 体验指标', '', '- 首屏耗时：P90 ≤ 1.2 秒'].join('\n')
    expect(brief(markdown)).toEqual([
      ['支付成功率', '>= 99.5%'],
      ['首屏耗时', '<= 1.2s']
    ])
  })

  it('reads a fence marker as text when no heading follows it', () => {
    expect(brief(['## Goals', '', '```', '- Churn: below 2%', '- NPS: at least 40'].join('\n'))).toEqual([
      ['Churn', '< 2%'],
      ['NPS', '>= 40']
    ])
  })

  it('reads HTML tables, tab-separated lines, bold-line and 一、 headings, • bullets, CRLF and full-width colons', () => {
    const html = '## 指标\n\n<table><tr><th>指标</th><th>目标值</th></tr><tr><td>年卡退款率</td><td>&lt;= 2%</td></tr></table>\n'
    expect(brief(html)).toEqual([['年卡退款率', '<= 2%']])
    const tsv = '## KPIs\n\nKPI\tTarget\tOwner\nFirst-time fix rate\t>= 85%\tOps\nJob duration\t<= 75 min\tOps\n'
    expect(brief(tsv)).toEqual([
      ['First-time fix rate', '>= 85%'],
      ['Job duration', '<= 75min']
    ])
    const plain = readPastedPrd('一、背景\r\n\r\n排队严重。\r\n\r\n二、衡量指标\r\n\r\n• 首次响应时长：30 分钟内\r\n• 机器人解决率：达到 55%\r\n')
    expect(brief(plain, 'prd.txt')).toEqual([
      ['首次响应时长', '<= 30min'],
      ['机器人解决率', '>= 55%']
    ])
    const bold = '# 会员中心 PRD\n\n**2. 核心指标**\n\n**M-01 会员续费率**\n- 目标：≥ 65%\n- 负责人：会员产品组\n'
    expect(extract(bold).candidates[0]!.fields).toMatchObject({ code: 'M-01', name: '会员续费率', owner: '会员产品组', category: '核心指标' })
  })

  it('reads .docx lists, bold lines and tables through mammoth', async () => {
    const docx = buildDocx([
      { heading: 1, text: '仓配二期' },
      { heading: 2, text: '业务目标' },
      { bold: '（一）效率类指标' },
      { bullet: '拣货效率：人均每小时拣货 120 件以上' },
      { bullet: '统计范围：不含复核', level: 1 },
      {
        table: [
          ['指标', '统计口径', '负责人'],
          ['库容利用率', '已占用库位 / 可用库位', '仓储运营']
        ]
      }
    ])
    const { candidates } = extract(await readPrd(docx, 'wms.docx'), 'wms.docx')
    expect(candidates.map((c) => [c.fields.name, c.fields.category, c.fields.target?.parsed?.value ?? null, c.warnings.includes('no-target')])).toEqual([
      ['拣货效率', '效率类指标', 120, false],
      ['库容利用率', '效率类指标', null, true]
    ])
    expect(candidates[0]!.fields.description).toContain('不含复核')
  })
})

describe('targets in sentences', () => {
  it('reads the comparator in words after an ID and a dash, in both languages', () => {
    const markdown = [
      '## Goals',
      '',
      '- G1: Invite rate — at least 40% of new workspaces invite a teammate within 7 days.',
      '- G2: Time to first invite — the median must not exceed 30 minutes.',
      '- G3: Abuse reports — should be zero.',
      '- 转人工率——在解决率达标的前提下，转人工率控制在 25% 以内',
      '- 满意度：满意及以上占比不低于 85%'
    ].join('\n')
    expect(extract(markdown).candidates.map((c) => [c.fields.code, c.fields.name, c.fields.target?.text, c.fields.target?.parsed?.comparator])).toEqual([
      ['G1', 'Invite rate', 'at least 40%', '>='],
      ['G2', 'Time to first invite', 'must not exceed 30 minutes', '<='],
      ['G3', 'Abuse reports', 'zero', '<='],
      ['KPI-001', '转人工率', '控制在 25% 以内', '<='],
      ['KPI-002', '满意度', '不低于 85%', '>=']
    ])
    expect(extract(markdown).candidates[0]!.fields.description).toBe('of new workspaces invite a teammate within 7 days.')
  })

  it('infers ≥ or ≤ for a bare level from the metric, and marks it', () => {
    const [uptime, churn] = extract('## Metrics\n\n- Uptime: 99.9%\n- Monthly churn: 2%\n').candidates
    expect(uptime!.fields.target?.parsed).toMatchObject({ comparator: '>=', comparatorInferred: true })
    expect(churn!.fields.target?.parsed).toMatchObject({ comparator: '<=', comparatorInferred: true })
  })
})

describe('several numbers in one target', () => {
  it('makes one KPI per percentile, and keeps a condition in the definition', () => {
    const markdown = [
      '## Success metrics',
      '',
      '### PERF-1 Page load time',
      'Target: p50 < 1 s, p95 < 3 s',
      'Owner: Web platform',
      '',
      '### PERF-2 Cache hit rate',
      'Target: from the 2nd visit on ≥ 70%',
      'Owner: Edge team'
    ].join('\n')
    const { candidates } = extract(markdown)
    expect(candidates.map((c) => [c.fields.code, c.fields.name, c.fields.target?.parsed?.percentile ?? null, c.fields.target?.parsed?.value])).toEqual([
      ['PERF-1-P50', 'Page load time P50', 50, 1],
      ['PERF-1-P95', 'Page load time P95', 95, 3],
      ['PERF-2', 'Cache hit rate', null, 70]
    ])
    expect(candidates[2]!.fields.description).toContain('from the 2nd visit on')
  })
})

describe('tables without targets, monitoring specs, OKRs', () => {
  it('keeps a metric dictionary without a target column as KPIs that need targets, and a baseline as the current value', () => {
    const markdown = ['## 指标口径', '', '| 指标 | 口径 | 基线 | 负责人 |', '|---|---|---|---|', '| 客单价 | GMV / 下单用户数 | ¥61 | 交易组 |'].join('\n')
    const [row] = extract(markdown).candidates
    expect(row).toMatchObject({ currentValue: '¥61', fields: { name: '客单价', target: null, owner: '交易组' } })
    expect(row!.warnings).toContain('no-target')
  })

  it('reads a monitoring spec: the metric with its alert rules, a derived target flagged, window sizes ignored', () => {
    const markdown = [
      '## Metrics',
      '',
      '### order_api_error_rate',
      '',
      '5xx responses / all responses over the last 5 minutes, at least 200 requests per window.',
      '',
      '- P1 (critical): error rate > 2% for 10 minutes',
      '- P3 (warning): error rate > 0.5% for 30 minutes'
    ].join('\n')
    const [kpi] = extract(markdown).candidates
    expect(kpi).toMatchObject({
      origin: 'monitoring',
      fields: { name: 'order_api_error_rate', target: { text: '≤ 0.5%', parsed: { comparator: '<=', value: 0.5 } } }
    })
    expect(kpi!.warnings).toContain('target-derived')
    expect(kpi!.fields.alertThresholds).toMatchObject({ redValue: 2 })
    expect(kpi!.fields.alertThresholds?.text).toContain('P1 (critical)')
  })

  it('takes each measurable key result under its objective, and leaves the others out', () => {
    const okr = 'O1：让中小企业愿意把团队文件搬上来\nKR1：新注册企业 7 日留存从 35% 提升到 45%\nKR2：完成与两家 OA 系统的对接\nKR3：付费转化率提升 20%\n'
    const { candidates } = extract(okr, 'okr.txt')
    expect(candidates.map((c) => [c.fields.name, c.fields.category, c.currentValue, c.warnings.includes('relative')])).toEqual([
      ['新注册企业 7 日留存', '让中小企业愿意把团队文件搬上来', '35%', false],
      ['付费转化率', '让中小企业愿意把团队文件搬上来', null, true]
    ])
  })
})

describe('horizons and relative targets', () => {
  it('turns bracketed horizons into milestones, the last one being the target', () => {
    const [users, dau] = extract('## 上线目标\n\n1. 注册用户：1000+（第一年），5000+（第二年）\n2. 日活用户：上线 3 个月内达到 2000\n').candidates
    expect(users!.fields.milestones).toEqual([
      { label: '第一年', target: '1000+', value: 1000 },
      { label: '第二年', target: '5000+', value: 5000 }
    ])
    expect(users!.fields.target?.parsed).toMatchObject({ comparator: '>=', value: 5000 })
    expect(dau!.fields.milestones).toEqual([{ label: '上线3个月内', target: '达到 2000', value: 2000 }])
  })

  it('stores +50%, 提升 20%, 降低三分之一 and double as changes that need a baseline, never as levels', () => {
    expect(brief('## Goals\n\n- Signups: +50%\n- 付费转化率：提升 20%\n- 上传失败率：降低三分之一\n- Paying teams: double\n')).toEqual([
      ['Signups', '>= 50% change'],
      ['付费转化率', '>= 20% change'],
      ['上传失败率', '<= -33.33% change'],
      ['Paying teams', '>= 100% change']
    ])
    expect(extract('## Goals\n\n- Signups: +50%\n').candidates[0]!.warnings).toContain('relative')
  })
})

describe('what is not a KPI', () => {
  it('leaves out requirement IDs, acceptance criteria, test cases, pricing, dates and versions', () => {
    const markdown = [
      '## 目标',
      '- 开票成功率 ≥ 99.5%',
      '## 需求列表',
      '### REQ-012 批量开票',
      '- 验收标准：200 笔订单 10 秒内生成预览',
      '## 测试用例',
      '| 用例编号 | 场景 | 预期结果 |',
      '|---|---|---|',
      '| TC-01 | 单笔开票 | 5 秒内返回 |',
      '## 收费标准',
      '- 专业版：199 元/月',
      '## 上线计划',
      '- 2025-09-10：提测，版本号 V2.0.3'
    ].join('\n')
    const result = extract(markdown)
    expect(result.candidates.map((c) => c.fields.name)).toEqual(['开票成功率'])
    expect(result.skipped.map((s) => [s.heading, s.reason])).toEqual([
      ['REQ-012 批量开票', 'requirements'],
      ['测试用例', 'tests'],
      ['收费标准', 'pricing'],
      ['上线计划', 'schedule']
    ])
  })

  it('merges a KPI restated in a summary into its first mention', () => {
    const markdown =
      '## TL;DR\n\nWe expect no-show rate ≤ 12% by Q4.\n\n## Success metrics\n\n| Metric | Target | Owner |\n|---|---|---|\n| No-show rate | ≤ 12% | Clinic ops |\n'
    const { candidates } = extract(markdown)
    expect(candidates.map((c) => [c.fields.name, c.fields.owner, c.origin])).toEqual([['No-show rate', 'Clinic ops', 'table']])
  })

  it('never lets a list item’s target swallow the next line', () => {
    expect(brief('## 成功指标\n- 准时送达率 ≥ 97%\n超时赔付率 ≤ 1.5%\n- 路线偏航率\n  目标：低于 4%\n')).toEqual([
      ['准时送达率', '>= 97%'],
      ['超时赔付率', '<= 1.5%'],
      ['路线偏航率', '< 4%']
    ])
  })
})
