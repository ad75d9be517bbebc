import { describe, expect, it } from 'vitest'
import { buildRows, emptyQuery } from './rows'
import { actionScope, rowRange, withIds } from './selection'
import { kpiView } from './test-kpis'

const board = [
  kpiView({ code: 'KPI-A1', name: '日活', stage: 'draft' }),
  kpiView({ code: 'KPI-A2', name: '留存', stage: 'trial' }),
  kpiView({ code: 'KPI-A3', name: 'NPS', stage: 'trial' }),
  kpiView({ code: 'KPI-A4', name: '收入', stage: 'launched' })
]
const [a1, a2, a3, a4] = board.map((k) => k.id) as [number, number, number, number]

describe('actionScope', () => {
  it('prefers the ticked KPIs over the filter, in board order, ignoring ticks of KPIs no longer on the board', () => {
    const scope = actionScope(board, { ...emptyQuery, stages: ['trial'] }, new Set([a4, a1, 99_999]))
    expect(scope).toEqual({ kind: 'selected', ids: [a1, a4] })
  })

  it('falls back to the KPIs the filter shows, then to the whole board', () => {
    expect(actionScope(board, { ...emptyQuery, stages: ['trial'] }, new Set())).toEqual({ kind: 'shown', ids: [a2, a3] })
    expect(actionScope(board, emptyQuery, new Set([99_999]))).toEqual({ kind: 'board', ids: [a1, a2, a3, a4] })
  })
})

describe('rowRange', () => {
  it('takes the KPIs between two rows in either direction and skips group headers', () => {
    const rows = buildRows(board, { ...emptyQuery, groupBy: 'stage' }, { locale: 'zh-CN', statuses: {} })
    expect(rows.map((r) => r.kind)).toEqual(['group', 'kpi', 'group', 'kpi', 'kpi', 'group', 'kpi'])
    expect(rowRange(rows, 1, 4)).toEqual([a1, a2, a3])
    expect(rowRange(rows, 6, 3)).toEqual([a2, a3, a4])
  })
})

describe('withIds', () => {
  it('adds and removes without touching the set it was given', () => {
    const before = new Set([a1])
    const added = withIds(before, [a2, a3], true)
    expect([...added]).toEqual([a1, a2, a3])
    expect([...withIds(added, [a1, a3], false)]).toEqual([a2])
    expect([...before]).toEqual([a1])
  })
})
