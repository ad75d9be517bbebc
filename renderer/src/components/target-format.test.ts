import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { resources } from '../i18n'
import { formatParsedTarget, type TargetWords } from './target-format'

function wordsFor(lng: 'en' | 'zh-CN'): TargetWords {
  const i18n = i18next.createInstance()
  void i18n.init({ resources, lng, initAsync: false, interpolation: { escapeValue: false } })
  return {
    per: (unit) => i18n.t('target.per', { unit: i18n.t(`target.period.${unit}`) }),
    within: (amount, unit) => i18n.t('target.within', { amount, unit: i18n.t(`target.periods.${unit}`) }),
    change: i18n.t('target.change')
  }
}

describe('formatParsedTarget', () => {
  const en = wordsFor('en')
  it('writes comparators as symbols with the unit where people put it', () => {
    expect(formatParsedTarget({ comparator: '>=', value: 60, unit: '%' }, en)).toBe('≥ 60%')
    expect(formatParsedTarget({ comparator: '<=', value: 500, unit: 'ms', percentile: 95 }, en)).toBe('P95 ≤ 500 ms')
    expect(formatParsedTarget({ comparator: '<=', value: 50, unit: '$', window: { kind: 'per', unit: 'month' } }, en)).toBe('≤ $50 per month')
    expect(formatParsedTarget({ comparator: '>=', value: 4.2, unit: 'score', scale: 5 }, en)).toBe('≥ 4.2/5')
    expect(formatParsedTarget({ comparator: '=', value: 0, unit: 'count' }, en)).toBe('= 0')
  })

  it('shows ranges, tolerances, deadlines and change rates', () => {
    expect(formatParsedTarget({ comparator: '±', value: 75, unit: '%', tolerance: 10 }, en)).toBe('75% ± 10%')
    expect(formatParsedTarget({ comparator: 'between', value: 10, upper: 20, unit: 'h' }, en)).toBe('10 h – 20 h')
    expect(formatParsedTarget({ comparator: '>=', value: 1000, unit: 'users', window: { kind: 'within', amount: 6, unit: 'month' } }, en)).toBe(
      '≥ 1,000 users within 6 months'
    )
    expect(formatParsedTarget({ comparator: '>=', value: 20, unit: '%', change: true, window: { kind: 'per', unit: 'month' } }, en)).toBe(
      'change rate ≥ 20% per month'
    )
  })

  it('speaks Chinese for Chinese users', () => {
    const zh = wordsFor('zh-CN')
    expect(formatParsedTarget({ comparator: '>=', value: 1000, unit: 'MAU', window: { kind: 'within', amount: 6, unit: 'month' } }, zh)).toBe(
      '≥ 1,000 MAU 6个月内'
    )
    expect(formatParsedTarget({ comparator: '>=', value: 20, unit: '%', change: true, window: { kind: 'per', unit: 'month' } }, zh)).toBe('变化率 ≥ 20% 每月')
  })
})
