import { describe, expect, it } from 'vitest'
import { type ParsedTarget, parsedTargetSchema, targetSchema } from '../kpi'
import { defaultDirection, formatTarget, parseNumber, parseTarget } from './parse-target'

const pct = (comparator: ParsedTarget['comparator'], value: number, extra: Partial<ParsedTarget> = {}): ParsedTarget => ({
  comparator,
  value,
  unit: '%',
  ...extra
})
const perMonth = { kind: 'per', unit: 'month' } as const
const within6Months = { kind: 'within', amount: 6, unit: 'month' } as const

// [as written, expected structure (null = not understood), what the issue must mention (none when absent)]
const CASES: readonly (readonly [string, ParsedTarget | null, RegExp?])[] = [
  // the PRD's own targets
  ['≥ 60%', pct('>=', 60)],
  ['P95 ≤ 500ms', { comparator: '<=', value: 500, unit: 'ms', percentile: 95 }],
  ['75% ± 10%', pct('±', 75, { tolerance: 10 })],
  ['≥ 4.2/5.0', { comparator: '>=', value: 4.2, unit: 'score', scale: 5 }],
  ['≤ $50/月', { comparator: '<=', value: 50, unit: '$', window: perMonth }],
  ['1000+', { comparator: '>=', value: 1000, unit: null }],
  ['6个月内达到1,000 MAU', { comparator: '>=', value: 1000, unit: 'users', window: within6Months }],
  ['≤ 8小时', { comparator: '<=', value: 8, unit: 'h' }],
  ['0个高危漏洞', { comparator: '=', value: 0, unit: 'count' }],
  ['每月增长20%', pct('>=', 20, { window: perMonth, change: true })],
  ['每月新增用户数增长20%', pct('>=', 20, { window: perMonth, change: true })],
  ['每用户每周使用≥3次', { comparator: '>=', value: 3, unit: 'count/user', window: { kind: 'per', unit: 'week' } }],
  ['≥ 60%用户使用≥3个核心功能', pct('>=', 60), /Compound condition: "≥ 60%" was taken as the target and "用户使用≥3个核心功能"/],
  ['支持1,000并发用户', { comparator: '>=', value: 1000, unit: 'users' }],
  ['≥ 10,000任务/小时', { comparator: '>=', value: 10000, unit: 'tasks', window: { kind: 'per', unit: 'hour' } }],
  ['≥ 1M次/月', { comparator: '>=', value: 1_000_000, unit: 'count', window: perMonth }],
  ['≥ B级 (SonarQube)', null, /grade \("B"\), not a number/],
  ['100%合规', pct('=', 100)],
  ['≤ 1小时', { comparator: '<=', value: 1, unit: 'h' }],
  ['≤ 30分钟', { comparator: '<=', value: 30, unit: 'min' }],
  ['30 分钟内', { comparator: '<=', value: 30, unit: 'min' }],
  ['90%', pct('=', 90)],
  ['≥ 95%', pct('>=', 95)],
  ['5000+', { comparator: '>=', value: 5000, unit: null }],
  ['5000+ (上线半年)', { comparator: '>=', value: 5000, unit: null, window: within6Months }],
  ['P90 < 1.2s', { comparator: '<', value: 1.2, unit: 's', percentile: 90 }],
  ['< 0.5%', pct('<', 0.5)],
  ['≥ 40', { comparator: '>=', value: 40, unit: null }],
  ['>= 99.9%', pct('>=', 99.9)],
  ['at least 95%', pct('>=', 95)],
  ['under 200 ms', { comparator: '<', value: 200, unit: 'ms' }],
  ['between 70 and 80%', pct('between', 70, { upper: 80 })],
  ['70-80%', pct('between', 70, { upper: 80 })],
  ['70%~80%', pct('between', 70, { upper: 80 })],
  ['≤5%', pct('<=', 5)],
  ['no more than 3 incidents', { comparator: '<=', value: 3, unit: 'incidents' }],
  ['≥ 50个社区工具', { comparator: '>=', value: 50, unit: 'count' }],
  ['≥ 100个模板/案例', { comparator: '>=', value: 100, unit: 'count' }],
  ['每用户平均创建≥2个Agent', { comparator: '>=', value: 2, unit: 'count/user' }],
  ['≤ ¥3,000/月', { comparator: '<=', value: 3000, unit: '¥', window: perMonth }],
  // changes sized by a share, zero written as a word, from-to with an arrow
  ['drop by half', pct('<=', -50, { change: true })],
  ['reduce by a third', pct('<=', -33.33, { change: true })],
  ['cut them in half', pct('<=', -50, { change: true })],
  ['环比减半', pct('<=', -50, { change: true })],
  ['none', { comparator: '=', value: 0, unit: null }],
  ['0 → 120', { comparator: '>=', value: 120, unit: null }, /"0" is the baseline/],
  ['2.0 s → 1.4 s', { comparator: '<=', value: 1.4, unit: 's' }, /"2.0 s" is the baseline/],
  ['冲到 120 万', { comparator: '>=', value: 1_200_000, unit: null }],
  ['提升留存', null, /no number/],
  ['', null, /empty/],
  ['TBD', null, /not set yet/],
  ['待定', null, /not set yet/],
  ['降低 20%', pct('<=', -20, { change: true })],
  ['99.95%', pct('=', 99.95)],
  ['4.5分以上', { comparator: '>=', value: 4.5, unit: 'score' }],
  ['NPS ≥ 40', { comparator: '>=', value: 40, unit: null }],
  ['DAU 5000+', { comparator: '>=', value: 5000, unit: 'users' }],
  // full-width and half-width forms, Chinese and English wordings
  ['≥ ６０％', pct('>=', 60)],
  ['＞＝60%', pct('>=', 60)],
  ['不低于60%', pct('>=', 60)],
  ['不少于1,000用户', { comparator: '>=', value: 1000, unit: 'users' }],
  ['至少３次/周', { comparator: '>=', value: 3, unit: 'count', window: { kind: 'per', unit: 'week' } }],
  ['no less than 4.0/5', { comparator: '>=', value: 4, unit: 'score', scale: 5 }],
  ['不超过2秒', { comparator: '<=', value: 2, unit: 's' }],
  ['不高于 1%', pct('<=', 1)],
  // Every negated bound is the opposite bound, inclusive, however the negation is spelled.
  ['不能高于 2%', pct('<=', 2)],
  ['不应超过 2%', pct('<=', 2)],
  ['切勿超出 2%', pct('<=', 2)],
  ['不可少于 10%', pct('>=', 10)],
  ['不允许低于 10%', pct('>=', 10)],
  ['低于0.1%', pct('<', 0.1)],
  ['at most 2 hours', { comparator: '<=', value: 2, unit: 'h' }],
  ['below 1%', pct('<', 1)],
  ['within 300 ms', { comparator: '<=', value: 300, unit: 'ms' }],
  ['500ms以内', { comparator: '<=', value: 500, unit: 'ms' }],
  ['3%以下', pct('<=', 3)],
  ['95%以上', pct('>=', 95)],
  ['≦ 200ms', { comparator: '<=', value: 200, unit: 'ms' }],
  ['p99 <= 1s', { comparator: '<=', value: 1, unit: 's', percentile: 99 }],
  ['95th percentile under 300 ms', { comparator: '<', value: 300, unit: 'ms', percentile: 95 }],
  ['95分位 ≤ 800毫秒', { comparator: '<=', value: 800, unit: 'ms', percentile: 95 }],
  ['under 2 s at the median', { comparator: '<', value: 2, unit: 's', percentile: 50 }],
  ['中位数不超过 5 天', { comparator: '<=', value: 5, unit: 'day', percentile: 50 }],
  ['投诉量下降两成', pct('<=', -20, { change: true })],
  ['at least 1.5 pp above the holdout', pct('>=', 1.5, { change: true })],
  ['90% of pages load in under 2 s', { comparator: '<', value: 2, unit: 's', percentile: 90 }],
  ['95% 的工单在 4 小时内关闭', { comparator: '<=', value: 4, unit: 'h', percentile: 95 }],
  ['95% of users', pct('=', 95)],
  ['4% below baseline', pct('<=', -4, { change: true })],
  ['≥ 1,000 MAU within 6 months', { comparator: '>=', value: 1000, unit: 'users', window: within6Months }],
  ['上线后3个月内达到500用户', { comparator: '>=', value: 500, unit: 'users', window: { kind: 'within', amount: 3, unit: 'month' } }],
  ['三个月内留存≥40%', pct('>=', 40, { window: { kind: 'within', amount: 3, unit: 'month' } })],
  ['$2 per user a month', { comparator: '=', value: 2, unit: '$/user', window: perMonth }],
  ['≤ 50 USD per month', { comparator: '<=', value: 50, unit: '$', window: perMonth }],
  ['≤ 3000元/月', { comparator: '<=', value: 3000, unit: '¥', window: perMonth }],
  ['≤ €20/月', { comparator: '<=', value: 20, unit: '€', window: perMonth }],
  ['at least 3 times a week', { comparator: '>=', value: 3, unit: 'count', window: { kind: 'per', unit: 'week' } }],
  ['1.2万次调用/天', { comparator: '=', value: 12000, unit: 'count', window: { kind: 'per', unit: 'day' } }],
  ['≥ 10K requests/day', { comparator: '>=', value: 10000, unit: 'requests', window: { kind: 'per', unit: 'day' } }],
  ['5‰以下', { comparator: '<=', value: 5, unit: '‰' }],
  ['±5%', pct('±', 0, { tolerance: 5 })],
  ['-5% ~ 5%', pct('between', -5, { upper: 5 })],
  ['增长超过15%', pct('>', 15, { change: true })],
  ['reduce by 30%', pct('<=', -30, { change: true })],
  ['5000 or more users', { comparator: '>=', value: 5000, unit: 'users' }],
  ['1000+用户', { comparator: '>=', value: 1000, unit: 'users' }],
  ['24小时内解决率≥90%', pct('>=', 90, { window: { kind: 'within', amount: 24, unit: 'hour' } })],
  ['一年内用户数达到1万', { comparator: '>=', value: 10000, unit: null, window: { kind: 'within', amount: 1, unit: 'year' } }],
  ['每月新增 ≥ 500 用户', { comparator: '>=', value: 500, unit: 'users', window: perMonth }],
  ['≥ 95% of requests', pct('>=', 95)],
  ['95% ± 2pp', pct('±', 95, { tolerance: 2 })],
  ['增长5个百分点', pct('>=', 5, { change: true })],
  ['P95 latency ≤ 500ms', { comparator: '<=', value: 500, unit: 'ms', percentile: 95 }],
  ['NPS ≥ -10', { comparator: '>=', value: -10, unit: null }],
  ['≥60%（行业领先水平）', pct('>=', 60)],
  ['10-20 users', { comparator: 'between', value: 10, unit: 'users', upper: 20 }],
  ['20% growth', pct('>=', 20, { change: true })],
  ['6个月内每月增长20%', pct('>=', 20, { window: perMonth, change: true }), /deadline \(within 6 × month\) was not kept/],
  ['$100/用户 (Growth阶段)', { comparator: '=', value: 100, unit: '$/user' }],
  ['3.0+ sessions/user', { comparator: '>=', value: 3, unit: 'sessions/user' }],
  ['1M+ calls/month', { comparator: '>=', value: 1_000_000, unit: 'calls', window: perMonth }],
  // lines from an OKR block
  ['API调用量达到500万次/月', { comparator: '>=', value: 5_000_000, unit: 'count', window: perMonth }],
  ['单用户成本控制在$50以下', { comparator: '<=', value: 50, unit: '$' }],
  ['系统可用性保持99.9%+', pct('>=', 99.9)],
  ['KR1: 实现1,000 MAU (Q1 2026)', { comparator: '>=', value: 1000, unit: 'users' }, /deadline "Q1 2026" is a date/],
  ['上线100+第三方工具 (Q2 2026)', { comparator: '>=', value: 100, unit: null }, /deadline "Q2 2026"/],
  // relative targets, baselines, asides and sentence wordings of PRDs
  ['+50%', pct('>=', 50, { change: true })],
  ['-20%', pct('<=', -20, { change: true })],
  ['降低三分之一', pct('<=', -33.33, { change: true })],
  ['double', pct('>=', 100, { change: true })],
  ['翻倍', pct('>=', 100, { change: true })],
  ['减半', pct('<=', -50, { change: true })],
  ['down 30%', pct('<=', -30, { change: true })],
  ['down to 5%', pct('<=', 5)],
  ['提升到 80%', pct('>=', 80)],
  ['不高于万分之三', pct('<=', 0.03)],
  ['must not exceed 500 ms', { comparator: '<=', value: 500, unit: 'ms' }],
  ['at or below 1.5%', pct('<=', 1.5)],
  ['at least four', { comparator: '>=', value: 4, unit: null }],
  ['should be zero', { comparator: '=', value: 0, unit: null }],
  ['+10 points over the control group', { comparator: '>=', value: 10, unit: 'score', change: true }],
  ['1000+ (第一年)', { comparator: '>=', value: 1000, unit: null }, /aside "\(第一年\)" was set aside/],
  ['从 35% 提升到 45%', pct('>=', 45), /"35%" is the baseline/],
  ['from 24% to 30%', pct('>=', 30), /"24%" is the baseline/],
  ['从 45 分钟降到 20 分钟', { comparator: '<=', value: 20, unit: 'min' }, /"45 分钟" is the baseline/],
  ['每周 3 万单', { comparator: '=', value: 30000, unit: null, window: { kind: 'per', unit: 'week' } }],
  ['not fewer than 99% of runs', pct('>=', 99)],
  // never guessed
  ['under 5m', null, /ambiguous \(minutes or million\?\)/],
  ['1,00 users', null, /not a well-formed number/],
  ['60% 80%', null, /More than one number/],
  ['5分钟内响应率≥95%', null, /More than one number \("5分钟内" and "响应率≥95%"\)/],
  ['Month 3目标: 500并发用户', null, /More than one number/],
  ['Top 10 用户占比 ≤ 30%', null, /More than one number/],
  ['≥ 5%以下', null, /Conflicting comparators/],
  ['80-70%', null, /lower bound/],
  ['500ms ± 10%', null, /different units/],
  ['1000 MAU by Q2', { comparator: '=', value: 1000, unit: 'users' }, /deadline "by Q2" is a date/],
  ['约90%', pct('=', 90), /approximate/]
]

describe('parseTarget', () => {
  it.each(CASES.map(([text, parsed, issue]) => ({ text, parsed, issue })))('$text', ({ text, parsed, issue }) => {
    const target = parseTarget(text)
    expect(target.text).toBe(text.trim())
    expect(target.parsed).toEqual(parsed)
    if (issue) expect(target.issue).toMatch(issue)
    else expect(target.issue).toBeUndefined()
    expect(() => targetSchema.parse(target)).not.toThrow()
  })

  it('keeps the text as typed, trimmed, beside the parsed form', () => {
    expect(parseTarget('  ≥ 60%\n')).toEqual({ text: '≥ 60%', parsed: pct('>=', 60) })
  })

  it('gives a structure the domain schema accepts for every understood case', () => {
    for (const [text] of CASES) {
      const parsed = parseTarget(text).parsed
      if (parsed) expect(() => parsedTargetSchema.parse(parsed), text).not.toThrow()
    }
  })

  it('never throws and always returns a schema-valid target for arbitrary mixtures of its vocabulary', () => {
    const pieces = [
      '≥',
      '<=',
      '>',
      '±',
      '~',
      '-',
      '+',
      '/',
      '%',
      '$',
      '¥',
      '(',
      ')',
      ',',
      '1',
      '0',
      '60',
      '1,000',
      '1.5',
      '3M',
      '5m',
      'P95',
      'ms',
      '小时',
      '个月',
      '内',
      '每',
      '月',
      '用户',
      '以上',
      '以下',
      '增长',
      '降低',
      'between',
      'and',
      'at least',
      'within',
      'per',
      'week',
      'by',
      'Q2',
      'B',
      '级',
      '满分',
      '分',
      ' ',
      '待定',
      '环比',
      '的',
      '目标'
    ]
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join('')
      const target = parseTarget(text)
      expect(target.text).toBe(text.trim())
      expect(target.parsed !== null || target.issue !== undefined, text).toBe(true)
      expect(() => targetSchema.parse(target), text).not.toThrow()
    }
  })
})

describe('defaultDirection', () => {
  const direction = (text: string) => defaultDirection(parseTarget(text).parsed as ParsedTarget)
  it.each([
    ['≥ 60%', 'higher'],
    ['> 5', 'higher'],
    ['1000+', 'higher'],
    ['P95 ≤ 500ms', 'lower'],
    ['< 0.5%', 'lower'],
    ['70-80%', 'range'],
    ['75% ± 10%', 'range'],
    ['0个高危漏洞', 'lower'],
    ['100%合规', 'higher'],
    ['90%', 'higher'],
    ['每月增长20%', 'higher'],
    ['降低 20%', 'lower']
  ] as const)('%s → %s', (text, expected) => {
    expect(direction(text)).toBe(expected)
  })
})

describe('formatTarget', () => {
  it.each([
    ['≥ 60%', '≥ 60%', '≥ 60%'],
    ['P95 ≤ 500ms', 'P95 ≤ 500 ms', 'P95 ≤ 500ms'],
    ['75% ± 10%', '75% ± 10%', '75% ± 10%'],
    ['≥ 4.2/5.0', '≥ 4.2/5', '≥ 4.2/5'],
    ['≤ $50/月', '≤ $50 / month', '≤ $50/月'],
    ['6个月内达到1,000 MAU', '≥ 1,000 users within 6 months', '6个月内 ≥ 1,000用户'],
    ['每月增长20%', 'growth ≥ 20% / month', '每月增长 ≥ 20%'],
    ['降低 20%', 'decrease ≥ 20%', '降低 ≥ 20%'],
    ['70%~80%', 'between 70% and 80%', '70%~80%'],
    ['每用户每周使用≥3次', '≥ 3 / user / week', '≥ 3/用户/周'],
    ['≤ 30分钟', '≤ 30 min', '≤ 30分钟'],
    ['4.5分以上', '≥ 4.5 points', '≥ 4.5分'],
    ['≥ 1M次/月', '≥ 1,000,000 / month', '≥ 1,000,000/月']
  ])('%s → "%s" / "%s"', (text, en, zh) => {
    const parsed = parseTarget(text).parsed as ParsedTarget
    expect(formatTarget(parsed, 'en')).toBe(en)
    expect(formatTarget(parsed, 'zh-CN')).toBe(zh)
  })

  // A bare count shows as a number, so "≥ 50个社区工具" reads back without its unit; every other case round-trips.
  it('reads its own output back to the same structure in both locales', () => {
    for (const [text, parsed] of CASES) {
      if (!parsed || parsed.unit === 'count') continue
      for (const locale of ['en', 'zh-CN'] as const) {
        const shown = formatTarget(parsed, locale)
        expect(parseTarget(shown).parsed, `${text} → ${shown}`).toEqual(parsed)
      }
    }
  })
})

describe('parseNumber', () => {
  it.each([
    ['1,000', 1000],
    ['1,000.5', 1000.5],
    ['1M', 1e6],
    ['10K', 1e4],
    ['10k', 1e4],
    ['1.2万', 12000],
    ['5千', 5000],
    ['3亿', 3e8],
    ['６０', 60],
    ['99.9', 99.9],
    [' 42 ', 42],
    ['-3', -3],
    ['1,234,567', 1234567],
    ['0.5', 0.5]
  ] as const)('%s → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value)
  })

  it.each(['', 'abc', '1,00', '5m', '60%', '1 000', '12 users', '- 3'])('"%s" is not a plain number', (text) => {
    expect(parseNumber(text)).toBeNull()
  })
})
