import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallContext } from '..'
import { createDispatcher, type Dispatch } from './dispatcher'
import { createHandlers } from './handlers'
import { tempWorkspace } from '../../services/testing/temp-workspace'

let ws: ReturnType<typeof tempWorkspace>
let dispatch: Dispatch
const logged: unknown[] = []
const ctx: CallContext = { actor: 'tester', signal: new AbortController().signal, emit: () => {} }

beforeEach(() => {
  ws = tempWorkspace()
  const handlers = createHandlers(ws.core, { version: 'test', mode: 'web', systemLocale: 'zh-CN' })
  dispatch = createDispatcher(
    {
      ...handlers,
      'board.list': () => {
        throw new Error('disk on fire at /secret/path')
      }
    },
    (e) => logged.push(e)
  )
})
afterEach(() => ws.cleanup())

describe('the dispatcher every shell uses', () => {
  it('validates input before any handler runs', async () => {
    expect(await dispatch('board.create', { name: '' }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch('board.create', { name: 'x', extra: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch('kpi.edit', { kpiId: 'one', set: {} }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('answers data, and domain errors as codes the UI translates', async () => {
    const created = await dispatch('board.create', { name: '增长看板' }, ctx)
    expect(created).toMatchObject({ ok: true, data: { name: '增长看板', kpiCount: 0 } })
    expect(await dispatch('board.create', { name: '增长看板' }, ctx)).toMatchObject({ ok: false, error: { code: 'DUPLICATE_BOARD' } })
    expect(await dispatch('kpi.get', { kpiId: 42 }, ctx)).toMatchObject({ ok: false, error: { code: 'KPI_NOT_FOUND' } })
    expect(await dispatch('board.explode', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } })
  })

  it('refuses a typed target it cannot read, saving nothing, unless the caller keeps it as flagged text', async () => {
    const board = (await dispatch('board.create', { name: 'Growth' }, ctx)) as { ok: true; data: { id: number } }
    const refused = await dispatch('kpi.add', { boardId: board.data.id, fields: { code: 'K1', name: '满意度', target: '明显好于竞品' } }, ctx)
    expect(refused).toMatchObject({ ok: false, error: { code: 'TARGET_UNPARSED', details: { text: '明显好于竞品' } } })
    expect(await dispatch('kpi.list', { boardId: board.data.id }, ctx)).toMatchObject({ ok: true, data: [] })
    const kept = await dispatch(
      'kpi.add',
      { boardId: board.data.id, fields: { code: 'K1', name: '满意度', target: '明显好于竞品' }, allowUnparsedTarget: true },
      ctx
    )
    expect(kept).toMatchObject({ ok: true, data: { target: { text: '明显好于竞品', parsed: null } } })
    const kpiId = (kept as { ok: true; data: { id: number } }).data.id
    expect(await dispatch('kpi.edit', { kpiId, set: { target: '越快越好' } }, ctx)).toMatchObject({ ok: false, error: { code: 'TARGET_UNPARSED' } })
    expect(await dispatch('kpi.edit', { kpiId, set: { target: '≥ 4.5/5' } }, ctx)).toMatchObject({ ok: true, data: { revisionNumber: 2 } })
  })

  it('never lets an unexpected error cross the boundary as a stack trace', async () => {
    const result = await dispatch('board.list', {}, ctx)
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.not.stringContaining('/secret/path') } })
    expect(logged).toHaveLength(1)
  })

  it('records the caller as author of what it changes', async () => {
    const board = await dispatch('board.create', { name: 'B' }, ctx)
    const boardId = (board as { data: { id: number } }).data.id
    const kpi = await dispatch('kpi.add', { boardId, fields: { code: 'K1', name: 'NPS', target: '≥ 40' } }, ctx)
    expect(kpi).toMatchObject({ ok: true, data: { updatedBy: 'tester', target: { parsed: { comparator: '>=', value: 40 } } } })
  })
})
