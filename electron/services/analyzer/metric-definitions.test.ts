import { describe, expect, it } from 'vitest'
import { benchmarkOf, metricDefinition } from './metric-definitions'

const id = (...texts: string[]) => metricDefinition(...texts)?.label.en ?? null

describe('the library of standard metric definitions', () => {
  it('recognises common metrics by their Chinese and English names', () => {
    expect(id('日活跃用户数')).toBe('daily active users (DAU)')
    expect(id('Daily Active Users')).toBe('daily active users (DAU)')
    expect(id('月活')).toBe('monthly active users (MAU)')
    expect(id('用户流失率')).toBe('churn rate')
    expect(id('Trial-to-paid conversion')).toBe('conversion rate')
    expect(id('净推荐值')).toBe('Net Promoter Score (NPS)')
    expect(id('客户满意度')).toBe('customer satisfaction (CSAT)')
    expect(id('平均恢复时间')).toBe('mean time to restore (MTTR)')
    expect(id('服务可用性')).toBe('availability')
    expect(id('Onboarding checklist done')).toBeNull()
    // A support team's response time is not request latency.
    expect(id('工单首次响应时间')).toBeNull()
    expect(id('Ticket first response time')).toBeNull()
    expect(id('API response time')).toBe('P95 latency')
  })

  it('prefers the compound or more specific name', () => {
    expect(id('DAU/MAU')).toBe('stickiness (DAU/MAU)')
    expect(id('支付错误率')).toBe('error rate')
    expect(id('支付成功率')).toBe('success rate')
    expect(id('API error rate')).toBe('error rate')
  })

  it('makes the definition concrete: the retention day and the latency percentile named in the KPI', () => {
    expect(metricDefinition('次日留存率')!.formula.zh).toContain('第 1 天仍活跃')
    expect(metricDefinition('D30 retention')!.label.en).toBe('day-30 retention')
    const unnamed = metricDefinition('用户留存')!
    expect(unnamed.formula.zh).toContain('第 7 天仍活跃')
    expect(unnamed.assumed!.zh).toBe('PRD 未写明第几日，按常用的第 7 日')
    expect(metricDefinition('7-day retention')!.assumed).toBeUndefined()
    expect(metricDefinition('API P99 latency')!.formula.en).toMatch(/^99th percentile/)
    expect(metricDefinition('接口响应时间')!.label.zh).toBe('响应延迟（P95）')
  })

  it('gives a benchmark only with its public source', () => {
    expect(benchmarkOf(metricDefinition('MTTR')!, false)).toEqual({
      label: 'time to restore service, DORA elite performers',
      value: '< 1 h',
      source: 'DORA, Accelerate State of DevOps Report (Google Cloud)'
    })
    expect(benchmarkOf(metricDefinition('页面加载 LCP')!, true)).toMatchObject({ value: '≤ 2.5 s', source: 'Google, web.dev Core Web Vitals' })
    for (const name of ['DAU', 'NPS', 'CSAT', 'churn', 'retention', 'conversion', 'p95 latency']) expect(benchmarkOf(metricDefinition(name)!, false)).toBeNull()
  })
})
