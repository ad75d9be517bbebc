import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReviewRunResult } from '../../../domain/assistant-views'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { BoardView, DuePullSummary, KpiStatus, KpiView } from '../../../domain/views'
import { tempWorkspace } from '../../../services/testing/temp-workspace'
import { procedureCaller } from '../testing/dispatch'

let ws: ReturnType<typeof tempWorkspace>
let api: ReturnType<typeof procedureCaller>
let boardId: number
beforeEach(async () => {
  ws = tempWorkspace({ now: () => Date.parse('2026-01-05T09:00:00Z') })
  api = procedureCaller(ws.core)
  boardId = (await api.call<BoardView>('board.create', { name: 'Operating' })).id
})
afterEach(() => ws.cleanup())

const day = (iso: string, offset: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
const month = (iso: string, offset: number) => {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCMonth(date.getUTCMonth() + offset)
  return date.toISOString().slice(0, 10)
}

async function measured(fields: Record<string, unknown>, values: number[], step: (iso: string, offset: number) => string, from: string): Promise<KpiView> {
  const kpi = await api.call<KpiView>('kpi.add', { boardId, fields: { stage: 'operating', ...fields } })
  for (const [i, value] of values.entries()) await api.call('actuals.add', { kpiId: kpi.id, periodStart: step(from, i), periodEnd: step(from, i + 1), value })
  return kpi
}

const review = () => api.call<ReviewRunResult>('review.run', { boardId, stage: 'operating', engine: 'analyzer' })

describe('operating analysis through the contract', () => {
  // Its values predate real-time buckets (one per day): the freshness rule still reads the newest one's end.
  it('reports a real-time KPI whose schedule did not run as stale, and does not propose retiring it', async () => {
    await measured(
      {
        code: 'KPI-T001',
        name: '接口 P95 延迟',
        frequency: 'realtime',
        unit: 'ms',
        formula: 'SELECT p95_ms FROM api_latency',
        dataSource: 'metrics',
        target: 'P95 ≤ 500ms'
      },
      [420, 530, 410, 600, 425, 415, 420],
      day,
      '2025-12-20'
    )
    const result = await review()
    expect(result.proposals.map((p) => `${p.kind}:${p.rule}`)).toEqual(['patch:operating.stale'])
    const notes = result.proposals[0]!.patches.find((p) => p.field === 'notes')!
    expect(notes.rationale).toBe(
      'KPI-T001 自 2025-12-27 起没有数值，已有 9 天 9 小时没有数值（实时指标每 5 分钟一个值，缺 2 个即为中断）；按计划应实时从 metrics 拉取，但没有计划拉取存下数值：请确认应用在运行，或 cron 在执行 kpiloop actuals pull --due。'
    )
    expect(notes.value).toContain('分析器：计划拉取没有运行，请保持应用运行或用 cron 执行 kpiloop actuals pull --due。')

    // The board shows its freshness: when the last value was stored, and that it is stale.
    const [status] = await api.call<KpiStatus[]>('status.board', { boardId })
    expect(status).toMatchObject({ code: 'KPI-T001', periodEnd: '2025-12-27', lastValueAt: Date.parse('2026-01-05T09:00:00Z'), stale: true })
  })

  it('names the failing scheduled pull as the cause, after actuals.pullDue (what cron runs) recorded it', async () => {
    const db = join(ws.dir, 'metrics.sqlite')
    new Database(db).exec('CREATE TABLE api_latency (day TEXT, p95_ms REAL)').close()
    await api.call('source.save', { mode: 'add', name: 'metrics', kind: 'sqlite', url: `sqlite://${db}` })
    await measured(
      {
        code: 'KPI-T001',
        name: 'API P95 latency',
        frequency: 'hourly',
        unit: 'ms',
        formula: 'SELECT max(p95) FROM api_latency_v2 WHERE day >= :period_start AND day < :period_end',
        dataSource: 'metrics',
        target: 'P95 ≤ 500ms'
      },
      [420, 530, 410, 600, 425, 415, 420],
      day,
      '2025-12-20'
    )
    const due = await api.call<DuePullSummary>('actuals.pullDue', {})
    expect(due.boards[0]!.results[0]).toMatchObject({ code: 'KPI-T001', outcome: 'failed' })
    const result = await review()
    expect(result.proposals.map((p) => `${p.kind}:${p.rule}`)).toEqual(['patch:operating.stale'])
    const notes = result.proposals[0]!.patches.find((p) => p.field === 'notes')!
    expect(notes.rationale).toMatch(
      /^KPI-T001 has no value since 2025-12-27: 9 d 9 h without a value \(an hourly KPI has one value every 60 min and is stale after 2 missing\); the schedule pulls it hourly, but its last 1 scheduled pull\(s\) failed \(\w+: .*api_latency_v2/
    )
    expect(notes.value).toContain('Analyzer: the scheduled pull keeps failing — fix the formula or the data source.')
  })

  it('does not call a KPI stale while its values keep coming on schedule', async () => {
    await measured({ code: 'KPI-T002', name: 'Error rate', frequency: 'daily', unit: '%', target: '≤ 1%' }, [0.4, 0.5, 0.3], day, '2026-01-02')
    const [status] = await api.call<KpiStatus[]>('status.board', { boardId })
    expect(status).toMatchObject({ periodEnd: '2026-01-05', stale: false })
    expect(status!.lastValueAt).not.toBeNull()
  })

  it('proposes retiring a KPI that was green in every month of a year, with the year as its evidence', async () => {
    await measured(
      { code: 'KPI-003', name: 'SLA attainment', frequency: 'monthly', unit: '%', target: '≥ 95%' },
      [97.5, 98, 97.8, 98.2, 97.9, 98.1, 96.9, 97.7, 98.4, 97.2, 98, 97.6],
      month,
      '2025-01-01'
    )
    const result = await review()
    expect(result.proposals.map((p) => `${p.kind}:${p.rule}`)).toEqual([
      'patch:operating.always-green,status.adjusting',
      'retire:operating.always-green-retire'
    ])
    expect(result.proposals[1]!.rationale).toBe(
      'KPI-003 SLA attainment was green in all 12 periods of a whole year since 2025-01-01 (values 96.9%–98.4% against ≥ 95%); retire it if no decision depends on it.'
    )
  })
})
