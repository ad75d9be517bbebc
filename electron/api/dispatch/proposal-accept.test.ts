import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from './runtime'
import type { FieldPatch } from '../../domain/proposal'
import { tempWorkspace } from '../../services/testing/temp-workspace'

let ws: ReturnType<typeof tempWorkspace>
let runtime: Runtime
let boardId: number
const actor = 'po'
const ctx = { actor, signal: new AbortController().signal, emit: () => {} }

beforeEach(async () => {
  ws = tempWorkspace({ now: () => Date.parse('2025-12-10T09:00:00Z') })
  ws.core.close()
  runtime = await createRuntime({ file: ws.file, create: false, mode: 'web', version: 't', systemLocale: 'en' })
  const { core } = runtime
  const app = join(ws.dir, 'app.db')
  new Database(app).exec('CREATE TABLE orders (created_at TEXT)').close()
  core.sources.save({ name: 'shop', kind: 'sqlite', url: app }, actor, 'add')
  boardId = core.boards.create('Shop', '', actor).id
})
afterEach(() => {
  runtime.close()
  ws.cleanup()
})

/** An assistant proposal for one KPI, stored as a review would store it. */
function propose(code: string, patches: Omit<FieldPatch, 'rationale'>[]): number {
  const [stored] = runtime.core.proposals.store(boardId, 'draft', 'assistant', [
    { kind: 'patch', code, rationale: 'the model says so', patches: patches.map((p) => ({ ...p, rationale: 'because' })) }
  ])
  return stored!.id
}

const accept = (id: number, decision: Record<string, unknown> = {}) => runtime.dispatch('proposal.accept', { id, ...decision }, ctx)

describe('accepting a proposal goes through the manual action’s rules', () => {
  it('meets the stage gates: draft → operating is refused, stays pending, and says what is missing', async () => {
    const kpi = runtime.core.kpis.add(boardId, { code: 'K1', name: 'Orders', target: '≥ 100' }, { actor })
    const id = propose('K1', [{ field: 'stage', value: 'operating' }])
    const refused = await accept(id)
    expect(refused).toMatchObject({ ok: false, error: { code: 'GATE_BLOCKED', message: expect.stringContaining('stays pending') } })
    expect(runtime.core.proposals.get(id).status).toBe('pending')
    expect(runtime.core.kpis.get(kpi.id)).toMatchObject({ stage: 'draft', revisionNumber: 1 })

    // With a reason, as a manual move would take it, the override is recorded in the revision.
    expect(await accept(id, { note: 'agreed in the kickoff' })).toMatchObject({ ok: true, data: { status: 'accepted' } })
    const head = runtime.core.kpis.history(kpi.id).at(-1)!
    expect(head).toMatchObject({ source: 'assistant', proposalId: id })
    expect(head.reason).toMatch(/^Gate overridden \(.*gate\.owner.*\): agreed in the kickoff$/)
    expect(runtime.core.kpis.get(kpi.id).stage).toBe('operating')
  })

  it('judges the gates on the KPI as the accepted fields leave it', async () => {
    const kpi = runtime.core.kpis.add(
      boardId,
      { code: 'K2', name: 'Orders', target: '≥ 100 users', formula: 'SELECT count(*) FROM orders', dataSource: 'shop', frequency: 'daily' },
      { actor }
    )
    const id = propose('K2', [
      { field: 'owner', value: '运营' },
      { field: 'stage', value: 'feasibility' }
    ])
    expect(await accept(id)).toMatchObject({ ok: true, data: { status: 'accepted' } })
    expect(runtime.core.kpis.get(kpi.id)).toMatchObject({ stage: 'feasibility', owner: '运营' })
  })

  it('refuses a formula that writes on the connected source, before anything is stored', async () => {
    const kpi = runtime.core.kpis.add(boardId, { code: 'K3', name: 'Orders', formula: 'SELECT count(*) FROM orders', dataSource: 'shop' }, { actor })
    const id = propose('K3', [{ field: 'formula', value: 'DROP TABLE orders' }])
    expect(await accept(id)).toMatchObject({ ok: false, error: { code: 'SOURCE_WRITE_REFUSED' } })
    expect(runtime.core.proposals.get(id).status).toBe('pending')
    expect(runtime.core.kpis.get(kpi.id)).toMatchObject({ formula: 'SELECT count(*) FROM orders', revisionNumber: 1 })
    // The manual edit meets the same check.
    const manual = await runtime.dispatch('kpi.edit', { kpiId: kpi.id, set: { formula: 'SELECT 1; DELETE FROM orders' } }, ctx)
    expect(manual).toMatchObject({ ok: false, error: { code: 'SOURCE_WRITE_REFUSED' } })
  })

  it('keeps the target locked after launch unless the user re-baselines it with a reason', async () => {
    const kpi = runtime.core.kpis.add(boardId, { code: 'K4', name: 'Orders', target: '≥ 100' }, { actor })
    await runtime.core.lifecycle.setStage(kpi.id, 'launched', { reason: 'launched last quarter', confirmTarget: true }, actor)
    const id = propose('K4', [{ field: 'target', value: { text: '≥ 80', parsed: null } }])
    expect(await accept(id)).toMatchObject({ ok: false, error: { code: 'TARGET_LOCKED' } })
    expect(await accept(id, { rebaseline: true })).toMatchObject({ ok: false, error: { code: 'TARGET_LOCKED' } })
    expect(runtime.core.proposals.get(id).status).toBe('pending')
    expect(await accept(id, { rebaseline: true, note: 'seasonal low' })).toMatchObject({ ok: true })
    expect(runtime.core.kpis.history(kpi.id).at(-1)).toMatchObject({ kind: 'rebaseline', reason: 'seasonal low' })
  })
})

describe('accepting a proposal with changes', () => {
  it('records the edited value in the new revision and says so, keeping the proposed value for reference', async () => {
    const kpi = runtime.core.kpis.add(boardId, { code: 'K5', name: 'Activation', target: '≥ 50%' }, { actor })
    const id = propose('K5', [
      { field: 'target', value: '≥ 60%' },
      { field: 'owner', value: 'Growth' }
    ])
    const accepted = await accept(id, { edits: { target: '≥ 55%', owner: 'Growth' } })
    expect(accepted).toMatchObject({ ok: true, data: { status: 'accepted', acceptedEdits: [{ field: 'target', proposed: '≥ 60%', accepted: '≥ 55%' }] } })
    // Typing the proposed value back is no change: only the target was edited.
    expect(runtime.core.kpis.get(kpi.id)).toMatchObject({ target: { text: '≥ 55%' }, owner: 'Growth' })
    const head = runtime.core.kpis.history(kpi.id).at(-1)!
    expect(head).toMatchObject({ proposalId: id, acceptedEdits: [{ field: 'target', proposed: '≥ 60%', accepted: '≥ 55%' }] })
    expect(head.reason).toContain('with changes (target proposed "≥ 60%", accepted "≥ 55%")')
    const audit = runtime.core.deps.sqlite.prepare("SELECT summary, details FROM audit_log WHERE action = 'proposal.accept'").get() as {
      summary: string
      details: string
    }
    expect(audit.summary).toMatch(/^Accepted proposal #\d+ for K5 with changes/)
    expect(JSON.parse(audit.details)).toMatchObject({ edited: [{ field: 'target', proposed: '≥ 60%', accepted: '≥ 55%' }] })
  })

  it('says nothing of changes when the proposal is accepted as proposed', async () => {
    const kpi = runtime.core.kpis.add(boardId, { code: 'K6', name: 'Churn' }, { actor })
    const id = propose('K6', [{ field: 'owner', value: 'Ops' }])
    expect(await accept(id)).toMatchObject({ ok: true, data: { acceptedEdits: null } })
    expect(runtime.core.kpis.history(kpi.id).at(-1)!.acceptedEdits).toBeUndefined()
  })
})
