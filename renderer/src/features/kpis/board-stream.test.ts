import { describe, expect, it } from 'vitest'
import { mergeKeyedPage, mergePage, putById } from './board-stream'
import { buildRows, emptyQuery } from './rows'
import { kpiView } from './test-kpis'

const rows = (...ids: number[]) => ids.map((id) => ({ id, v: 'old' }))
const fresh = (...ids: number[]) => ids.map((id) => ({ id, v: 'new' }))
const never = () => false

describe('a reload streams over the rows already shown', () => {
  it('replaces the page’s range, keeps the later rows until their page comes, and drops rows gone from the board at the end', () => {
    const shown = rows(1, 2, 3, 5, 8, 9)
    const first = mergePage(shown, fresh(1, 3), 0, 3, never)
    expect(first).toEqual([...fresh(1, 3), ...rows(5, 8, 9)])
    // KPI 9 was deleted meanwhile and 12 added: the last page ends the list.
    expect(mergePage(first, fresh(5, 8, 12), 3, null, never)).toEqual(fresh(1, 3, 5, 8, 12))
  })

  it('keeps a held row the caller says is newer than the page’s copy', () => {
    const held = [{ id: 4, v: 'edited' }]
    expect(mergePage(held, fresh(2, 4), 0, null, (a) => a.v === 'edited')).toEqual([
      { id: 2, v: 'new' },
      { id: 4, v: 'edited' }
    ])
  })

  it('puts a new row in id order and replaces a known one', () => {
    expect(putById(rows(1, 5), { id: 3, v: 'new' }).map((r) => r.id)).toEqual([1, 3, 5])
    expect(putById(rows(1, 5), { id: 5, v: 'new' })).toEqual([
      { id: 1, v: 'old' },
      { id: 5, v: 'new' }
    ])
  })

  it('does the same for the lights, kept by KPI id', () => {
    const light = (kpiId: number, level: string) => ({ kpiId, level })
    const lights = { 1: light(1, 'red'), 4: light(4, 'green'), 9: light(9, 'yellow') }
    // KPI 4 was retired: the page of (0, 4] no longer has it.
    expect(mergeKeyedPage(lights, [light(1, 'green')], (s) => s.kpiId, 0, 4)).toEqual({ 1: light(1, 'green'), 9: light(9, 'yellow') })
  })
})

describe('sorting while the board streams in', () => {
  it('puts rows of a later page in their sorted place, ties keeping the id order', () => {
    const ctx = { locale: 'en', statuses: {} }
    const query = { ...emptyQuery, sort: { field: 'owner' as const, dir: 'asc' as const } }
    const [a, b, c, d] = [
      kpiView({ code: 'K-1', name: 'One', owner: 'Mia' }, { id: 1 }),
      kpiView({ code: 'K-2', name: 'Two', owner: 'Zoe' }, { id: 2 }),
      kpiView({ code: 'K-3', name: 'Three', owner: 'Ann' }, { id: 3 }),
      kpiView({ code: 'K-4', name: 'Four', owner: 'Mia' }, { id: 4 })
    ]
    const codes = (list: Parameters<typeof buildRows>[0]) => buildRows(list, query, ctx).map((r) => (r.kind === 'kpi' ? r.kpi.code : ''))
    const first = mergePage([], [a!, b!], 0, 2, () => false)
    expect(codes(first)).toEqual(['K-1', 'K-2'])
    const whole = mergePage(first, [c!, d!], 2, null, () => false)
    expect(codes(whole)).toEqual(['K-3', 'K-1', 'K-4', 'K-2'])
  })
})
