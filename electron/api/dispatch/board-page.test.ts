import { afterEach, describe, expect, it } from 'vitest'
import type { BoardPage, KpiStatus, KpiView } from '../../domain/views'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { procedureCaller } from './testing/dispatch'

// Issue 19 (board): a board read page by page by a keyset cursor, in the order and with the content of the whole list.

let ws: ReturnType<typeof tempWorkspace> | undefined
afterEach(() => ws?.cleanup())

async function board(size: number) {
  ws = tempWorkspace({ now: () => Date.parse('2026-12-03T09:00:00Z') })
  const api = procedureCaller(ws.core)
  const { id: boardId } = await api.call<{ id: number }>('board.create', { name: 'Growth' })
  const kpis: KpiView[] = []
  for (let i = 1; i <= size; i++) {
    const fields = {
      code: `K-${i}`,
      name: `Metric ${i}`,
      target: '≥ 100 per month',
      unit: 'users',
      frequency: 'monthly',
      stage: i % 3 === 0 ? 'trial' : 'draft'
    }
    kpis.push(await api.call<KpiView>('kpi.add', { boardId, fields }))
  }
  return { api, boardId, kpis }
}

type Caller = ReturnType<typeof procedureCaller>

/** Every page of a board, following `next` as the renderer's stream does. */
async function allPages<T>(api: Caller, name: 'kpi.page' | 'status.page', input: Record<string, unknown>, limit: number) {
  const pages: BoardPage<T>[] = []
  let after: number | undefined
  do {
    const page = await api.call<BoardPage<T>>(name, { ...input, limit, ...(after ? { after } : {}) })
    pages.push(page)
    after = page.next ?? undefined
  } while (after !== undefined)
  return pages
}

describe('kpi.page', () => {
  it('returns every KPI exactly once, in the order of kpi.list, across pages, with retired KPIs left out or included', async () => {
    const { api, boardId, kpis } = await board(23)
    for (const kpi of [kpis[4]!, kpis[11]!, kpis[22]!]) await api.call('kpi.retire', { kpiId: kpi.id })

    for (const includeRetired of [false, true]) {
      const whole = await api.call<KpiView[]>('kpi.list', { boardId, includeRetired })
      const pages = await allPages<KpiView>(api, 'kpi.page', { boardId, includeRetired }, 4)
      expect(pages.flatMap((p) => p.rows)).toEqual(whole)
      // Counted once, on the first page: a count walks the whole board.
      expect(pages.map((p) => p.total)).toEqual(pages.map((_, i) => (i === 0 ? whole.length : null)))
      expect(pages.at(-1)!.next).toBeNull()
      expect(pages.slice(0, -1).every((p) => p.rows.length === 4)).toBe(true)
    }
    expect((await api.call<KpiView[]>('kpi.list', { boardId })).map((k) => k.code)).not.toContain('K-23')
  })

  it('a board of exactly one page says so (no empty page to fetch), and an empty board answers an empty last page', async () => {
    const { api, boardId } = await board(5)
    expect(await api.call('kpi.page', { boardId, limit: 5 })).toMatchObject({ next: null, total: 5 })
    const { id: empty } = await api.call<{ id: number }>('board.create', { name: 'Empty' })
    expect(await api.call('kpi.page', { boardId: empty, limit: 200 })).toEqual({ rows: [], next: null, total: 0 })
  })

  it('edits, additions and retirements between pages neither repeat nor skip a KPI (the cursor is the last id, not an offset)', async () => {
    const { api, boardId, kpis } = await board(12)
    const first = await api.call<BoardPage<KpiView>>('kpi.page', { boardId, limit: 5 })
    // Someone retires a KPI already read, renames one not yet read and adds one while the stream is under way.
    await api.call('kpi.retire', { kpiId: kpis[1]!.id })
    await api.call('kpi.edit', { kpiId: kpis[7]!.id, set: { name: 'Renamed' } })
    const added = await api.call<KpiView>('kpi.add', { boardId, fields: { code: 'K-NEW', name: 'Added meanwhile' } })
    let after = first.next!
    const later: KpiView[] = []
    for (;;) {
      const page = await api.call<BoardPage<KpiView>>('kpi.page', { boardId, after, limit: 5 })
      later.push(...page.rows)
      if (page.next === null) break
      after = page.next
    }
    const seen = [...first.rows, ...later].map((k) => k.code)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual([...kpis.map((k) => k.code), 'K-NEW'])
    expect(later.find((k) => k.id === kpis[7]!.id)?.name).toBe('Renamed')
    expect(later.at(-1)?.id).toBe(added.id)
  })

  it('refuses a page size above 5,000 or below 1 with a field and a limit the UI translates, and an unknown board', async () => {
    const { api, boardId } = await board(1)
    expect(await api.failure('kpi.page', { boardId, limit: 5001 })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'limit', problem: 'tooBig', limit: 5000 }
    })
    expect(await api.failure('kpi.page', { boardId, limit: 0 })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'limit', problem: 'tooSmall', limit: 1 }
    })
    expect(await api.failure('status.page', { boardId, limit: 10_000 })).toMatchObject({ code: 'VALIDATION', details: { field: 'limit', problem: 'tooBig' } })
    expect(await api.failure('kpi.page', { boardId: boardId + 99, limit: 10 })).toMatchObject({ code: 'BOARD_NOT_FOUND' })
  })
})

describe('status.page', () => {
  it('gives the same lights, values and latest proposals as status.board, page by page', async () => {
    const { api, boardId, kpis } = await board(14)
    for (const [i, kpi] of kpis.entries()) {
      if (i % 2 === 0) await api.call('actuals.add', { kpiId: kpi.id, periodStart: '2026-11-01', periodEnd: '2026-12-01', value: 60 + i * 5 })
    }
    await api.call('kpi.retire', { kpiId: kpis[6]!.id })
    await api.call('review.run', { boardId, stage: 'draft', engine: 'analyzer' })

    const whole = await api.call<KpiStatus[]>('status.board', { boardId })
    const pages = await allPages<KpiStatus>(api, 'status.page', { boardId }, 3)
    expect(pages.flatMap((p) => p.rows)).toEqual(whole)
    expect(whole.some((s) => s.level === 'green') && whole.some((s) => s.level === 'red')).toBe(true)
    expect(whole.some((s) => s.latestProposal !== null)).toBe(true)
    expect(pages.map((p) => p.total)).toEqual([13, null, null, null, null])
  })

  it('status.rows gives the lights of the KPIs an event named, as status.board has them; a retired or foreign KPI has none', async () => {
    const { api, boardId, kpis } = await board(6)
    await api.call('actuals.add', { kpiId: kpis[2]!.id, periodStart: '2026-11-01', periodEnd: '2026-12-01', value: 150 })
    await api.call('kpi.retire', { kpiId: kpis[4]!.id })
    const { id: other } = await api.call<{ id: number }>('board.create', { name: 'Other' })
    const foreign = await api.call<KpiView>('kpi.add', { boardId: other, fields: { code: 'X-1', name: 'Elsewhere' } })

    const whole = await api.call<KpiStatus[]>('status.board', { boardId })
    const rows = await api.call<KpiStatus[]>('status.rows', { boardId, kpiIds: [kpis[2]!.id, kpis[4]!.id, foreign.id, kpis[0]!.id] })
    expect(rows).toEqual([whole.find((s) => s.kpiId === kpis[2]!.id), whole.find((s) => s.kpiId === kpis[0]!.id)])
    expect(rows[0]).toMatchObject({ value: 150, level: 'green' })
  })
})
