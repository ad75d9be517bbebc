import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '../i18n'
import { formatFieldValue } from './field-value'

const i18n = i18next.createInstance()
void i18n.init({ resources, lng: 'zh-CN', initAsync: false, interpolation: { escapeValue: false } })
const t = (key: string, vars?: Record<string, unknown>) => i18n.t(key, vars ?? {})

describe('formatFieldValue', () => {
  it('shows the target as the text the user typed', () => {
    expect(formatFieldValue('target', { text: '≥ 60%', parsed: { comparator: '>=', value: 60, unit: '%' } }, t)).toBe('≥ 60%')
  })

  it('translates enumerated fields', () => {
    expect(formatFieldValue('stage', 'trial', t)).toBe('试运行')
    expect(formatFieldValue('frequency', 'weekly', t)).toBe('每周')
    expect(formatFieldValue('status', 'at-risk', t)).toBe('有风险')
    expect(formatFieldValue('targetPeriod', 'month', t)).toBe('月')
    expect(formatFieldValue('aggregation', 'sum', t)).toBe('求和（计数、金额）')
    expect(formatFieldValue('aggregation', null, t)).toBeNull()
  })

  it('treats empty strings, null and empty lists as empty', () => {
    expect(formatFieldValue('owner', '', t)).toBeNull()
    expect(formatFieldValue('frequency', null, t)).toBeNull()
    expect(formatFieldValue('tags', [], t)).toBeNull()
  })

  it('summarises lists and thresholds on one line', () => {
    expect(
      formatFieldValue(
        'benchmarks',
        [
          { label: 'Zendesk 2024', value: '4 h', source: 'CX report' },
          { label: '行业均值', value: '6 h' }
        ],
        t
      )
    ).toBe('Zendesk 2024: 4 h (CX report); 行业均值: 6 h')
    expect(
      formatFieldValue(
        'milestones',
        [
          { label: '第1个月', target: '50 MAU' },
          { label: '第2个月', target: '150 MAU', due: '2026-03-01' }
        ],
        t
      )
    ).toBe('第1个月: 50 MAU; 第2个月: 150 MAU @2026-03-01')
    expect(formatFieldValue('alertThresholds', { redRatio: 0.8, yellowRatio: 0.9, text: '< 目标值的80%', rules: [] }, t)).toBe(
      '达成率低于 80% 为红色 · 低于 90% 为黄色 · < 目标值的80%'
    )
  })
})
