import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { KpiStatus } from '../../../../electron/api'
import { resources } from '../../i18n'
import { decisionText, lightTooltip } from './health-text'

const status = (over: Partial<KpiStatus>): KpiStatus => ({
  kpiId: 1,
  code: 'B-SUCCESS',
  value: 73,
  periodStart: '2026-10-01',
  periodEnd: '2026-11-01',
  periodLabel: '2026-10',
  level: 'yellow',
  attainment: 0.73,
  reason: '73 against ≥ 100 (attainment 73%): below the yellow threshold.',
  decidedBy: { rule: 'red-value', overrode: { rule: 'ratio', level: 'red' }, redRatio: 0.8, yellowRatio: 0.9, redValue: 70 },
  inProgress: false,
  projection: null,
  parts: 1,
  expectedParts: 1,
  judging: { frequency: 'month', targetPeriod: 'month', aggregation: 'mean', inferred: { targetPeriod: true, aggregation: true } },
  latestProposal: null,
  lastValueAt: null,
  freshness: { intervalMs: 86_400_000, staleAfter: 3, lastDataAt: null, staleAt: null },
  stale: false,
  ...over
})

const i18n = i18next.createInstance()
beforeAll(() => i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } }))

describe('the light’s tooltip', () => {
  it('names the rule that decided and the verdict it overrode, in the UI’s language', async () => {
    expect(decisionText(status({}), '%', i18n.t)).toBe('Decided by: the absolute red value 70%. It overrode the ratio rule, which would give Red.')
    await i18n.changeLanguage('zh-CN')
    expect(decisionText(status({}), '%', i18n.t)).toBe('决定规则：红色绝对阈值 70%。它取代了比例规则（按比例应为红）。')
    await i18n.changeLanguage('en')
  })

  it('shows the period, the reason and the projection of a running period', () => {
    const running = status({
      level: 'none',
      value: 100,
      inProgress: true,
      projection: 1000,
      periodLabel: '2026-11',
      reason: '2026-11 in progress: 100 so far.',
      decidedBy: { rule: 'in-progress', overrode: null, redRatio: 0.8, yellowRatio: 0.9, redValue: null }
    })
    expect(lightTooltip(running, 'users', i18n.t).split('\n')).toEqual([
      'Period 2026-11',
      '2026-11 in progress: 100 so far.',
      'Projection at the period’s end: 1,000 users',
      'Decided by: the period has not ended: not judged until it does.'
    ])
  })
})
