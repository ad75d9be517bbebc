import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runCli } from './testing/run-cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const PRD = resolve(import.meta.dirname, '../services/prd-import/fixtures/english-structured.md')
let dir: string
let db: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-walk-'))
  db = join(dir, 'walk.kpiloop')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const kpiloop = (...args: string[]) => runCli(db, args, { KPILOOP_ACTOR: 'po', KPILOOP_LLM_BASE_URL: '', KPILOOP_LLM_MODEL: '' })
const json = async (...args: string[]) => {
  const result = await kpiloop('--json', ...args)
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0)
  return JSON.parse(result.stdout)
}

// One board from PRD to operating, through the CLI only, as a script or a cron job would drive it.
describe('the lifecycle through the CLI', { timeout: 300_000 }, () => {
  it('imports, reviews, accepts, moves through the gates, records actuals and re-baselines', async () => {
    const dry = await json('import', PRD, '--board', 'Copilot', '--dry-run')
    expect(dry.candidates.map((c: { fields: { code: string } }) => c.fields.code)).toEqual(['KPI-1', 'KPI-2', 'KPI-001', 'KPI-3'])
    // A dry run writes nothing, not even the workspace: reading it afterwards names the missing file.
    const list = await kpiloop('--json', 'board', 'list')
    expect([list.code, JSON.parse(list.stdout).error.code]).toEqual([1, 'WORKSPACE_MISSING'])

    const imported = await json('import', PRD, '--board', 'Copilot')
    expect(imported.result).toMatchObject({ created: 4, version: 'v0.1' })

    const review = await kpiloop('--json', 'review', '--board', 'Copilot', '--stage', 'draft', '--engine', 'analyzer')
    expect(review.code).toBe(0)
    const pending = await json('proposal', 'list', '--board', 'Copilot', '--status', 'pending')
    const forKpi3 = pending.find((p: { code: string }) => p.code === 'KPI-3')
    expect(forKpi3.patches.length).toBeGreaterThan(0)
    const field = forKpi3.patches[0].field
    const accepted = await json('proposal', 'accept', String(forKpi3.id), '--fields', field)
    expect(accepted.proposal.status).toBe(forKpi3.patches.length > 1 ? 'partial' : 'accepted')
    const history = await json('kpi', 'history', '--board', 'Copilot', 'KPI-3')
    expect(history.at(-1)).toMatchObject({ source: 'analyzer', proposalId: forKpi3.id })

    const blocked = await kpiloop('stage', 'set', '--board', 'Copilot', 'KPI-1', 'trial')
    expect(blocked.code).toBe(3)
    expect(blocked.stderr).toMatch(/cannot move to trial/)
    await json('kpi', 'edit', '--board', 'Copilot', 'KPI-1', '--set', 'dataSource=manual')
    await json('stage', 'set', '--board', 'Copilot', 'KPI-1', 'trial', '--reason', 'activation tracked by hand during the pilot')

    const csv = join(dir, 'actuals.csv')
    writeFileSync(csv, 'code,period_start,period_end,value\nKPI-1,2025-09-01,2025-10-01,31\nKPI-1,2025-10-01,2025-11-01,38\n')
    expect(await json('actuals', 'import', csv, '--board', 'Copilot')).toEqual({ stored: 2 })
    await json('actuals', 'add', 'KPI-1', '--board', 'Copilot', '--period', '2025-11', '--value', '44')
    expect((await json('actuals', 'list', 'KPI-1', '--board', 'Copilot')).map((m: { value: number }) => m.value)).toEqual([31, 38, 44])
    const status = await json('status', '--board', 'Copilot')
    expect(status.find((s: { code: string }) => s.code === 'KPI-1')).toMatchObject({ value: 44, level: 'green' })

    expect((await kpiloop('stage', 'set', '--board', 'Copilot', 'KPI-1', 'launched')).code).toBe(3)
    await json('stage', 'set', '--board', 'Copilot', 'KPI-1', 'launched', '--confirm-target')
    const locked = await kpiloop('kpi', 'edit', '--board', 'Copilot', 'KPI-1', '--set', 'target=≥ 45% within 30 days')
    expect(locked.code).not.toBe(0)
    expect(locked.stderr).toMatch(/locked since launch/)
    await json('kpi', 'edit', '--board', 'Copilot', 'KPI-1', '--set', 'target=≥ 45% within 30 days', '--rebaseline', '--reason', 'pilot beat the target')
    await json('stage', 'set', '--board', 'Copilot', 'KPI-1', 'operating')
    await json('version', 'cut', '--board', 'Copilot', '--label', 'v1.1', '--note', 'first operating cycle')

    const kinds = (await json('kpi', 'history', '--board', 'Copilot', 'KPI-1')).map((r: { kind: string; source: string }) => `${r.kind}/${r.source}`)
    expect(kinds).toEqual(['create/import', 'edit/human', 'stage/human', 'stage/human', 'rebaseline/human', 'stage/human'])
    expect((await json('version', 'list', '--board', 'Copilot')).map((v: { label: string }) => v.label)).toEqual(['v0.1', 'v1.1'])
    const diff = await json('version', 'diff', '--board', 'Copilot', 'v0.1', 'v1.1')
    const kpi1 = diff.changed.find((c: { code: string }) => c.code === 'KPI-1')
    expect(kpi1.changes.map((c: { field: string }) => c.field)).toEqual(expect.arrayContaining(['target', 'stage', 'dataSource']))
  })
})
