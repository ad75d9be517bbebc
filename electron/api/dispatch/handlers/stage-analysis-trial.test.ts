import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReviewRunResult } from '../../../domain/assistant-views'
import type { Target } from '../../../domain/kpi'
import type { BoardView, KpiView, ProposalView } from '../../../domain/views'
import { startFakeChatServer } from '../../../services/assistant/testing/fake-chat-server'
import { tempWorkspace } from '../../../services/testing/temp-workspace'
import { procedureCaller, reviewAnswer } from '../testing/dispatch'

let ws: ReturnType<typeof tempWorkspace>
let api: ReturnType<typeof procedureCaller>
let boardId: number
beforeEach(async () => {
  ws = tempWorkspace({ now: () => Date.parse('2026-01-05T09:00:00Z') })
  api = procedureCaller(ws.core)
  boardId = (await api.call<BoardView>('board.create', { name: 'Trial' })).id
})
afterEach(() => ws.cleanup())

const months = (count: number, from = '2025-05') =>
  Array.from({ length: count }, (_, i) => {
    const start = new Date(`${from}-01T00:00:00Z`)
    start.setUTCMonth(start.getUTCMonth() + i)
    const end = new Date(start)
    end.setUTCMonth(end.getUTCMonth() + 1)
    return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) }
  })

/** A trial KPI with one value per month from May 2025, added and measured through the contract. */
async function trialKpi(fields: Record<string, unknown>, values: number[]): Promise<KpiView> {
  const kpi = await api.call<KpiView>('kpi.add', { boardId, fields: { stage: 'trial', frequency: 'monthly', ...fields } })
  const periods = months(values.length)
  for (const [i, value] of values.entries()) await api.call('actuals.add', { kpiId: kpi.id, periodStart: periods[i]!.start, periodEnd: periods[i]!.end, value })
  return kpi
}

const review = () => api.call<ReviewRunResult>('review.run', { boardId, stage: 'trial', engine: 'analyzer' })
const patch = (proposal: ProposalView | undefined, field: string) => proposal?.patches.find((p) => p.field === field)

describe('trial analysis through the contract', () => {
  it('proposes a calibration for a KPI at 62–90% of its target for eight months, with its evidence and method', async () => {
    await trialKpi({ code: 'KPI-U001', name: 'Monthly active users', unit: 'users', target: '≥ 1000 users' }, [620, 700, 660, 900, 750, 810, 680, 780])
    await trialKpi({ code: 'KPI-U002', name: '月活跃用户数', unit: 'users', target: '≥ 1000 users' }, [620, 700, 660, 900, 750, 810, 680, 780])
    const result = await review()
    expect(result.engine).toBe('analyzer')
    expect(result.remarks).toBeUndefined()
    const [en, zh] = result.proposals
    expect(en!.rule).toBe('status.adjusting,trial.underachieved')
    expect((patch(en, 'target')!.value as Target).parsed).toEqual({ comparator: '>=', value: 787.5, unit: 'users' })
    expect(patch(en, 'target')!.rationale).toBe(
      '≥ 1000 users was consistently missed (median attainment below 90%): 8 periods from 2025-05-01 to 2025-12-01, median 725 users;' +
        ' median attainment 72.5%, within ±10% of the target in 1 of 8 periods; no clear trend (R² 0.18);' +
        ' spread: P25–P75 675–787.5 users, robust CV 11.5%.' +
        " Lower the bar to ≥ 787.5 users (method: the trial's P75: the level its best quarter of periods reached)."
    )
    expect(en!.rationale).toBe('Trial review for KPI-U001 Monthly active users: target consistently missed, status adjusting.')
    expect(patch(zh, 'target')!.rationale).toBe(
      '≥ 1000 users 持续未达成（中位达成率低于 90%）：2025-05-01 至 2025-12-01 共 8 个周期，中位数 725 users；' +
        '中位达成率 72.5%，8 个周期中有 1 个在目标 ±10% 以内；无明显趋势（R² 0.18）；波动：P25–P75 675–787.5 users，稳健变异系数 11.5%。' +
        '建议放宽到 ≥ 787.5 users（方法：试运行的 P75：四分之一表现最好的周期达到的水平，团队已证明能做到）。'
    )
    expect(zh!.rationale).toBe('试运行复盘（KPI-U002 月活跃用户数）：目标持续未达成、状态改为调整中。')
  })

  it('extrapolates a clear upward trend to the next period instead of the trial’s P75', async () => {
    await trialKpi({ code: 'KPI-U001', name: 'Monthly active users', unit: 'users', target: '≥ 1000 users' }, [620, 650, 700, 720, 760, 800, 850, 900])
    const [proposal] = (await review()).proposals
    expect((patch(proposal, 'target')!.value as Target).parsed!.value).toBe(926.8)
    expect(patch(proposal, 'target')!.rationale).toContain('trend +39.29 users per period (R² 0.99)')
    expect(patch(proposal, 'target')!.rationale).toMatch(/Lower the bar to ≥ 926\.8 users \(method: the trend extrapolated to the period from 2026-01-01\)\.$/)
  })

  it('raises or tightens the target of a consistent over-achiever to the level kept in 3 periods out of 4', async () => {
    await trialKpi({ code: 'KPI-C001', name: '付费转化率', unit: '%', target: '≥ 4%' }, [5.2, 5.0, 5.6, 5.4, 5.1, 5.7])
    await trialKpi({ code: 'KPI-T001', name: 'Ticket first response', unit: 'min', target: '≤ 30 min' }, [21, 24, 22, 19, 23, 20])
    const [raised, tightened] = (await review()).proposals
    expect(raised!.rule).toBe('status.adjusting,trial.overachieved')
    expect((patch(raised, 'target')!.value as Target).text).toBe('≥ 5.125%')
    expect(patch(raised, 'target')!.rationale).toMatch(
      /^≥ 4% 持续超额（中位达成率高于 115%）：.*中位达成率 132\.5%.*。建议提高到 ≥ 5\.125%（方法：试运行的 P25：4 个周期中有 3 个能达到）。$/
    )
    expect(raised!.rationale).toBe('试运行复盘（KPI-C001 付费转化率）：目标持续超额、状态改为调整中。')
    expect((patch(tightened, 'target')!.value as Target).text).toBe('≤ 22.75 min')
    expect(patch(tightened, 'target')!.rationale).toMatch(
      /^≤ 30 min was consistently beaten \(median attainment above 115%\): .*Tighten to ≤ 22\.75 min \(method: the trial's P75: kept in 3 periods out of 4\)\.$/
    )
  })

  it('proposes aggregation or wider thresholds for a volatile series, never a target from noise', async () => {
    await trialKpi({ code: 'KPI-U003', name: 'Weekly sign-ups', unit: 'users', target: '≥ 1000 users' }, [400, 1500, 600, 1800, 300, 1400, 500, 1600])
    await trialKpi({ code: 'KPI-U004', name: '活动报名人数', unit: 'users', frequency: 'quarterly', target: '≥ 1000 users' }, [700, 1300, 800, 1250, 750, 1200])
    const [monthly, quarterly] = (await review()).proposals
    expect(monthly!.rule).toBe('trial.volatile')
    expect(patch(monthly, 'frequency')).toMatchObject({ value: 'quarterly' })
    expect(patch(monthly, 'frequency')!.rationale).toMatch(
      /^Values swing widely: .*, robust CV 77\.8%; range 300–1800 users, so the light would flip on noise alone\./
    )
    expect(patch(monthly, 'frequency')!.rationale).toMatch(/Judge it quarterly instead: aggregated over 3 periods the robust CV falls to 12\.4%\.$/)
    expect(patch(monthly, 'target')).toBeUndefined()
    // A quarterly KPI has no coarser period: its thresholds widen to the spread instead.
    expect(quarterly!.rule).toBe('trial.volatile')
    expect(patch(quarterly, 'alertThresholds')!.value).toEqual({
      text: '红：低于目标的 40%；黄：低于 65%',
      redRatio: 0.4,
      yellowRatio: 0.65,
      redValue: null,
      rules: []
    })
    expect(patch(quarterly, 'alertThresholds')!.rationale).toMatch(/^数值波动大：.*建议放宽预警阈值，使常见波动不再报红/)
  })

  it('says why it proposes nothing, in the KPI’s language', async () => {
    await trialKpi({ code: 'KPI-U001', name: 'Monthly active users', unit: 'users', target: '≥ 1000 users' }, [980, 1020, 1050, 995, 940, 1010, 1060, 870])
    await trialKpi({ code: 'KPI-U002', name: '月活跃用户数', unit: 'users', target: '≥ 1000 users' }, [980, 1020, 1050])
    await trialKpi({ code: 'KPI-U005', name: 'Active teams', unit: 'count', target: '≥ 100' }, [70, 75, 82, 88, 94, 101])
    const result = await review()
    expect(result.proposals).toEqual([])
    expect(result.remarks).toEqual([
      {
        code: 'KPI-U001',
        text:
          'KPI-U001: nothing to propose — within ±10% of the target in 7 of 8 periods (8 periods from 2025-05-01 to 2025-12-01, median 1003 users;' +
          ' median attainment 100.3%, within ±10% of the target in 7 of 8 periods; no clear trend (R² 0.12); spread: P25–P75 970–1028 users, robust CV 4.3%).'
      },
      { code: 'KPI-U002', text: expect.stringMatching(/^KPI-U002：无需调整——只有 3 个周期，校准至少需要 4 个（/) },
      {
        code: 'KPI-U005',
        text: expect.stringMatching(
          /^KPI-U005: nothing to propose — below the target but improving by \+6\.\d+ count per period; the trend reaches it by the period from 2025-11-01 \(/
        )
      }
    ])
  })

  it('gives the assistant the same evidence: the trial statistics and what the analyzer found, or why it found nothing', async () => {
    await trialKpi({ code: 'KPI-U001', name: 'Monthly active users', unit: 'users', target: '≥ 1000 users' }, [620, 700, 660, 900, 750, 810, 680, 780])
    await trialKpi({ code: 'KPI-U002', name: 'Weekly teams', unit: 'count', target: '≥ 100' }, [98, 102, 101, 99, 103, 100])
    const server = await startFakeChatServer()
    try {
      await api.call('llm.settings.set', { provider: 'custom', baseURL: server.url, model: 'fake-model', apiKey: 'sk-trial-0a1b2c3d4e5f6a7b', maxRetries: 0 })
      server.enqueue({ json: reviewAnswer('MAU misses its target.', []) })
      await api.call<ReviewRunResult>('review.run', { boardId, stage: 'trial', engine: 'llm' })
      const sent = server.requests.at(-1)!.body as { messages: { role: string; content: string }[] }
      const user = sent.messages.find((m) => m.role === 'user')!.content
      const data = JSON.parse(/<(DATA-[0-9a-f]{12})>\n([\s\S]*)\n<\/\1>/.exec(user)![2]!) as {
        analyzerEvidence: { code: string; facts: Record<string, unknown>; findings: string[] }[]
      }
      const [mau, teams] = data.analyzerEvidence
      expect(mau!.code).toBe('KPI-U001')
      expect(mau!.facts).toMatchObject({
        periods: 8,
        median: 725,
        p75: 787.5,
        medianAttainmentPercent: 72.5,
        periodsWithin10PercentOfTarget: 1,
        grade: 'under'
      })
      expect(mau!.findings[0]).toMatch(/^target: ≥ 1000 users was consistently missed .* Lower the bar to ≥ 787\.5 users \(method: the trial's P75/)
      expect(teams!.facts).toMatchObject({ periods: 6, medianAttainmentPercent: 100.5, periodsWithin10PercentOfTarget: 6 })
      expect(teams!.findings).toEqual([expect.stringMatching(/^KPI-U002: nothing to propose — within ±10% of the target in 6 of 6 periods \(/)])
    } finally {
      await server.close()
    }
  })
})
