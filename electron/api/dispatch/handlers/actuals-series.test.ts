import { afterEach, describe, expect, it } from 'vitest'
import type { SeriesView, ValuePage } from '../../../domain/series'
import type { KpiView } from '../../../domain/views'
import { tempWorkspace } from '../../../services/testing/temp-workspace'
import { procedureCaller } from '../testing/dispatch'

let ws: ReturnType<typeof tempWorkspace> | undefined
afterEach(() => ws?.cleanup())

async function kpiWithValues() {
  ws = tempWorkspace()
  const api = procedureCaller(ws.core)
  const { id: boardId } = await api.call<{ id: number }>('board.create', { name: 'Support' })
  const kpi = await api.call<KpiView>('kpi.add', { boardId, fields: { code: 'S-1', name: 'SLA', target: '≥ 95%', frequency: 'monthly' } })
  const add = (periodStart: string, periodEnd: string, value: number) => api.call('actuals.add', { kpiId: kpi.id, periodStart, periodEnd, value })
  return { api, kpiId: kpi.id, add }
}

describe('actuals.series and actuals.page through the dispatcher', () => {
  it('refuses a width it cannot honour, a reversed range and a page too large, before any handler runs', async () => {
    const { api, kpiId } = await kpiWithValues()
    expect(await api.failure('actuals.series', { kpiId })).toMatchObject({ code: 'VALIDATION' })
    expect(await api.failure('actuals.series', { kpiId, width: 100_000 })).toMatchObject({ code: 'VALIDATION' })
    expect(await api.failure('actuals.series', { kpiId, width: 800, from: '2026-05-01', to: '2026-04-01' })).toMatchObject({ code: 'VALIDATION' })
    expect(await api.failure('actuals.series', { kpiId, width: 800, from: '1 May' })).toMatchObject({ code: 'VALIDATION' })
    expect(await api.failure('actuals.page', { kpiId, limit: 10_000 })).toMatchObject({ code: 'VALIDATION' })
    expect(await api.failure('actuals.page', { kpiId, offset: -1 })).toMatchObject({ code: 'VALIDATION' })
    expect(await api.failure('actuals.series', { kpiId: 4242, width: 800 })).toMatchObject({ code: 'KPI_NOT_FOUND' })
    expect(await api.failure('actuals.page', { kpiId: 4242 })).toMatchObject({ code: 'KPI_NOT_FOUND' })
  })

  it('draws what the table holds: current values as epoch-ms points, oldest first', async () => {
    const { api, kpiId, add } = await kpiWithValues()
    await add('2026-01-01', '2026-02-01', 96.2)
    await add('2026-02-01', '2026-03-01', 93)
    await add('2026-02-01', '2026-03-01', 95.1)
    const series = await api.call<SeriesView>('actuals.series', { kpiId, width: 640 })
    expect(series).toEqual({
      kpiId,
      total: 2,
      first: '2026-01-01',
      last: '2026-02-01',
      from: '2026-01-01',
      to: '2026-02-01',
      inRange: 2,
      exact: true,
      points: [
        [Date.UTC(2026, 0, 1), 96.2],
        [Date.UTC(2026, 1, 1), 95.1]
      ]
    })
  })

  it('pages the values newest period first, the current value before what it replaced, in the order the table always had', async () => {
    const { api, kpiId, add } = await kpiWithValues()
    await add('2026-01-01', '2026-02-01', 1)
    await add('2026-03-01', '2026-04-01', 2)
    await add('2026-03-01', '2026-03-08', 3)
    await add('2026-03-01', '2026-04-01', 4)
    await add('2026-02-01', '2026-03-01', 5)
    const rows = (page: ValuePage) => page.rows.map((r) => [r.periodStart, r.periodEnd, r.value, r.superseded])
    const all = await api.call<ValuePage>('actuals.page', { kpiId, history: true, limit: 10 })
    expect(all.total).toBe(5)
    expect(rows(all)).toEqual([
      ['2026-03-01', '2026-03-08', 3, false],
      ['2026-03-01', '2026-04-01', 4, false],
      ['2026-03-01', '2026-04-01', 2, true],
      ['2026-02-01', '2026-03-01', 5, false],
      ['2026-01-01', '2026-02-01', 1, false]
    ])
    const current = await api.call<ValuePage>('actuals.page', { kpiId, offset: 1, limit: 2 })
    expect(current).toMatchObject({ total: 4, offset: 1 })
    expect(rows(current)).toEqual([
      ['2026-03-01', '2026-04-01', 4, false],
      ['2026-02-01', '2026-03-01', 5, false]
    ])
    expect((await api.call<ValuePage>('actuals.page', { kpiId, offset: 4 })).rows).toEqual([])
  })
})
