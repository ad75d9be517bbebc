import { describe, expect, it } from 'vitest'
import type { KpiStatus } from '../../../electron/api'
import { attainmentOption } from './overview-attainment'
import { reachedCounts, stageFunnelOption } from './overview-funnel'
import { statusDistributionOption } from './overview-status'

const status = (code: string, level: KpiStatus['level'], attainment: number | null): KpiStatus => ({
  kpiId: Number(code.slice(-1)),
  code,
  value: attainment === null ? null : attainment * 60,
  periodStart: null,
  periodEnd: null,
  periodLabel: null,
  level,
  attainment,
  reason: '',
  decidedBy: { rule: level === 'none' ? 'no-value' : 'ratio', overrode: null, redRatio: 0.8, yellowRatio: 0.9, redValue: null },
  inProgress: false,
  projection: null,
  parts: attainment === null ? 0 : 1,
  expectedParts: null,
  judging: { frequency: null, targetPeriod: null, aggregation: 'mean', inferred: { targetPeriod: true, aggregation: true } },
  latestProposal: null,
  lastValueAt: null,
  freshness: { intervalMs: 86_400_000, staleAfter: 3, lastDataAt: null, staleAt: null },
  stale: false
})
const board = [status('KPI-1', 'green', 1.12), status('KPI-2', 'red', 0.64), status('KPI-3', 'yellow', 0.85), status('KPI-4', 'none', null)]

describe('attainment bar', () => {
  it('shows measured KPIs worst first, in percent, coloured by their light', () => {
    const option = attainmentOption(board, { title: '达成率', target: '目标' })
    expect(option.xAxis.data).toEqual(['KPI-2', 'KPI-3', 'KPI-1'])
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([64, 85, 112])
    expect(option.series[0]!.data[0]!.itemStyle.color).toBe('#f5222d')
    expect(option.series[0]!.markLine.data).toEqual([{ yAxis: 100 }])
  })
})

describe('status donut', () => {
  it('counts KPIs per light and leaves out empty slices', () => {
    const option = statusDistributionOption([...board, status('KPI-5', 'green', 1)], 'Status', (l) => l.toUpperCase())
    expect(option.series[0]!.data.map((d) => [d.name, d.value])).toEqual([
      ['GREEN', 2],
      ['YELLOW', 1],
      ['RED', 1],
      ['NONE', 1]
    ])
    expect(statusDistributionOption([status('KPI-1', 'green', 1)], 'S', String).series[0]!.data).toHaveLength(1)
  })
})

describe('stage funnel', () => {
  it('counts every KPI at or past a stage so the funnel narrows, ignoring retired', () => {
    expect(reachedCounts(['draft', 'draft', 'feasibility', 'trial', 'operating', 'retired']).map((s) => s.count)).toEqual([5, 3, 2, 1, 1])
    const option = stageFunnelOption(['draft', 'launched'], 'Funnel', (s) => `v-${s}`)
    expect(option.series[0]!.data[3]).toMatchObject({ name: 'v-launched', value: 1 })
  })
})
