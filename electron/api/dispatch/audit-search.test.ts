import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditPage } from '../../domain/views'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { procedureCaller } from './testing/dispatch'

let ws: ReturnType<typeof tempWorkspace>
beforeEach(() => (ws = tempWorkspace()))
afterEach(() => ws.cleanup())

describe('audit.search', () => {
  it('filters a board’s log by KPI, actor, action family and time, a page at a time, and keeps what the sentence needs', async () => {
    const li = procedureCaller(ws.core, '李')
    const wang = procedureCaller(ws.core, '王')
    const board = await li.call<{ id: number }>('board.create', { name: '看板' })
    const a = await li.call<{ id: number }>('kpi.add', { boardId: board.id, fields: { code: 'KPI-A', name: '甲', target: '≥ 55%' } })
    await li.call('kpi.add', { boardId: board.id, fields: { code: 'KPI-B', name: '乙' } })
    await wang.call('kpi.edit', { kpiId: a.id, set: { target: '≥ 60%' }, reason: '试运行达标' })
    await wang.call('version.cut', { boardId: board.id, label: 'v1' })
    const search = (filter: Record<string, unknown>) => li.call<AuditPage>('audit.search', { boardId: board.id, ...filter })

    const all = await search({})
    expect(all.total).toBe(5)
    expect(all.actors).toEqual(['李', '王'])
    expect((await search({ kpiId: a.id })).entries.map((e) => e.action)).toEqual(['kpi.edit', 'kpi.add'])
    expect((await search({ actor: '王' })).entries.map((e) => e.action)).toEqual(['version.cut', 'kpi.edit'])
    expect((await search({ action: 'kpi.' })).total).toBe(3)
    expect((await search({ action: 'version.cut' })).entries).toHaveLength(1)
    expect((await search({ to: all.entries.at(-1)!.at })).total).toBe(0)
    expect((await search({ from: all.entries[0]!.at })).total).toBeGreaterThanOrEqual(1)

    const page = await search({ limit: 2, offset: 2 })
    expect(page.entries.map((e) => e.id)).toEqual(all.entries.slice(2, 4).map((e) => e.id))
    expect(page.total).toBe(5)

    const edit = (await search({ action: 'kpi.edit' })).entries[0]!
    expect(edit.details).toMatchObject({ code: 'KPI-A', reason: '试运行达标', changes: [{ field: 'target', from: { text: '≥ 55%' }, to: { text: '≥ 60%' } }] })
  })
})

describe('invalid input', () => {
  it('names the field and the problem instead of zod’s words', async () => {
    const li = procedureCaller(ws.core)
    const board = await li.call<{ id: number }>('board.create', { name: '看板' })
    expect(await li.failure('kpi.add', { boardId: board.id, fields: { code: 'KPI-A', name: '  ' } })).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'name', problem: 'empty' }
    })
    expect(await li.failure('kpi.add', { boardId: board.id, fields: { code: 'KPI-A', name: null } })).toMatchObject({
      details: { field: 'name', problem: 'required' }
    })
    expect(await li.failure('kpi.add', { boardId: board.id, fields: { code: 'KPI-A', name: 'x', stage: 'done' } })).toMatchObject({
      details: { field: 'stage', problem: 'choice' }
    })
    expect(await li.failure('kpi.add', { boardId: board.id, fields: { code: 'KPI-A', name: 'x', owner: 5 } })).toMatchObject({
      details: { field: 'owner', problem: 'kind' }
    })
  })
})
