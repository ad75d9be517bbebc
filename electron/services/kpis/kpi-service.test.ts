import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { counts, tempWorkspace } from '../testing/temp-workspace'

let ws: ReturnType<typeof tempWorkspace>
let core: Core
let boardId: number
const actor = 'sarah'

beforeEach(() => {
  ws = tempWorkspace()
  core = ws.core
  boardId = core.boards.create('AI Manus', '', actor).id
})
afterEach(() => ws.cleanup())

const addRetention = () =>
  core.kpis.add(boardId, { code: 'KPI-U003', name: '用户次日留存率', target: '≥ 60%', owner: '产品经理', frequency: 'daily' }, { actor })

describe('KPI revisions', () => {
  it('parses a typed target, keeps its text, and fills unit and direction', () => {
    const kpi = addRetention()
    expect(kpi.revisionNumber).toBe(1)
    expect(kpi.target).toMatchObject({ text: '≥ 60%', parsed: { comparator: '>=', value: 60, unit: '%' } })
    expect(kpi.unit).toBe('%')
    expect(kpi.direction).toBe('higher')
    expect(core.kpis.history(kpi.id)[0]).toMatchObject({ kind: 'create', source: 'human', author: actor })
  })

  it('reads a bare level for the metric it measures: 90% uptime is at least 90%, 2% churn at most 2%', () => {
    const uptime = core.kpis.add(boardId, { code: 'KPI-T1', name: 'Service uptime', target: '99.9%' }, { actor })
    expect(uptime.target?.parsed).toEqual({ comparator: '>=', value: 99.9, unit: '%', comparatorInferred: true })
    expect(uptime.direction).toBe('higher')
    const churn = core.kpis.edit(core.kpis.add(boardId, { code: 'KPI-B2', name: '月流失率' }, { actor }).id, { target: '2%' }, { actor })
    expect(churn.target?.parsed).toMatchObject({ comparator: '<=', value: 2, comparatorInferred: true })
    expect(churn.direction).toBe('lower')
  })

  it('keeps a target the parser cannot read, flagged, with its original text', () => {
    const kpi = core.kpis.add(boardId, { code: 'KPI-X', name: '留存', target: '提升留存' }, { actor })
    expect(kpi.target?.text).toBe('提升留存')
    expect(kpi.target?.parsed).toBeNull()
    expect(kpi.target?.issue).toBeTruthy()
  })

  it('records every edit as a new immutable revision with who, why and source', () => {
    const kpi = addRetention()
    core.kpis.edit(kpi.id, { target: '≥ 55%' }, { actor, reason: 'dev review: tracking gaps' })
    const third = core.kpis.edit(kpi.id, { target: '≥ 58%', owner: 'PM Li' }, { actor: 'li', reason: 'trial data' })
    expect(third.revisionNumber).toBe(3)
    const history = core.kpis.history(kpi.id)
    expect(history.map((r) => r.target?.text)).toEqual(['≥ 60%', '≥ 55%', '≥ 58%'])
    expect(history.map((r) => r.author)).toEqual([actor, actor, 'li'])
    expect(history[1]?.reason).toBe('dev review: tracking gaps')
    const diff = core.kpis.diff(kpi.id, 1, 3)
    expect(diff.changes.map((c) => c.field).sort()).toEqual(['owner', 'target'])
    expect(diff.changes.find((c) => c.field === 'owner')).toMatchObject({ from: '产品经理', to: 'PM Li' })
  })

  it('does not create a revision when nothing changes', () => {
    const kpi = addRetention()
    const again = core.kpis.edit(kpi.id, { target: '≥ 60%', owner: '产品经理' }, { actor })
    expect(again.revisionNumber).toBe(1)
    expect(counts(core).revisions).toBe(1)
  })

  it('restores an earlier revision as a new revision', () => {
    const kpi = addRetention()
    core.kpis.edit(kpi.id, { target: '≥ 50%', name: '次日留存' }, { actor })
    const restored = core.kpis.restore(kpi.id, 1, { actor })
    expect(restored.revisionNumber).toBe(3)
    expect(restored.name).toBe('用户次日留存率')
    expect(restored.target?.text).toBe('≥ 60%')
    expect(core.kpis.history(kpi.id)[2]).toMatchObject({ kind: 'restore', source: 'rollback', reason: 'Restored revision 1' })
  })

  it('retires a KPI out of the active board and reinstates it to its former stage', () => {
    const kpi = addRetention()
    core.kpis.edit(kpi.id, { stage: 'trial' }, { actor })
    core.kpis.retire(kpi.id, { actor, reason: 'duplicate of D7' })
    expect(core.kpis.list(boardId)).toHaveLength(0)
    expect(core.kpis.list(boardId, true)[0]?.stage).toBe('retired')
    expect(core.kpis.reinstate(kpi.id, { actor }).stage).toBe('trial')
  })

  it('locks the target after launch: a change is a re-baseline with a reason', () => {
    const kpi = addRetention()
    core.kpis.edit(kpi.id, { stage: 'launched' }, { actor })
    expect(() => core.kpis.edit(kpi.id, { target: '≥ 65%' }, { actor })).toThrow(expect.objectContaining({ code: 'TARGET_LOCKED' }))
    expect(() => core.kpis.edit(kpi.id, { target: '≥ 65%' }, { actor, rebaseline: true })).toThrow(expect.objectContaining({ code: 'TARGET_LOCKED' }))
    const rebased = core.kpis.edit(kpi.id, { target: '≥ 65%' }, { actor, rebaseline: true, reason: 'Q3 plan' })
    expect(core.kpis.history(kpi.id).at(-1)?.kind).toBe('rebaseline')
    const meaning = core.kpis.edit(rebased.id, { formula: 'SELECT 1' }, { actor })
    expect(meaning.major).toBe(2)
    expect(core.kpis.history(kpi.id).at(-1)?.kind).toBe('meaning')
  })

  it('refuses duplicate and empty codes and an unknown board, leaving the workspace unchanged', () => {
    addRetention()
    const before = counts(core)
    expect(() => addRetention()).toThrow(expect.objectContaining({ code: 'DUPLICATE_CODE' }))
    expect(() => core.kpis.add(boardId, { code: '  ', name: 'x' }, { actor })).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(() => core.kpis.add(9999, { code: 'A', name: 'x' }, { actor })).toThrow(expect.objectContaining({ code: 'BOARD_NOT_FOUND' }))
    const other = core.kpis.add(boardId, { code: 'KPI-U004', name: '7日留存率' }, { actor })
    expect(() => core.kpis.edit(other.id, { code: 'KPI-U003' }, { actor })).toThrow(expect.objectContaining({ code: 'DUPLICATE_CODE' }))
    expect(counts(core)).toEqual({ ...before, kpis: before.kpis + 1, revisions: before.revisions + 1, audit: before.audit + 1 })
  })

  it('writes an audit entry for every mutation', () => {
    const kpi = addRetention()
    core.kpis.edit(kpi.id, { target: '≥ 61%' }, { actor, reason: 'why not' })
    const actions = core.audit.list({ boardId, limit: 10 }).map((e) => e.action)
    expect(actions).toEqual(['kpi.edit', 'kpi.add', 'board.create'])
  })
})

describe('one change to many KPIs', () => {
  it('assigns a data source to a selection as one revision each, and changes none when one refuses', () => {
    const a = addRetention()
    const b = core.kpis.add(boardId, { code: 'KPI-B003', name: '任务成功率', target: '≥ 95%', sourceNote: '任务服务日志' }, { actor })
    const launched = core.kpis.add(boardId, { code: 'KPI-B001', name: '系统可用性', target: '≥ 99.9%', stage: 'launched' }, { actor })
    const before = counts(core)
    const views = core.kpis.editMany([a.id, b.id, a.id], { dataSource: 'warehouse' }, { actor, reason: 'warehouse connected' })
    expect(views.map((v) => [v.code, v.dataSource, v.revisionNumber, v.sourceNote])).toEqual([
      ['KPI-U003', 'warehouse', 2, ''],
      ['KPI-B003', 'warehouse', 2, '任务服务日志']
    ])
    expect(counts(core)).toMatchObject({ revisions: before.revisions + 2, audit: before.audit + 2 })
    const after = counts(core)
    expect(() => core.kpis.editMany([a.id, launched.id], { target: '≥ 50%' }, { actor })).toThrow(/locked since launch/)
    expect(counts(core)).toEqual(after)
    expect(core.kpis.get(a.id).target?.text).toBe('≥ 60%')
  })
})
