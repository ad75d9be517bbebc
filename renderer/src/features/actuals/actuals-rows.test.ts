import { describe, expect, it } from 'vitest'
import type { MeasurementView } from '../../../../electron/api'
import { chartPoints, periodOf, valueRows } from './actuals-rows'

const value = (id: number, periodStart: string, v: number, recordedAt: number, source: MeasurementView['source'] = 'query'): MeasurementView => ({
  id,
  kpiId: 7,
  periodStart,
  periodEnd: periodStart.slice(0, 8) + '28',
  value: v,
  source,
  dataSourceId: source === 'query' ? 1 : null,
  queryHash: null,
  note: '',
  author: 'li.wei',
  recordedAt
})

describe('periodOf', () => {
  it('turns a picked month, day or range into [start, end) bounds, as the CLI’s --period binds them', () => {
    expect(periodOf('month', '2026-02-14')).toEqual({ periodStart: '2026-02-01', periodEnd: '2026-03-01' })
    expect(periodOf('day', '2026-03-09')).toEqual({ periodStart: '2026-03-09', periodEnd: '2026-03-10' })
    expect(periodOf('range', '2026-03-02', '2026-03-08')).toEqual({ periodStart: '2026-03-02', periodEnd: '2026-03-09' })
  })
})

describe('valueRows', () => {
  const history = [value(1, '2026-05-01', 52.1, 100), value(2, '2026-06-01', 58, 200), value(3, '2026-05-01', 53.4, 300, 'manual')]

  it('marks the earlier value of a re-pulled period as superseded and lists the newest period first', () => {
    const rows = valueRows(history)
    expect(rows.map((r) => [r.id, r.superseded])).toEqual([
      [2, false],
      [3, false],
      [1, true]
    ])
  })

  it('charts only current values, oldest first', () => {
    expect(chartPoints(valueRows(history))).toEqual([
      { periodStart: '2026-05-01', value: 53.4 },
      { periodStart: '2026-06-01', value: 58 }
    ])
  })
})
