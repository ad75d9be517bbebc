import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { extractKpis } from './extract'
import { describeReference, readReference } from '../testing/reference'

// The user's real PRD chapter, read in place (never copied into fixtures).
const text = readReference('000_2d830c7e33d9cdc7.txt', (file) => readFileSync(file, 'utf8'))
const lines = text.split('\n')
const result = extractKpis(text, { fileName: '000_2d830c7e33d9cdc7.txt' })
const byCode = new Map(result.candidates.map((candidate) => [candidate.fields.code, candidate]))
const kpi = (code: string) => {
  const candidate = byCode.get(code)
  if (!candidate) throw new Error(`${code} was not extracted`)
  return candidate
}

// Expected SQL per KPI, found independently: the lines between "```sql" and "```" inside the KPI's heading range.
function sqlOf(code: string): string {
  const start = lines.findIndex((line) => line.startsWith(`#### ${code}:`))
  const next = lines.findIndex((line, index) => index > start && /^#{1,4} /.test(line))
  const open = lines.findIndex((line, index) => index > start && index < next && line === '```sql')
  if (open < 0) return ''
  const close = lines.findIndex((line, index) => index > open && line === '```')
  return lines.slice(open + 1, close).join('\n')
}

const EXPECTED: [code: string, name: string, category: string, frequency: string | null, owner: string, alert: string][] = [
  ['KPI-U001', '月活跃用户数 (MAU)', '用户采用与留存', 'daily', '产品经理', '< 目标值的80%'],
  ['KPI-U002', '新用户注册率', '用户采用与留存', 'weekly', '市场经理', '增长率 < 15%'],
  ['KPI-U003', '用户次日留存率', '用户采用与留存', 'daily', '产品经理', '< 50%'],
  ['KPI-U004', '7日留存率', '用户采用与留存', 'weekly', '产品经理', '< 30%'],
  ['KPI-U005', '30日留存率', '用户采用与留存', 'monthly', '产品经理', '< 20%'],
  ['KPI-U006', '用户平均使用频次', '用户参与度', 'weekly', '产品经理', '< 2.0 sessions/user'],
  ['KPI-U007', '会话平均时长', '用户参与度', 'daily', '产品经理', '< 15分钟'],
  ['KPI-U008', '功能使用覆盖率', '用户参与度', 'weekly', '产品经理', '< 50%'],
  ['KPI-U009', 'Agent创建数量', '用户参与度', 'monthly', '产品经理', '< 1.5 agents/user'],
  ['KPI-U010', '用户满意度评分 (CSAT)', '用户满意度', 'weekly', '产品经理', '< 4.0'],
  ['KPI-U011', '净推荐值 (NPS)', '用户满意度', 'monthly', '产品经理', '< 30'],
  ['KPI-U012', '工单解决时间', '用户满意度', 'daily', '客服经理', '> 12小时'],
  ['KPI-U013', '用户流失预警率', '用户满意度', 'daily', '产品经理', '高风险用户 > 3%'],
  ['KPI-B001', '系统可用性', '产品性能指标', 'realtime', 'DevOps工程师', '< 99.95%'],
  ['KPI-B002', 'API响应时间', '产品性能指标', 'realtime', '后端工程师', 'P95 > 800ms'],
  ['KPI-B003', '任务成功率', '产品性能指标', 'realtime', '后端工程师', '< 90%'],
  ['KPI-B004', '并发用户容量', '产品性能指标', 'weekly', 'DevOps工程师', '实际负载 > 容量的80%'],
  ['KPI-B005', '任务处理吞吐量', '产品性能指标', 'hourly', '后端工程师', '< 目标值的80%'],
  ['KPI-B006', '服务器资源利用率', '运营效率指标', 'realtime', 'DevOps工程师', 'CPU > 90% 或 < 50%'],
  ['KPI-B007', '容器资源效率', '运营效率指标', 'hourly', 'DevOps工程师', '效率 < 60%'],
  ['KPI-B008', '单用户运营成本', '运营效率指标', 'monthly', '财务经理', '> $75/用户'],
  ['KPI-B009', '基础设施ROI', '运营效率指标', 'quarterly', 'CFO', 'ROI < 100%'],
  ['KPI-B010', '第三方工具数量', '生态发展指标', 'monthly', '生态经理', '月增长 < 3个工具'],
  ['KPI-B011', 'API调用量', '生态发展指标', 'daily', 'API产品经理', '月增长 < 20%'],
  ['KPI-B012', '社区贡献内容', '生态发展指标', 'monthly', '社区经理', '月新增内容 < 10个'],
  ['KPI-T001', '单元测试覆盖率', '代码质量', null, '技术负责人', '< 75%'],
  ['KPI-T002', '集成测试覆盖率', '代码质量', null, 'QA工程师', '< 50%'],
  ['KPI-T003', '代码质量评分', '代码质量', null, '技术负责人', '评级降至C级'],
  ['KPI-T004', '技术债务占比', '代码质量', 'weekly', '技术负责人', '> 8%'],
  ['KPI-T005', '安全漏洞数量', '安全与合规', 'daily', '安全工程师', '发现Critical/High漏洞'],
  ['KPI-T006', '安全事件响应时间', '安全与合规', 'realtime', '安全工程师', '响应时间 > 2小时'],
  ['KPI-T007', '数据隐私合规性', '安全与合规', 'quarterly', '合规官', '发现任何合规风险'],
  ['KPI-T008', '部署成功率', '运维质量', null, 'DevOps工程师', '成功率 < 95%'],
  ['KPI-T009', '平均故障恢复时间 (MTTR)', '运维质量', null, 'DevOps工程师', 'MTTR > 45分钟']
]

describeReference('extractKpis on the real PRD chapter', () => {
  it('finds exactly the 34 KPIs, in document order, as structured blocks', () => {
    expect(result.candidates.map((candidate) => candidate.fields.code)).toEqual(EXPECTED.map(([code]) => code))
    expect(result.candidates.every((candidate) => candidate.origin === 'block')).toBe(true)
    expect(result.notes).toEqual([])
  })

  it.each(EXPECTED)('%s %s: name, category, frequency, owner, alert text', (code, name, category, frequency, owner, alert) => {
    const { fields } = kpi(code)
    expect(fields.name).toBe(name)
    expect(fields.category).toBe(category)
    expect(fields.frequency).toBe(frequency)
    expect(fields.owner).toBe(owner)
    expect(fields.alertThresholds?.text).toBe(alert)
    expect(fields.stage).toBe('draft')
    expect(fields.status).toBe('proposed')
  })

  it.each(EXPECTED.map(([code]) => code))('%s: the SQL formula is byte-equal to its fenced block, or empty with a warning', (code) => {
    const candidate = kpi(code)
    const sql = sqlOf(code)
    expect(candidate.fields.formula).toBe(sql)
    expect(candidate.warnings.includes('no-formula')).toBe(sql === '')
  })

  it.each([
    ['KPI-U001', { comparator: '>=', value: 1000, unit: 'users', window: { kind: 'within', amount: 6, unit: 'month' } }],
    ['KPI-U002', { comparator: '>=', value: 20, unit: '%', window: { kind: 'per', unit: 'month' }, change: true }],
    ['KPI-U003', { comparator: '>=', value: 60, unit: '%' }],
    ['KPI-U007', { comparator: '>=', value: 25, unit: 'min' }],
    ['KPI-U010', { comparator: '>=', value: 4.2, unit: 'score', scale: 5 }],
    ['KPI-U011', { comparator: '>=', value: 40, unit: null }],
    ['KPI-U012', { comparator: '<=', value: 8, unit: 'h' }],
    ['KPI-B002', { comparator: '<=', value: 500, unit: 'ms', percentile: 95 }],
    ['KPI-B005', { comparator: '>=', value: 10000, unit: 'tasks', window: { kind: 'per', unit: 'hour' } }],
    ['KPI-B006', { comparator: '±', value: 75, tolerance: 10, unit: '%' }],
    ['KPI-B008', { comparator: '<=', value: 50, unit: '$', window: { kind: 'per', unit: 'month' } }],
    ['KPI-B011', { comparator: '>=', value: 1000000, unit: 'count', window: { kind: 'per', unit: 'month' } }],
    // zero of a bad thing is read as "at most", marked as inferred from the metric's name
    ['KPI-T005', { comparator: '<=', value: 0, unit: 'count', comparatorInferred: true }],
    // "100%" alone is all of it: at least 100%, marked as inferred (it was read as "= 100%")
    ['KPI-T007', { comparator: '>=', value: 100, unit: '%', comparatorInferred: true }],
    ['KPI-T009', { comparator: '<=', value: 30, unit: 'min' }]
  ])('%s: the target is parsed into comparator, value and unit', (code, parsed) => {
    expect(kpi(code).fields.target?.parsed).toEqual(parsed)
    expect(kpi(code).fields.unit).toBe(parsed.unit ?? '')
  })

  it('derives direction from the target and flags what cannot be parsed', () => {
    expect(kpi('KPI-U003').fields.direction).toBe('higher')
    expect(kpi('KPI-B002').fields.direction).toBe('lower')
    expect(kpi('KPI-B006').fields.direction).toBe('range')
    expect(kpi('KPI-T005').fields.direction).toBe('lower')
    expect(kpi('KPI-T003').fields.target).toMatchObject({ text: '≥ B级 (SonarQube)', parsed: null })
    expect(kpi('KPI-T003').warnings).toContain('target-unparsed')
    expect(result.candidates.filter((candidate) => !candidate.fields.target?.parsed).map((candidate) => candidate.fields.code)).toEqual(['KPI-T003'])
  })

  it('reads absolute alert boundaries relative to the target', () => {
    expect(kpi('KPI-U003').fields.alertThresholds).toMatchObject({ text: '< 50%', redValue: 50 })
    expect(kpi('KPI-B002').fields.alertThresholds).toMatchObject({ text: 'P95 > 800ms', redValue: 800 })
    expect(kpi('KPI-U001').fields.alertThresholds).toMatchObject({ text: '< 目标值的80%', redRatio: 0.8, yellowRatio: 0.9, rules: [] })
  })

  it('leaves the formula empty where the KPI has no SQL block (yaml and bash snippets are not formulas)', () => {
    for (const code of ['KPI-U005', 'KPI-T002', 'KPI-T004', 'KPI-T005', 'KPI-T007', 'KPI-B004', 'KPI-T001', 'KPI-T003']) {
      expect(kpi(code).fields.formula).toBe('')
      expect(kpi(code).warnings).toContain('no-formula')
    }
    expect(kpi('KPI-T009').fields.formula).toMatch(/^SELECT\n {2}DATE_TRUNC\('month', resolved_at\) as month,/)
    expect(kpi('KPI-B011').fields.formula).toContain('FROM api_usage_logs')
  })

  it('remembers where each KPI came from: the heading line to the end of its block', () => {
    for (const candidate of result.candidates) {
      expect(lines[candidate.lines.start - 1]).toBe(lines.find((line) => line.startsWith(`#### ${candidate.fields.code}:`)))
      expect(candidate.lines.end).toBeGreaterThan(candidate.lines.start)
    }
    expect(kpi('KPI-U001').lines).toEqual({ start: 41, end: 69 })
  })

  it('keeps the definition list, the data source and the target text as written', () => {
    expect(kpi('KPI-U001').fields.description).toBe('每月登录并执行至少一次任务的独立用户数; 排除测试账户和内部用户; 按自然月统计')
    expect(kpi('KPI-U001').fields.sourceNote).toBe('用户认证系统')
    expect(kpi('KPI-U003').fields.sourceNote).toBe('用户行为日志')
    expect(kpi('KPI-U004').warnings).toContain('no-source')
    expect(kpi('KPI-U001').fields.target?.text).toBe('6个月内达到1,000 MAU')
    expect(kpi('KPI-B006').fields.target?.text).toBe('75% ± 10%')
  })

  it('reads time-phased breakdowns as milestones and keeps other breakdowns as notes', () => {
    expect(kpi('KPI-U001').fields.milestones).toEqual([
      { label: 'Month 1', target: '50 MAU', value: 50 },
      { label: 'Month 2', target: '150 MAU', value: 150 },
      { label: 'Month 3', target: '300 MAU', value: 300 },
      { label: 'Month 4', target: '500 MAU', value: 500 },
      { label: 'Month 5', target: '750 MAU', value: 750 },
      { label: 'Month 6', target: '1,000 MAU', value: 1000 }
    ])
    expect(kpi('KPI-U002').fields.milestones.map((milestone) => milestone.label)).toEqual(['Month 1', 'Month 2', 'Month 3', 'Month 4'])
    expect(kpi('KPI-U006').fields.milestones[3]).toMatchObject({ label: 'Week 13+', target: '3.0+ sessions/user' })
    expect(kpi('KPI-U009').fields.milestones).toHaveLength(4)
    expect(kpi('KPI-B008').fields.milestones.map((milestone) => milestone.target)).toEqual([
      '$200/用户 (MVP阶段)',
      '$100/用户 (Growth阶段)',
      '$50/用户 (Scale阶段)'
    ])
    expect(kpi('KPI-T009').fields.milestones).toEqual([])
    expect(kpi('KPI-T009').fields.notes).toContain('目标分解: P0故障: MTTR < 15分钟; P1故障: MTTR < 30分钟')
    expect(kpi('KPI-U003').fields.milestones).toEqual([])
  })

  it('reads benchmark lists as label/value pairs', () => {
    expect(kpi('KPI-U003').fields.benchmarks).toEqual([
      { label: 'SaaS行业平均', value: '35-40%' },
      { label: '开发工具类', value: '45-50%' },
      { label: '目标设定', value: '60% (行业领先水平)' }
    ])
    expect(kpi('KPI-U005').fields.benchmarks).toEqual([
      { label: '免费SaaS产品', value: '10-20%' },
      { label: '付费SaaS产品', value: '30-40%' },
      { label: '开发者工具', value: '20-30%' }
    ])
    expect(kpi('KPI-U011').fields.benchmarks).toEqual([
      { label: 'SaaS行业平均', value: '30-40' },
      { label: '开发工具类', value: '40-50' },
      { label: '目标设定', value: '40+ (良好水平)' }
    ])
    expect(kpi('KPI-B002').fields.benchmarks).toEqual([])
  })

  it('keeps event-driven cadences as notes with no frequency', () => {
    expect(kpi('KPI-T001').fields.notes).toContain('Frequency: 每次CI/CD运行')
    expect(kpi('KPI-T001').warnings).toContain('no-frequency')
    expect(kpi('KPI-T008').fields.notes).toContain('Frequency: 每次部署')
  })

  it('ranks complete blocks above incomplete ones', () => {
    expect(kpi('KPI-U001').confidence).toBeGreaterThan(kpi('KPI-T003').confidence)
    expect(kpi('KPI-U001').warnings).toEqual([])
  })
})
