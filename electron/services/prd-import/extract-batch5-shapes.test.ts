import { describe, expect, it } from 'vitest'
import { extractKpis } from './extract'

// Shapes the fifth unseen batch (SLO docs, checklists, runbooks, experiment briefs, exports) taught; each test words
// the shape differently from the corpus document it came from.
const brief = (markdown: string, fileName?: string) =>
  extractKpis(markdown, { fileName }).candidates.map(({ fields, warnings, currentValue }) => {
    const parsed = fields.target?.parsed
    const target = parsed
      ? `${parsed.percentile !== undefined ? `P${parsed.percentile} ` : ''}${parsed.comparator} ${parsed.value}${parsed.unit ?? ''}${parsed.change ? ' change' : ''}${parsed.comparatorInferred ? ' inferred' : ''}`
      : null
    return [
      fields.name,
      target,
      ...(currentValue ? [`from ${currentValue}`] : []),
      ...warnings.filter((w) => w === 'no-target' || w === 'relative' || w === 'target-derived')
    ]
  })

describe('percentiles, shares and units written the way teams write them', () => {
  it('gives a percentile written after the value, in brackets, at the end of its clause or as "the median", to that value', () => {
    const markdown = [
      '## Performance goals',
      '',
      '- Search suggestions: 150 ms or less (p90)',
      '- Invoice PDF ready within 45 seconds of the request (p99)',
      '- Page load on a mid-range laptop: under 2 s at the median',
      '- 报表导出耗时：10 秒以内（P95）'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Search suggestions', 'P90 <= 150ms'],
      ['Invoice PDF ready', 'P99 <= 45s'],
      ['Page load on a mid-range laptop', 'P50 < 2s'],
      ['报表导出耗时', 'P95 <= 10s']
    ])
  })

  it('reads full-width digits, a share in tenths (两成) and business days', () => {
    const markdown = ['## 目标', '', '- 周活跃作者数：不少于 ３０００ 人', '- 退货率：较去年降低两成', '- Refund processing time: within 3 working days'].join(
      '\n'
    )
    expect(brief(markdown)).toEqual([
      ['周活跃作者数', '>= 3000users'],
      ['退货率', '<= -20% change', 'relative'],
      ['Refund processing time', '<= 3day']
    ])
  })
})

describe('metrics a section reports without targets', () => {
  it('takes the items and listing sentences of a section whose heading says it sets no target as KPIs that need one', () => {
    const markdown = [
      '## Shared for information only',
      '',
      '- Weekly signups from partners',
      '- Average invoice size',
      '',
      '## What we look at but do not decide on',
      '',
      'Scroll depth and the share of visitors who open the FAQ — directional only.',
      '',
      '## 四、跟踪项（本期不考核）',
      '',
      '直播间停留时长（分钟）、弹幕互动率。'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Weekly signups from partners', null, 'no-target'],
      ['Average invoice size', null, 'no-target'],
      ['Scroll depth', null, 'no-target'],
      ['share of visitors who open the FAQ', null, 'no-target'],
      ['直播间停留时长（分钟）', null, 'no-target'],
      ['弹幕互动率', null, 'no-target']
    ])
  })

  it('reads an upper-case plain-text heading with a bracketed aside as a heading', () => {
    const text = ['SUPPORT PLAN 2027', '', 'WATCH LIST (no targets this quarter)', '  - Tickets per agent', '  - Average handle time', ''].join('\n')
    expect(brief(text, 'plan.txt')).toEqual([
      ['Tickets per agent', null, 'no-target'],
      ['Average handle time', null, 'no-target']
    ])
  })

  it('leaves the reasons after a colon out when a metric is only observed', () => {
    const markdown = ['## 监控', '', '### 3.2 报表查询接口', '', '只作观测，不设 SLO：该接口走只读副本，慢查询不影响写入。'].join('\n')
    expect(brief(markdown).filter(([name]) => /副本|写入/.test(name as string))).toEqual([])
  })
})

describe('release checklists and rollout gates', () => {
  it('reads the gates of a checklist and a gates section, and leaves rollout steps and versions out', () => {
    const markdown = [
      '# App 5.2.0 release',
      '',
      '## Before we ship',
      '',
      '- [x] Legal review done',
      '- [ ] Bundle size increase: at most 200 KB (today +120 KB)',
      '- [ ] Docs published',
      '- [ ] Checkout API latency: at most 300 ms at p95, 800 ms at p99',
      '',
      '## Canary gates',
      '',
      'Rollout: 5% → 25% → 100% of stores; minimum supported version 4.18.2.',
      '',
      '- Crash-free sessions hold at 99.7% or better',
      '- Watch: cache hit ratio (no target yet; the metric is two weeks old)'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Bundle size increase', '<= 200kb', 'from +120 KB'],
      ['Checkout API latency P95', 'P95 <= 300ms'],
      ['Checkout API latency P99', 'P99 <= 800ms'],
      ['Crash-free sessions', '>= 99.7%'],
      ['cache hit ratio', null, 'no-target']
    ])
  })
})

describe('SLO documents and runbooks', () => {
  it('makes one KPI per metric of an alert table, its target mirrored from the mildest rule and flagged as derived', () => {
    const markdown = [
      '## 告警配置',
      '',
      '| 规则名 | 指标 | 条件 | 级别 |',
      '|---|---|---|---|',
      '| CacheMissWarn | 缓存未命中率 | 过去 10 分钟 > 20% | P3 |',
      '| CacheMissPage | 缓存未命中率 | 过去 10 分钟 > 45% | P1 |',
      '| QueueLag | 队列延迟 | > 30 s 持续 2 分钟 | P2 |'
    ].join('\n')
    const found = extractKpis(markdown).candidates
    expect(brief(markdown)).toEqual([
      ['缓存未命中率', '<= 20%', 'target-derived'],
      ['队列延迟', '<= 30s', 'target-derived']
    ])
    expect(found[0]!.fields.alertThresholds).toBeTruthy()
  })

  it('reads the goal of a metric heading from a labelled list item, and a rolling window as part of the definition', () => {
    const markdown = [
      '# Identity service',
      '',
      '## Service levels',
      '',
      'Every figure below is computed over a rolling 30 days.',
      '',
      '### Login success rate',
      '',
      '- Definition: successful logins ÷ attempts, bucketed by 5 minutes',
      '- Target: 99.9%',
      '',
      '### Token refresh latency',
      '',
      '- Target: under 150 ms (p95), p99 under 400 ms'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Login success rate', '>= 99.9% inferred'],
      ['Token refresh latency P95', 'P95 < 150ms'],
      ['Token refresh latency P99', 'P99 < 400ms']
    ])
  })
})

describe('guardrails, key results as actions and clauses around the target', () => {
  it('takes a guardrail table whose threshold column words the bound to keep as its targets', () => {
    const markdown = [
      '# Checkout test',
      '',
      '## Guardrails',
      '',
      '| Guardrail metric | Today | Threshold |',
      '|---|---|---|',
      '| Chargebacks within 30 days | 0.3% | must remain under 0.5% |',
      '| Payment page errors | 0.02% | 0.05% maximum |'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Chargebacks within 30 days', '< 0.5%', 'from 0.3%'],
      ['Payment page errors', '<= 0.05%', 'from 0.02%']
    ])
  })

  it('reads the direction of a key result from its verb, a change word without a unit, and a worded bound after "to"', () => {
    const text = [
      'OBJECTIVE 2 - Spend less on tooling',
      '  KR 2.1  Raise self-serve renewals to 60% of renewals',
      '  KR 2.2  Halve contractor spend',
      '  KR 2.3  Bring the p90 build time from 22 min to below 10 min'
    ].join('\n')
    expect(brief(text, 'okrs.txt')).toEqual([
      ['self-serve renewals', '>= 60%'],
      ['contractor spend', '<= -50% change', 'relative'],
      ['p90 build time', 'P90 < 10min', 'from 22 min']
    ])
  })

  it('names the metric after a colon when the words before it are a clause, and splits an aside off a name before a colon', () => {
    const markdown = [
      '## Success metrics',
      '',
      'One limit is set for the first week: password reset tickets must not rise above 40 per week.',
      '',
      '- 复核通过率（抽检样本、双人复核口径）：不低于 97%',
      '- 抽检员之间打分差异超过 10 分的样本需复议。'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['password reset tickets', '<= 40'],
      ['复核通过率', '>= 97%']
    ])
  })
})

describe('metrics in the cells of a features or risks table', () => {
  it('takes a cell that binds a measure to a goal or leaves it watched, and leaves feature descriptions out', () => {
    const markdown = [
      '# 推荐二期',
      '',
      '## 功能列表',
      '',
      '| 功能 | 说明 | 上线标准 |',
      '|---|---|---|',
      '| 相似商品 | 候选池从 2 万扩到 5 万 | 相似推荐点击率不低于 3% |',
      '| 猜你喜欢换一批 | 每次换 6 个 | 换一批使用率先观察 |',
      '',
      '## Risks',
      '',
      '| Risk | Mitigation |',
      '|---|---|',
      '| Stale embeddings | Nightly rebuild; embedding freshness lag must stay under 26 hours |'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['相似推荐点击率', '>= 3%'],
      ['换一批使用率', null, 'no-target'],
      ['embedding freshness lag', '< 26h']
    ])
  })
})

describe('a non-goals section', () => {
  it('keeps a metric the author will still report without a target, and nothing else of the section', () => {
    const markdown = [
      '# Billing v3',
      '',
      '## Goals',
      '',
      '- Invoice generation success rate: at least 99.5%',
      '',
      '## Non-goals',
      '',
      '- Rewriting the billing UI; 40 screens stay as they are.',
      '- Refund latency — tracked weekly without a target until the new provider is live.'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Invoice generation success rate', '>= 99.5%'],
      ['Refund latency', null, 'no-target']
    ])
  })
})

describe('an experiment brief', () => {
  it('reads a lift over the control or holdout as a change, with the level the control runs at as its baseline', () => {
    const markdown = [
      '# Onboarding checklist test',
      '',
      '## Primary metric',
      '',
      '**Checkout completion** — orders ÷ checkout starts. The holdout sits at 64%; the variant must be at least 1.5 pp above the holdout.'
    ].join('\n')
    expect(brief(markdown)).toEqual([['Checkout completion', '>= 1.5% change', 'from 64%', 'relative']])
  })
})

describe('lists that mix goals with watched metrics, and conversion rates', () => {
  it('counts a watched metric as a stated one when deciding that a list holds metrics', () => {
    const markdown = [
      '# Sync 2.0',
      '',
      '## After general availability',
      '',
      '- Weekly active teams reach 400 within 30 days',
      '- Observe: export failures per day (no target yet, the export is new)'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['Weekly active teams', '>= 400'],
      ['export failures per day', null, 'no-target']
    ])
  })

  it('never reads a conversion rate ("100 积分 = ¥1") as a target', () => {
    const markdown = ['## 目标', '', '- 兑换比例：100 积分 = ¥1', '- 积分使用率：≥ 30%'].join('\n')
    expect(brief(markdown)).toEqual([['积分使用率', '>= 30%']])
  })
})

describe('a share of cases bounded by a duration', () => {
  it('reads "99% of X within T" as the percentile of a duration, unless the duration only bounds the definition', () => {
    const markdown = [
      '# Notifications',
      '',
      '## 服务目标',
      '',
      '- 推送送达时效：95% 的推送须在 3 秒内送达',
      '- Onboarding course completion: 90% of new hires within 14 days of their start date'
    ].join('\n')
    expect(brief(markdown)).toEqual([
      ['推送送达时效', 'P95 <= 3s'],
      ['Onboarding course completion', '>= 90% inferred']
    ])
  })
})

describe('key results written as actions', () => {
  it('reads "<verb> <count> <object>" as at least that count of the object, marked as inferred', () => {
    const text = [
      'OBJECTIVE 3 - Grow the partner channel',
      '  KR 3.1  Launch 6 partner integrations in EMEA',
      '  KR 3.2：清理 15% 的僵尸账号（一年未登录）'
    ].join('\n')
    expect(brief(text, 'okrs.txt')).toEqual([
      ['partner integrations in EMEA', '>= 6 inferred'],
      ['清理僵尸账号', '>= 15% inferred']
    ])
  })
})
