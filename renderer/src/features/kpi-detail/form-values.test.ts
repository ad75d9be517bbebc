import { describe, expect, it } from 'vitest'
import { kpiView } from '../kpis/test-kpis'
import { formPatch, isRebaseline, toFormValues } from './form-values'

const kpi = kpiView({
  code: 'KPI-U005',
  name: '首次响应时长',
  target: { text: 'P95 ≤ 500ms', parsed: { comparator: '<=', value: 500, unit: 'ms', percentile: 95 } },
  alertThresholds: {
    text: 'P95 > 800ms',
    redRatio: 0.8,
    yellowRatio: 0.9,
    redValue: 800,
    rules: [{ severity: 'P2', period: 'week', direction: 'rise', percent: 20 }]
  },
  benchmarks: [{ label: '行业均值', value: '700ms', source: 'APM 报告' }],
  milestones: [{ label: '第1个月', target: '≤ 800ms', value: 800 }],
  tags: ['性能'],
  stage: 'launched'
})

describe('formPatch', () => {
  it('is empty when the user saved the form untouched', () => {
    expect(formPatch(kpi, toFormValues(kpi))).toEqual({})
  })

  it('sends the target as typed text and only the changed fields', () => {
    const values = { ...toFormValues(kpi), target: 'P95 ≤ 400ms', owner: '王芳' }
    expect(formPatch(kpi, values)).toEqual({ target: 'P95 ≤ 400ms', owner: '王芳' })
  })

  it('turns threshold percentages back into ratios and keeps the change rules and red value', () => {
    const patch = formPatch(kpi, { ...toFormValues(kpi), redPct: 70 })
    expect(patch.alertThresholds).toEqual({ text: 'P95 > 800ms', redRatio: 0.7, yellowRatio: 0.9, redValue: 800, rules: kpi.alertThresholds!.rules })
  })

  it('drops blank benchmark and milestone rows and keeps a milestone value', () => {
    const values = toFormValues(kpi)
    values.benchmarks = [...values.benchmarks, { label: ' ', value: '' }]
    values.milestones = [
      { label: '第1个月', target: '≤ 800ms', value: 800, due: '' },
      { label: '第2个月', target: '≤ 600ms', due: '2026-03-01' }
    ]
    expect(formPatch(kpi, values)).toEqual({
      milestones: [
        { label: '第1个月', target: '≤ 800ms', value: 800 },
        { label: '第2个月', target: '≤ 600ms', due: '2026-03-01' }
      ]
    })
  })

  it('clears the target with null and de-duplicates tags', () => {
    expect(formPatch(kpi, { ...toFormValues(kpi), target: ' ', tags: ['性能', '性能 ', 'SLA'] })).toEqual({ target: null, tags: ['性能', 'SLA'] })
  })

  it('flags a target change after launch as a re-baseline', () => {
    expect(isRebaseline(kpi, { target: 'P95 ≤ 400ms' })).toBe(true)
    expect(isRebaseline(kpi, { owner: '王芳' })).toBe(false)
    expect(isRebaseline({ ...kpi, stage: 'trial' }, { target: 'x' })).toBe(false)
  })
})
