import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { tempWorkspace } from '../testing/temp-workspace'
import { boardStatus } from './board-status'

let ws: ReturnType<typeof tempWorkspace>
let core: Core
let boardId: number
let appDb: string
const actor = 'po'

beforeEach(() => {
  ws = tempWorkspace({ now: () => Date.parse('2025-12-10T09:00:00Z') })
  core = ws.core
  boardId = core.boards.create('Support desk', '', actor).id
  // The team's own application database, opened read-only by the connector.
  appDb = join(ws.dir, 'app.db')
  const app = new Database(appDb)
  app.exec('CREATE TABLE tickets (id INTEGER PRIMARY KEY, created_at TEXT, resolved_hours REAL)')
  const insert = app.prepare('INSERT INTO tickets (created_at, resolved_hours) VALUES (?, ?)')
  for (const [month, hours] of [
    ['2025-09', [6, 8, 10]],
    ['2025-10', [5, 7, 9]],
    ['2025-11', [4, 6, 8]]
  ] as const) {
    hours.forEach((h, i) => insert.run(`${month}-0${i + 1}`, h))
  }
  app.close()
  core.sources.save({ name: 'helpdesk', kind: 'sqlite', url: appDb }, actor, 'add')
})
afterEach(() => ws.cleanup())

const FORMULA = 'SELECT AVG(resolved_hours) FROM tickets WHERE created_at >= :period_start AND created_at < :period_end'

describe('the lifecycle loop', () => {
  it('lints a draft, accepts one field of the proposal and keeps the rest in history', async () => {
    const kpi = core.kpis.add(boardId, { code: 'KPI-U012', name: '工单解决时间', target: '显著缩短' }, { actor })
    const review = await core.analyzerReview({ boardId, stage: 'draft' })
    const proposal = review.proposals.find((p) => p.code === 'KPI-U012')!
    expect(proposal).toMatchObject({ engine: 'analyzer', stage: 'draft', kind: 'patch', status: 'pending' })
    const fields = proposal.patches.map((p) => p.field)
    expect(fields).toContain('alertThresholds')
    const accepted = await core.proposals.accept(proposal.id, { fields: ['alertThresholds'] }, actor)
    expect(accepted.proposal.status).toBe(fields.length > 1 ? 'partial' : 'accepted')
    expect(accepted.kpi.alertThresholds).toMatchObject({ redRatio: 0.8, yellowRatio: 0.9 })
    const last = core.kpis.history(kpi.id).at(-1)!
    expect(last).toMatchObject({ source: 'analyzer', proposalId: proposal.id })
    await expect(core.proposals.accept(proposal.id, {}, actor)).rejects.toMatchObject({ code: 'PROPOSAL_DECIDED' })
    expect(core.proposals.list(boardId, { status: 'partial' }).length + core.proposals.list(boardId, { status: 'accepted' }).length).toBe(1)
  })

  it('blocks an unmet gate unless a reason is given, and records the override', async () => {
    const kpi = core.kpis.add(boardId, { code: 'K1', name: 'Ticket resolution time', target: '≤ 8h' }, { actor })
    await expect(core.lifecycle.setStage(kpi.id, 'feasibility', {}, actor)).rejects.toMatchObject({ code: 'GATE_BLOCKED' })
    expect(core.kpis.get(kpi.id).stage).toBe('draft')
    const move = await core.lifecycle.setStage(kpi.id, 'feasibility', { reason: 'owner named in the kickoff' }, actor)
    expect(move.overridden).toBe(true)
    expect(move.checklist.filter((i) => !i.ok).map((i) => i.id)).toEqual(expect.arrayContaining(['gate.owner', 'gate.frequency']))
    expect(core.kpis.history(kpi.id).at(-1)?.reason).toMatch(/^Gate overridden .*owner named in the kickoff/)
  })

  it('walks a KPI from draft to operating on real pulled actuals', async () => {
    const kpi = core.kpis.add(
      boardId,
      { code: 'K2', name: '工单解决时间', target: '≤ 8小时', owner: '客服经理', frequency: 'monthly', dataSource: 'helpdesk', formula: FORMULA },
      { actor }
    )
    core.versions.cut(boardId, {}, actor)
    expect((await core.lifecycle.setStage(kpi.id, 'feasibility', {}, actor)).overridden).toBe(false)
    const toTrial = await core.lifecycle.setStage(kpi.id, 'trial', {}, actor)
    expect(toTrial.checklist.find((i) => i.id === 'gate.formula-runs')).toMatchObject({ ok: true, detail: '6' })

    const pulled = await core.pull.pull({ boardId, from: '2025-09-01', to: '2025-12-01' }, actor)
    expect(pulled.results[0]).toMatchObject({ outcome: 'pulled', stored: 3 })
    expect(core.measurements.list(kpi.id).map((m) => [m.periodStart, m.value])).toEqual([
      ['2025-09-01', 8],
      ['2025-10-01', 7],
      ['2025-11-01', 6]
    ])
    expect((await core.pull.pull({ boardId, from: '2025-09-01', to: '2025-12-01' }, actor)).stored).toBe(0)

    await expect(core.lifecycle.setStage(kpi.id, 'launched', {}, actor)).rejects.toMatchObject({ code: 'GATE_BLOCKED' })
    await core.lifecycle.setStage(kpi.id, 'launched', { confirmTarget: true }, actor)
    expect(() => core.kpis.edit(kpi.id, { target: '≤ 6小时' }, { actor })).toThrow(expect.objectContaining({ code: 'TARGET_LOCKED' }))
    core.kpis.edit(kpi.id, { target: '≤ 6小时' }, { actor, rebaseline: true, reason: 'trial beat the target every month' })
    await core.lifecycle.setStage(kpi.id, 'operating', {}, actor)
    expect(core.kpis.history(kpi.id).map((r) => r.kind)).toEqual(['create', 'stage', 'stage', 'stage', 'rebaseline', 'stage'])
    expect(boardStatus(core, boardId)[0]).toMatchObject({ value: 6, level: 'green' })
  })

  it('keeps an earlier pulled value in history when the source changes', async () => {
    const kpi = core.kpis.add(
      boardId,
      { code: 'K3', name: 'Resolution', target: '≤ 8h', frequency: 'monthly', dataSource: 'helpdesk', formula: FORMULA },
      { actor }
    )
    await core.pull.pull({ boardId, from: '2025-11-01', to: '2025-12-01' }, actor)
    const app = new Database(appDb)
    app.prepare("INSERT INTO tickets (created_at, resolved_hours) VALUES ('2025-11-20', 12)").run()
    app.close()
    await core.pull.pull({ boardId, from: '2025-11-01', to: '2025-12-01' }, actor)
    expect(core.measurements.list(kpi.id).map((m) => m.value)).toEqual([7.5])
    expect(core.measurements.history(kpi.id).map((m) => m.value)).toEqual([6, 7.5])
  })

  it('imports actuals from CSV all or nothing, and reports the failing line', async () => {
    const kpi = core.kpis.add(boardId, { code: 'NPS', name: '净推荐值', target: '≥ 40' }, { actor })
    await expect(
      core.measurements.importCsv(boardId, 'code,period_start,period_end,value\nNPS,2025-10-01,2025-11-01,38\nNPS,2025-11-01,2025-12-01,forty\n', actor)
    ).rejects.toThrow(/line 3.*forty/)
    expect(core.measurements.list(kpi.id)).toEqual([])
    expect(
      await core.measurements.importCsv(
        boardId,
        '\uFEFFcode,period_start,period_end,value,note\r\nNPS,2025-10-01,2025-11-01,38,Q4 survey\r\nNPS,2025-11-01,2025-12-01,"1,042",\r\n',
        actor
      )
    ).toBe(2)
    expect(core.measurements.list(kpi.id).map((m) => m.value)).toEqual([38, 1042])
    expect(boardStatus(core, boardId)[0]?.level).toBe('green')
  })
})
