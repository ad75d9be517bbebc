import { describe, expect, it } from 'vitest'
import { type AlertThresholds, type ChangeRule, alertThresholdsSchema, changeRuleSchema } from '../kpi'
import { parseAlertThreshold, parseChangeRule } from './alert-threshold'
import { parseTarget } from './parse-target'

const defaults = { redRatio: 0.8, yellowRatio: 0.9, rules: [] }

// [alert text as in the PRD, the KPI's target, what must be read]
const THRESHOLDS: readonly (readonly [string, string, Partial<AlertThresholds>])[] = [
  ['< 目标值的70%', '6个月内达到1,000 MAU', { redRatio: 0.7 }],
  ['KPI低于目标值的75%', '≥ 60%', { redRatio: 0.75 }],
  ['低于目标85%黄色', '≥ 60%', { yellowRatio: 0.85 }],
  ['below 70% of target', '≥ 95%', { redRatio: 0.7 }],
  ['红色: 低于目标值的70%; 黄色: 低于目标值的85%', '≥ 60%', { redRatio: 0.7, yellowRatio: 0.85 }],
  ['< 50%', '≥ 60%', { redValue: 50 }],
  ['P95 > 800ms', 'P95 ≤ 500ms', { redValue: 800 }],
  ['> 12小时', '≤ 8小时', { redValue: 12 }],
  ['< 4.0', '≥ 4.2/5.0', { redValue: 4 }],
  ['< 30', 'NPS ≥ 40', { redValue: 30 }],
  ['MTTR > 45分钟', '≤ 30分钟', { redValue: 45 }],
  ['> 1小时', '≤ 30分钟', { redValue: 60 }],
  ['响应时间 > 2小时', '≤ 1小时', { redValue: 2 }],
  ['增长率 < 15%', '每月新增用户数增长20%', { redValue: 15 }],
  ['成功率 < 95%', '≥ 99%', { redValue: 95 }],
  ['< 99.95%', '≥ 99.9%', { redValue: 99.95 }],
  ['< 2.0 sessions/user', '每用户每周使用≥3次', { redValue: 2 }],
  ['< 1.5 agents/user', '每用户平均创建≥2个Agent', { redValue: 1.5 }],
  ['> $75/用户', '≤ $50/月', { redValue: 75 }],
  ['> 8‰', '≤ 0.5%', { redValue: 0.8 }],
  // not understood: the defaults stay and nothing is invented
  ['实际负载 > 容量的80%', '支持1,000并发用户', {}],
  ['CPU > 90% 或 < 50%', '75% ± 10%', {}],
  ['月增长 < 3个工具', '≥ 50个社区工具', {}],
  ['月增长 < 20%', '≥ 1M次/月', {}],
  ['月新增内容 < 10个', '≥ 100个模板/案例', {}],
  ['< 500次/周', '≥ 1M次/月', {}],
  ['< 800K次/月', '≥ 1M次/月', { redValue: 800_000 }],
  ['评级降至C级', '≥ B级 (SonarQube)', {}],
  ['发现任何合规风险', '100%合规', {}],
  ['> 90%', '≥ 95%', {}],
  ['< 5%', '≤ 8小时', {}],
  ['P99 > 2s', 'P95 ≤ 500ms', {}],
  ['黄色: < 55%', '≥ 60%', {}],
  ['> 目标的120%', '≤ 8小时', {}]
]

describe('parseAlertThreshold', () => {
  it.each(THRESHOLDS.map(([text, target, read]) => ({ text, target, read })))('$text (target $target)', ({ text, target, read }) => {
    const result = parseAlertThreshold(text, parseTarget(target).parsed)
    expect(result).toEqual({ ...defaults, text, ...read })
    expect(() => alertThresholdsSchema.parse(result)).not.toThrow()
  })

  it('reads an absolute boundary as written when there is no target to compare with', () => {
    expect(parseAlertThreshold('< 50%')).toEqual({ ...defaults, text: '< 50%', redValue: 50 })
    expect(parseAlertThreshold('MTTR > 45分钟', null).redValue).toBe(45)
  })

  it('keeps empty text out and the defaults in', () => {
    expect(parseAlertThreshold('  ')).toEqual(defaults)
  })

  it('collects change rules beside a ratio, one per segment', () => {
    const result = parseAlertThreshold('< 目标值的70%；P1：支付成功率环比下降 > 15%；P2 when week-over-week drop > 20%', parseTarget('≥ 95%').parsed)
    expect(result.redRatio).toBe(0.7)
    expect(result.redValue).toBeUndefined()
    expect(result.rules).toEqual([
      { severity: 'P1', period: 'period', direction: 'drop', percent: 15, text: 'P1:支付成功率环比下降 > 15%' },
      { severity: 'P2', period: 'week', direction: 'drop', percent: 20, text: 'P2 when week-over-week drop > 20%' }
    ])
  })

  it('keeps the rule text as written when the line holds only the rule', () => {
    expect(parseAlertThreshold('P1：支付成功率环比下降 > 15%').rules[0]?.text).toBe('P1：支付成功率环比下降 > 15%')
  })
})

const RULES: readonly (readonly [string, Omit<ChangeRule, 'text'> | null])[] = [
  ['P1：支付成功率环比下降 > 15%', { severity: 'P1', period: 'period', direction: 'drop', percent: 15 }],
  ['P2 when week-over-week drop > 20%', { severity: 'P2', period: 'week', direction: 'drop', percent: 20 }],
  ['周环比上升 > 50%', { severity: 'P2', period: 'week', direction: 'rise', percent: 50 }],
  ['MoM decline > 10%', { severity: 'P2', period: 'month', direction: 'drop', percent: 10 }],
  ['P0 月环比下降超过30%', { severity: 'P0', period: 'month', direction: 'drop', percent: 30 }],
  ['日环比下跌 ≥ 25%', { severity: 'P2', period: 'day', direction: 'drop', percent: 25 }],
  ['P3 if DAU falls more than 25% vs last week', { severity: 'P3', period: 'week', direction: 'drop', percent: 25 }],
  ['P1: day over day increase > 40%', { severity: 'P1', period: 'day', direction: 'rise', percent: 40 }],
  ['P1: 日活下降超过20%', { severity: 'P1', period: 'period', direction: 'drop', percent: 20 }],
  ['P0: 日活同比下降超过30%', null],
  ['YoY decline > 10%', null],
  ['环比下降 < 5%', null],
  ['成功率 < 95%', null],
  ['环比下降', null],
  ['下降 > 20%', null]
]

describe('parseChangeRule', () => {
  it.each(RULES.map(([text, rule]) => ({ text, rule })))('$text', ({ text, rule }) => {
    const parsed = parseChangeRule(text)
    expect(parsed).toEqual(rule ? { ...rule, text } : null)
    if (parsed) expect(() => changeRuleSchema.parse(parsed)).not.toThrow()
  })
})
