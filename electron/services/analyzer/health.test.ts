import { describe, expect, it } from 'vitest'
import { kpiHealth } from './health'
import { kpi, RETENTION_D1, target } from './test-fixtures'

const retention = kpi(1, { ...RETENTION_D1, alertThresholds: null }).fields
const resolution = kpi(2, {
  code: 'KPI-U012',
  name: '工单解决时间',
  target: target('≤ 8小时', { comparator: '<=', value: 8, unit: 'h' }),
  direction: 'lower'
}).fields

describe('kpiHealth — higher is better', () => {
  it('goes yellow below 90% and red below 80% of target by default', () => {
    expect(kpiHealth(retention, 61)).toMatchObject({ level: 'green' })
    expect(kpiHealth(retention, 55).level).toBe('green')
    expect(kpiHealth(retention, 53).level).toBe('yellow')
    expect(kpiHealth(retention, 47).level).toBe('red')
    expect(kpiHealth(retention, 53).attainment).toBeCloseTo(53 / 60, 6)
    expect(kpiHealth(retention, 48.5).level).toBe('yellow')
  })

  it('uses the absolute red value of the PRD ("预警阈值 < 50%") instead of 80%', () => {
    const fields = kpi(1, RETENTION_D1).fields
    expect(kpiHealth(fields, 49).level).toBe('red')
    expect(kpiHealth(fields, 52).level).toBe('yellow')
    expect(kpiHealth(fields, 60).level).toBe('green')
  })

  it('honours custom ratios', () => {
    const fields = kpi(1, { ...RETENTION_D1, alertThresholds: { redRatio: 0.7, yellowRatio: 0.95 } }).fields
    expect(kpiHealth(fields, 45).level).toBe('yellow')
    expect(kpiHealth(fields, 41).level).toBe('red')
    expect(kpiHealth(fields, 56).level).toBe('yellow')
  })

  it('explains the verdict with the numbers, in the KPI’s language', () => {
    expect(kpiHealth(retention, 47).reason).toBe('47% 对比 ≥ 60%（达成率 78.3%）：低于红线。')
    expect(kpiHealth(retention, 61).reason).toBe('61% 对比 ≥ 60%（达成率 101.7%）：正常。')
    const english = kpi(1, { ...RETENTION_D1, name: 'Next-day retention', description: 'Share of day-1 users active on day 2', alertThresholds: null }).fields
    expect(kpiHealth(english, 47).reason).toBe('47% against ≥ 60% (attainment 78.3%): below the red threshold.')
    expect(kpiHealth(english, 53).reason).toBe('53% against ≥ 60% (attainment 88.3%): below the yellow threshold.')
    expect(kpiHealth(english, null).reason).toBe('No value for this period yet.')
    expect(kpiHealth(retention, null).reason).toBe('本周期还没有数值。')
  })
})

describe('kpiHealth — lower is better mirrors the ratios', () => {
  it('turns yellow above ~111% and red above 125% of target', () => {
    expect(kpiHealth(resolution, 8)).toMatchObject({ level: 'green', attainment: 1 })
    expect(kpiHealth(resolution, 8.8).level).toBe('green')
    expect(kpiHealth(resolution, 9.5).level).toBe('yellow')
    expect(kpiHealth(resolution, 10).level).toBe('yellow')
    expect(kpiHealth(resolution, 10.5).level).toBe('red')
    expect(kpiHealth(resolution, 10.5).attainment).toBeCloseTo(8 / 10.5, 6)
  })

  it('uses an absolute red value ("> 12小时")', () => {
    const fields = kpi(2, { ...resolution, alertThresholds: { redValue: 12 } }).fields
    expect(kpiHealth(fields, 11).level).toBe('yellow')
    expect(kpiHealth(fields, 12.5).level).toBe('red')
  })

  it('treats a P95 latency like any value and a zero reading as the best possible', () => {
    const latency = kpi(3, {
      code: 'KPI-T001',
      name: 'API P95 latency',
      target: target('P95 ≤ 500ms', { comparator: '<=', value: 500, unit: 'ms', percentile: 95 }),
      direction: 'lower'
    }).fields
    expect(kpiHealth(latency, 480).level).toBe('green')
    expect(kpiHealth(latency, 700).level).toBe('red')
    expect(kpiHealth(latency, 0)).toMatchObject({ level: 'green', attainment: null })
  })

  it('makes any value above a zero target red (0个高危漏洞)', () => {
    const vulns = kpi(4, {
      code: 'KPI-T009',
      name: '高危安全漏洞数',
      target: target('0个高危漏洞', { comparator: '<=', value: 0, unit: 'count' }),
      direction: 'lower'
    }).fields
    expect(kpiHealth(vulns, 0)).toMatchObject({ level: 'green', attainment: 1, reason: '0 达到零目标。' })
    expect(kpiHealth(vulns, 1)).toMatchObject({ level: 'red', attainment: 0, reason: '1 对比零目标（0个高危漏洞）：任何大于 0 的值都是红色。' })
  })
})

describe('kpiHealth — ranges', () => {
  const session = kpi(5, {
    code: 'KPI-U007',
    name: '会话平均时长',
    target: target('60–80%', { comparator: 'between', value: 60, upper: 80, unit: '%' }),
    direction: 'range'
  }).fields
  const tolerance = kpi(6, {
    code: 'KPI-B010',
    name: 'GPU utilisation',
    target: target('75% ± 10%', { comparator: '±', value: 75, tolerance: 10, unit: '%' }),
    direction: 'range'
  }).fields

  it('is yellow just outside and red beyond 20% of the width', () => {
    expect(kpiHealth(session, 70)).toMatchObject({ level: 'green', attainment: 1 })
    expect(kpiHealth(session, 58).level).toBe('yellow')
    expect(kpiHealth(session, 55).level).toBe('red')
    expect(kpiHealth(session, 85).level).toBe('red')
    expect(kpiHealth(session, 58).attainment).toBeCloseTo(0.9, 6)
    expect(kpiHealth(session, 55).reason).toBe('55% 超出目标区间 60–80（超出幅度已过红线）。')
  })

  it('handles ± tolerance the same way', () => {
    expect(kpiHealth(tolerance, 84).level).toBe('green')
    expect(kpiHealth(tolerance, 87).level).toBe('yellow')
    expect(kpiHealth(tolerance, 90).level).toBe('red')
    expect(kpiHealth(tolerance, 62).level).toBe('yellow')
    expect(kpiHealth(tolerance, 60).level).toBe('red')
    expect(kpiHealth(tolerance, 62).reason).toBe('62% is outside the target range 65–85 (within the red margin).')
  })
})

describe('kpiHealth — change-rate targets and missing data', () => {
  const growth = kpi(7, {
    code: 'KPI-U002',
    name: '新用户注册率',
    target: target('每月新增用户数增长20%', { comparator: '>=', value: 20, unit: '%', change: true })
  }).fields

  it('compares the growth over the previous period', () => {
    expect(kpiHealth(growth, 130, 100)).toMatchObject({ level: 'green', attainment: 1.5 })
    expect(kpiHealth(growth, 117, 100).level).toBe('yellow')
    expect(kpiHealth(growth, 105, 100).level).toBe('red')
  })

  it('says so when the previous value is missing', () => {
    expect(kpiHealth(growth, 130)).toMatchObject({ level: 'none', attainment: null })
    expect(kpiHealth(growth, 130).reason).toBe('变化率目标需要上一周期的数值。')
    expect(kpiHealth({ ...growth, name: 'Sign-up growth' }, 130).reason).toMatch(/previous/)
    expect(kpiHealth(growth, 130, 100).reason).toBe('变化 30% 对比 每月新增用户数增长20%（达成率 150%）：正常。')
  })

  it('has no level without a value or a structured target', () => {
    expect(kpiHealth(retention, null).level).toBe('none')
    const vague = kpi(8, { code: 'KPI-X', name: '显著提升体验', target: target('显著提升', null) }).fields
    expect(kpiHealth(vague, 10)).toMatchObject({ level: 'none', attainment: null })
  })
})
