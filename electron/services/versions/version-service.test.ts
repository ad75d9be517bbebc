import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { tempWorkspace } from '../testing/temp-workspace'

let ws: ReturnType<typeof tempWorkspace>
let core: Core
let boardId: number
const actor = 'po'

beforeEach(() => {
  ws = tempWorkspace()
  core = ws.core
  boardId = core.boards.create('Support', '', actor).id
})
afterEach(() => ws.cleanup())

describe('board versions', () => {
  it('cuts versions with suggested labels, diffs them and restores the board', () => {
    const response = core.kpis.add(boardId, { code: 'KPI-001', name: '工单平均响应时间', target: '30 分钟内' }, { actor })
    const accuracy = core.kpis.add(boardId, { code: 'KPI-002', name: 'AI 推荐准确率', target: '90%' }, { actor })
    expect(core.versions.suggest(boardId)).toBe('v0.1')
    const v01 = core.versions.cut(boardId, { note: 'from PRD' }, actor)
    expect(v01).toMatchObject({ label: 'v0.1', kpiCount: 2, note: 'from PRD' })

    core.kpis.edit(response.id, { target: '≤ 40分钟' }, { actor, reason: 'trial data' })
    core.kpis.retire(accuracy.id, { actor })
    const sla = core.kpis.add(boardId, { code: 'KPI-003', name: 'SLA 达成率', target: '≥ 95%' }, { actor })
    const v02 = core.versions.cut(boardId, {}, actor)
    expect(v02.label).toBe('v0.2')

    const diff = core.versions.diff(boardId, 'v0.1', 'v0.2')
    expect(diff.added.map((k) => k.code)).toEqual(['KPI-003'])
    expect(diff.removed.map((k) => k.code)).toEqual(['KPI-002'])
    expect(diff.changed).toHaveLength(1)
    expect(diff.changed[0]).toMatchObject({ code: 'KPI-001', fromRevision: 1, toRevision: 2 })
    const target = diff.changed[0]?.changes.find((c) => c.field === 'target')
    expect(target).toMatchObject({ from: { text: '30 分钟内' }, to: { text: '≤ 40分钟' } })

    const outcome = core.versions.restore(boardId, 'v0.1', 'back to the PRD draft', actor)
    expect(outcome).toEqual({ restored: 2, retired: 1, unchanged: 0 })
    const live = core.kpis.list(boardId)
    expect(live.map((k) => k.code)).toEqual(['KPI-001', 'KPI-002'])
    expect(live[0]?.target?.text).toBe('30 分钟内')
    expect(core.kpis.get(sla.id).stage).toBe('retired')
    expect(core.versions.diff(boardId, 'v0.1', 'current')).toMatchObject({ added: [], removed: [], changed: [] })
    expect(core.kpis.history(response.id).at(-1)).toMatchObject({ kind: 'restore', source: 'rollback', reason: 'back to the PRD draft' })
    expect(core.versions.kpis(boardId, 'v0.2').map((k) => k.target?.text)).toEqual(['≤ 40分钟', '≥ 95%'])
  })

  it('refuses a duplicate label and an unknown version without writing', () => {
    core.kpis.add(boardId, { code: 'A', name: 'a' }, { actor })
    core.versions.cut(boardId, { label: 'v0.1' }, actor)
    expect(() => core.versions.cut(boardId, { label: 'v0.1' }, actor)).toThrow(expect.objectContaining({ code: 'DUPLICATE_LABEL' }))
    expect(() => core.versions.diff(boardId, 'v0.1', 'v9.9')).toThrow(expect.objectContaining({ code: 'VERSION_NOT_FOUND' }))
    expect(core.versions.list(boardId)).toHaveLength(1)
  })
})
