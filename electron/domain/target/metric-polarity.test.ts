import { describe, expect, it } from 'vitest'
import { metricPolarity } from './metric-polarity'
import { parseTarget } from './parse-target'

describe('which way is better for a metric', () => {
  it.each([
    ['System uptime', 'higher'],
    ['Task success rate', 'higher'],
    ['次日留存率', 'higher'],
    ['用户满意度 (CSAT)', 'higher'],
    ['错误恢复成功率', 'higher'],
    ['API P95 latency', 'lower'],
    ['Monthly churn', 'lower'],
    ['任务完成时间', 'lower'],
    ['单次任务成本', 'lower'],
    ['Time to first value', 'lower'],
    ['API error rate', 'lower'],
    ['Median days from upgrade intent to paid', 'lower'],
    ['Number of weekly paying subscribers', 'higher'],
    ['Sales hours spent on small upgrades', 'lower'],
    ['Self-served reschedules', 'higher'],
    ['互动率', 'higher'],
    ['拼团成交订单数', 'higher'],
    ['Webhook delivery lag', 'lower']
  ] as const)('%s → %s', (name, polarity) => {
    expect(metricPolarity({ name })).toBe(polarity)
  })

  it('falls back to the description, then to a time unit, and says nothing when nothing tells', () => {
    expect(metricPolarity({ name: 'KPI-T7', description: 'share of requests that fail' })).toBe('lower')
    expect(metricPolarity({ name: 'Ticket handling', unit: 'min' })).toBe('lower')
    expect(metricPolarity({ name: 'Weekly reports sent' })).toBeNull()
  })
})

describe('a bare level read for its metric', () => {
  it('is at least the level for a good thing and at most for a bad one, marked as inferred', () => {
    expect(parseTarget('90%', { name: 'Uptime' }).parsed).toEqual({ comparator: '>=', value: 90, unit: '%', comparatorInferred: true })
    expect(parseTarget('5%', { name: '月流失率' }).parsed).toEqual({ comparator: '<=', value: 5, unit: '%', comparatorInferred: true })
    expect(parseTarget('30 分钟', { name: 'MTTR' }).parsed).toMatchObject({ comparator: '<=', value: 30, unit: 'min', comparatorInferred: true })
  })

  it('reads a level to reach within a deadline as at least that level when the metric says nothing', () => {
    expect(parseTarget('25% within 12 months', { name: 'Share of orders through the API' }).parsed).toMatchObject({
      comparator: '>=',
      comparatorInferred: true
    })
    expect(parseTarget('30 min within 6 months', { name: 'MTTR' }).parsed).toMatchObject({ comparator: '<=', comparatorInferred: true })
  })

  it('reads zero of anything as at most zero, "none" included', () => {
    expect(parseTarget('0个高危漏洞', { name: 'Security findings' }).parsed).toMatchObject({ comparator: '<=', value: 0, comparatorInferred: true })
    expect(parseTarget('none', { name: 'Customer-visible data loss' }).parsed).toMatchObject({ comparator: '<=', value: 0, comparatorInferred: true })
  })

  it('reads a bare 100% as all of it (at least 100%) when the metric says nothing, and keeps a bad metric at most', () => {
    expect(parseTarget('100%', { name: 'Config pushes that go through canary' }).parsed).toEqual({
      comparator: '>=',
      value: 100,
      unit: '%',
      comparatorInferred: true
    })
    expect(parseTarget('100%', { name: '核心链路埋点覆盖率' }).parsed).toMatchObject({ comparator: '>=', comparatorInferred: true })
    expect(parseTarget('100%').parsed).toEqual({ comparator: '=', value: 100, unit: '%' })
  })

  it('keeps a written comparator, a change and a level whose metric says nothing', () => {
    expect(parseTarget('= 90%', { name: 'Uptime' }).parsed).toEqual({ comparator: '=', value: 90, unit: '%' })
    expect(parseTarget('≤ 95%', { name: 'Uptime' }).parsed).toEqual({ comparator: '<=', value: 95, unit: '%' })
    expect(parseTarget('每月增长20%', { name: 'Revenue' }).parsed).toMatchObject({ comparator: '>=', change: true })
    expect(parseTarget('40', { name: 'Weekly reports sent' }).parsed).toEqual({ comparator: '=', value: 40, unit: null })
    expect(parseTarget('90%').parsed).toEqual({ comparator: '=', value: 90, unit: '%' })
  })
})
