import { afterEach, describe, expect, it } from 'vitest'
import type { AlertView, KpiStatus, KpiView } from '../../../domain/views'
import { tempWorkspace } from '../../../services/testing/temp-workspace'
import { procedureCaller } from '../testing/dispatch'

// Scenarios of issue 14 ("Health and attainment"), through the contract as every shell calls it.

let ws: ReturnType<typeof tempWorkspace> | undefined
afterEach(() => ws?.cleanup())

async function board(now: string) {
  ws = tempWorkspace({ now: () => Date.parse(now) })
  const api = procedureCaller(ws.core)
  const { id: boardId } = await api.call<{ id: number }>('board.create', { name: 'Growth' })
  const add = (fields: Record<string, unknown>) => api.call<KpiView>('kpi.add', { boardId, fields })
  const value = (kpiId: number, periodStart: string, periodEnd: string, v: number) => api.call('actuals.add', { kpiId, periodStart, periodEnd, value: v })
  const status = async (code: string) => (await api.call<KpiStatus[]>('status.board', { boardId })).find((s) => s.code === code)!
  const alerts = () => api.call<AlertView[]>('alerts.list', { boardId })
  return { api, boardId, add, value, status, alerts }
}

// The ISO weeks whose Thursday falls in November 2026.
const NOVEMBER_WEEKS = [
  ['2026-11-02', '2026-11-09'],
  ['2026-11-09', '2026-11-16'],
  ['2026-11-16', '2026-11-23'],
  ['2026-11-23', '2026-11-30']
] as const

describe('values of a finer grain are aggregated to the target period before judgment', () => {
  it('four weekly 300s against a monthly ≥ 1,000 are the month’s 1,200: green, not four reds at 30%', async () => {
    const b = await board('2026-12-03T09:00:00Z')
    const kpi = await b.add({ code: 'G-SIGNUP', name: 'New sign-ups', target: '≥ 1000 per month', unit: 'users', frequency: 'weekly' })
    for (const [start, end] of NOVEMBER_WEEKS) await b.value(kpi.id, start, end, 300)
    const status = await b.status('G-SIGNUP')
    expect(status).toMatchObject({ level: 'green', value: 1200, periodLabel: '2026-11', parts: 4, expectedParts: 4, inProgress: false })
    expect(status.attainment).toBeCloseTo(1.2, 6)
    expect(status.judging).toEqual({ frequency: 'week', targetPeriod: 'month', aggregation: 'sum', inferred: { targetPeriod: true, aggregation: true } })
    expect(status.decidedBy.rule).toBe('target')
    expect(status.reason).toContain('2026-11 (the sum of 4 values): 1,200 users.')
    expect(await b.alerts()).toEqual([])
  })

  it('takes the target period and aggregation set on the KPI (kpi.edit) over the inferred ones', async () => {
    const b = await board('2026-12-03T09:00:00Z')
    const kpi = await b.add({ code: 'G-RATE', name: 'Weekly orders', target: '≥ 1000', frequency: 'weekly' })
    for (const [start, end] of NOVEMBER_WEEKS) await b.value(kpi.id, start, end, 300)
    // Judged week by week (no target period yet): each week is 30% of the target.
    expect(await b.status('G-RATE')).toMatchObject({ level: 'red', periodLabel: '2026-W48', value: 300 })
    const edited = await b.api.call<KpiView>('kpi.edit', { kpiId: kpi.id, set: { targetPeriod: 'month', aggregation: 'mean' } })
    expect(edited).toMatchObject({ targetPeriod: 'month', aggregation: 'mean' })
    expect(await b.status('G-RATE')).toMatchObject({
      level: 'red',
      value: 300,
      periodLabel: '2026-11',
      judging: { targetPeriod: 'month', aggregation: 'mean', inferred: { targetPeriod: false, aggregation: false } }
    })
    await b.api.call('kpi.edit', { kpiId: kpi.id, set: { aggregation: 'sum' } })
    expect(await b.status('G-RATE')).toMatchObject({ level: 'green', value: 1200 })
  })

  it('says a percentile measured weekly cannot be judged against a monthly target instead of showing a colour', async () => {
    const b = await board('2026-12-03T09:00:00Z')
    const kpi = await b.add({ code: 'T-P95', name: 'API latency', target: 'P95 ≤ 500ms', frequency: 'weekly', targetPeriod: 'month' })
    for (const [start, end] of NOVEMBER_WEEKS) await b.value(kpi.id, start, end, 420)
    const status = await b.status('T-P95')
    expect(status).toMatchObject({ level: 'none', value: null, periodLabel: '2026-11', judging: { aggregation: 'none' } })
    expect(status.decidedBy.rule).toBe('not-aggregable')
    expect(status.reason).toMatch(/percentiles cannot be combined honestly into the target period \(4 values\)/)
  })

  it('gives no colour to a month whose sum misses a week', async () => {
    const b = await board('2026-12-03T09:00:00Z')
    const kpi = await b.add({ code: 'G-SIGNUP', name: 'New sign-ups', target: '≥ 1000 per month', frequency: 'weekly' })
    for (const [start, end] of NOVEMBER_WEEKS.slice(1)) await b.value(kpi.id, start, end, 300)
    expect(await b.status('G-SIGNUP')).toMatchObject({ level: 'none', value: 900, parts: 3, expectedParts: 4, decidedBy: { rule: 'incomplete' } })
    expect(await b.alerts()).toEqual([])
  })
})

describe('the unfinished current period is in progress', () => {
  it('3 days into the month: no red, no alert, the value so far and a projection labelled as such', async () => {
    const b = await board('2026-11-04T10:00:00Z')
    const kpi = await b.add({ code: 'G-SIGNUP', name: 'New sign-ups', target: '≥ 1000', unit: 'users', frequency: 'monthly' })
    await b.value(kpi.id, '2026-10-01', '2026-11-01', 1100)
    await b.value(kpi.id, '2026-11-01', '2026-12-01', 100)
    const status = await b.status('G-SIGNUP')
    expect(status).toMatchObject({ level: 'none', inProgress: true, value: 100, periodLabel: '2026-11', attainment: null, decidedBy: { rule: 'in-progress' } })
    expect(status.projection).toBeCloseTo(1000, 6)
    expect(status.reason).toBe("2026-11 in progress: 100 users so far; projected 1,000 users at the period's end. Not judged red or green until it ends.")
    expect(await b.alerts()).toEqual([])
  })

  it('alerts on the last complete period only, once, and not again when the running one is added', async () => {
    const b = await board('2026-11-04T10:00:00Z')
    const kpi = await b.add({ code: 'G-SIGNUP', name: 'New sign-ups', target: '≥ 1000', frequency: 'monthly' })
    await b.value(kpi.id, '2026-09-01', '2026-10-01', 1100)
    await b.value(kpi.id, '2026-10-01', '2026-11-01', 500)
    await b.value(kpi.id, '2026-11-01', '2026-12-01', 20)
    const alerts = await b.alerts()
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.message).toMatch(/^G-SIGNUP New sign-ups: 500 for 2026-10-01 — /)
  })

  it('raises no change-rule alert on a drop into the running period', async () => {
    const b = await board('2026-11-04T10:00:00Z')
    const rules = [{ severity: 'P2', period: 'period', direction: 'drop', percent: 20 }]
    const kpi = await b.add({ code: 'G-SIGNUP', name: 'New sign-ups', target: '≥ 1000', frequency: 'monthly', alertThresholds: { rules } })
    await b.value(kpi.id, '2026-10-01', '2026-11-01', 1100)
    await b.value(kpi.id, '2026-11-01', '2026-12-01', 100)
    expect(await b.alerts()).toEqual([])
  })
})

describe('one colour rule, thresholds checked on entry, the deciding rule named', () => {
  it('refuses thresholds that contradict the target with a coded error, saving nothing', async () => {
    const b = await board('2026-12-03T09:00:00Z')
    const redAboveTarget = await b.api.failure('kpi.add', {
      boardId: b.boardId,
      fields: { code: 'B-SUCCESS', name: 'Task success rate', target: '≥ 95%', alertThresholds: { redValue: 96 } }
    })
    expect(redAboveTarget).toMatchObject({ code: 'THRESHOLDS_INCONSISTENT', details: { problem: 'red-value-beyond-target' } })
    const kpi = await b.add({ code: 'B-SUCCESS', name: 'Task success rate', target: '≥ 95%' })
    const inverted = await b.api.failure('kpi.edit', { kpiId: kpi.id, set: { alertThresholds: { redRatio: 0.9, yellowRatio: 0.8 } } })
    expect(inverted).toMatchObject({ code: 'THRESHOLDS_INCONSISTENT', details: { problem: 'yellow-below-red' } })
    const lower = await b.api.failure('kpi.edit', { kpiId: kpi.id, set: { direction: 'lower', target: '≤ 2%', alertThresholds: { redValue: 1 } } })
    expect(lower).toMatchObject({ code: 'THRESHOLDS_INCONSISTENT' })
    expect((await b.api.call<KpiView>('kpi.get', { kpiId: kpi.id })).revisionNumber).toBe(1)
  })

  it('names the absolute red value when it overrides the ratio, in the status and its reason', async () => {
    const b = await board('2026-12-03T09:00:00Z')
    const kpi = await b.add({ code: 'B-SUCCESS', name: 'Task success rate', target: '≥ 100', alertThresholds: { redValue: 70 } })
    await b.value(kpi.id, '2026-10-01', '2026-11-01', 73)
    const status = await b.status('B-SUCCESS')
    expect(status).toMatchObject({ level: 'yellow', decidedBy: { rule: 'red-value', overrode: { rule: 'ratio', level: 'red' }, redValue: 70, redRatio: 0.8 } })
    expect(status.reason).toContain('Decided by the red threshold < 70, which replaces the 80% ratio rule (by the ratio it would be red).')
    await b.value(kpi.id, '2026-11-01', '2026-12-01', 93)
    expect(await b.status('B-SUCCESS')).toMatchObject({ level: 'green', decidedBy: { rule: 'ratio', overrode: null } })
  })

  it('a value meeting the target is green whatever the thresholds say', async () => {
    const b = await board('2026-12-03T09:00:00Z')
    const kpi = await b.add({ code: 'B-NPS', name: 'NPS', target: '≥ 40', alertThresholds: { redRatio: 1, yellowRatio: 1 } })
    await b.value(kpi.id, '2026-11-01', '2026-12-01', 40)
    expect(await b.status('B-NPS')).toMatchObject({ level: 'green', decidedBy: { rule: 'target' } })
  })
})

describe('"90%" as the target of an uptime KPI', () => {
  it('means at least 90%, typed or stored as a bare level', async () => {
    const b = await board('2026-12-03T09:00:00Z')
    const typed = await b.add({ code: 'S-UPTIME', name: 'Service uptime', target: '90%', frequency: 'monthly' })
    expect(typed.target?.parsed).toMatchObject({ comparator: '>=', value: 90, comparatorInferred: true })
    // A bare level stored before the metric was known (an old import) reads the same on the board.
    const stored = await b.add({
      code: 'S-AVAIL',
      name: 'API availability',
      target: { text: '90%', parsed: { comparator: '=', value: 90, unit: '%' } },
      direction: 'range',
      frequency: 'monthly'
    })
    for (const id of [typed.id, stored.id]) await b.value(id, '2026-11-01', '2026-12-01', 97.5)
    expect(await b.status('S-UPTIME')).toMatchObject({ level: 'green', decidedBy: { rule: 'target' } })
    expect(await b.status('S-AVAIL')).toMatchObject({ level: 'green', decidedBy: { rule: 'target' } })
    await b.value(stored.id, '2026-11-01', '2026-12-01', 70)
    expect(await b.status('S-AVAIL')).toMatchObject({ level: 'red', decidedBy: { rule: 'ratio' } })
  })
})

describe('every figure with its unit and a sensible precision', () => {
  it('shows 39.6%, never 39.62264151, on the board, in alerts and in the exports', async () => {
    const b = await board('2026-12-03T09:00:00Z')
    const kpi = await b.add({ code: 'R-D1', name: 'Next-day retention', target: '≥ 60%', frequency: 'monthly' })
    await b.value(kpi.id, '2026-10-01', '2026-11-01', 61)
    await b.value(kpi.id, '2026-11-01', '2026-12-01', 39.62264151)
    const status = await b.status('R-D1')
    expect(status.reason).toBe('39.6% against ≥ 60% (attainment 66%): below the red threshold.')
    const [alert] = await b.alerts()
    expect(alert!.message).toBe('R-D1 Next-day retention: 39.6% for 2026-11-01 — 39.6% against ≥ 60% (attainment 66%): below the red threshold.')
    const { files } = await b.api.call<{ files: { base64: string }[] }>('export.file', { boardId: b.boardId, format: 'markdown' })
    const markdown = Buffer.from(files[0]!.base64, 'base64').toString('utf8')
    expect(markdown).toContain('39.6%')
    const { files: csv } = await b.api.call<{ files: { base64: string }[] }>('export.file', { boardId: b.boardId, format: 'csv' })
    const text = Buffer.from(csv[0]!.base64, 'base64').toString('utf8')
    // currentValue, then the (empty) latest proposal column
    expect(text).toMatch(/,39\.6,\r\n/)
    expect(markdown + text + alert!.message + status.reason).not.toContain('39.62')
  })
})
