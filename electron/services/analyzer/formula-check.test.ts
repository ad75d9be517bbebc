import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewKpi } from '../../domain/kpi-input'
import { tempWorkspace } from '../testing/temp-workspace'
import { feasibilityProposals } from './feasibility-rules'
import { createFormulaCheck } from './formula-check'
import type { ProposalDraft } from '../../domain/proposal'
import { patchOf } from './test-fixtures'
import type { AnalyzerKpi } from './types'
import { serversUp } from '../testing/servers'

// The feasibility check asks the database itself; names the SQL only defines (aliases, CTEs, subqueries) are never "missing".
const schema = `kpi_feas_${randomBytes(4).toString('hex')}`
const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' })
const ws = tempWorkspace({ now: () => Date.parse('2025-12-03T08:00:00Z') })
const { core } = ws
const actor = 'po'
const board = core.boards.create('Feasibility', '', actor).id
const check = createFormulaCheck({ sources: core.sources, pull: core.pull, now: core.now })

beforeAll(async () => {
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`)
  await admin.query(`CREATE TABLE tasks (created_at TIMESTAMP, task_type TEXT, status TEXT, "Duration Ms" INTEGER)`)
  await admin.query(`INSERT INTO tasks VALUES ('2025-11-03 10:00', 'coding', 'completed', 900), ('2025-11-04 10:00', 'coding', 'failed', 1200)`)
  await admin.query(`CREATE TABLE financial_metrics (date DATE, revenue NUMERIC, operating_cost NUMERIC, infrastructure_investment NUMERIC)`)
  await admin.query(`INSERT INTO financial_metrics VALUES ('2025-08-01', 900, 300, 200), ('2025-09-01', 800, 300, 100)`)
  core.sources.save({ name: 'pg', kind: 'postgres', url: `postgres://postgres@127.0.0.1:5432/test?schema=${schema}` }, actor, 'add')
  const file = join(ws.dir, 'lite.sqlite')
  const lite = new Database(file)
  lite.exec("CREATE TABLE tasks (day TEXT, status TEXT); INSERT INTO tasks VALUES ('2025-11-03', 'completed')")
  lite.close()
  core.sources.save({ name: 'lite', kind: 'sqlite', url: `sqlite://${file}` }, actor, 'add')
})
afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await admin.end()
  ws.cleanup()
})

const patchesOf = (proposal: ProposalDraft | undefined, withRationale = false) =>
  proposal?.kind === 'patch' ? proposal.patches.map((p) => (withRationale ? p : [p.field, p.value])) : []

let n = 0
function kpi(fields: Partial<NewKpi>): AnalyzerKpi {
  const view = core.kpis.add(board, { code: `F${++n}`, name: 'Task success rate', target: '≥ 95%', frequency: 'daily', dataSource: 'pg', ...fields }, { actor })
  return { id: view.id, fields: core.kpis.get(view.id) }
}

const up = await serversUp('the feasibility check', 'postgres')
describe.skipIf(!up)('the feasibility check of a formula', () => {
  it('finds nothing missing in aliases, CTE outputs, subquery columns, quoted and schema-qualified names', async () => {
    const formula = `WITH daily AS (
  SELECT DATE_TRUNC('day', t.created_at)::date AS day, COUNT(*) AS total_tasks,
         COUNT(*) FILTER (WHERE t.status = 'completed') AS done, AVG(t."Duration Ms") AS avg_ms
  FROM ${schema}.tasks t WHERE t.created_at >= :period_start AND t.created_at < :period_end GROUP BY 1
)
SELECT d.day, s.rate, d.avg_ms FROM daily d
JOIN (SELECT day, done * 100.0 / total_tasks AS rate FROM daily) s ON s.day = d.day`
    const result = await check(kpi({ formula }))
    expect(result).toMatchObject({ ok: true, proposal: { mapping: { value: 'rate', period: 'day' } } })
  })

  it('names a column the database does not know, pointed at in the formula', async () => {
    const result = await check(kpi({ formula: 'SELECT AVG(t.session_minutes)\nFROM tasks t WHERE t.created_at >= :period_start' }))
    expect(result).toEqual({
      ok: false,
      code: 'missing-column',
      missing: ['t.session_minutes'],
      message: 'column t.session_minutes does not exist (line 1, column 14: SELECT AVG(t.session_minutes))'
    })
    const table = await check(kpi({ formula: 'SELECT COUNT(*) FROM analytics.orders_v2' }))
    expect(table).toMatchObject({ ok: false, code: 'missing-table', missing: ['analytics.orders_v2'] })
    const lite = await check(kpi({ dataSource: 'lite', formula: 'SELECT COUNT(*) FROM tasks WHERE day >= :period_start AND state = 1' }))
    expect(lite).toMatchObject({
      ok: false,
      code: 'missing-column',
      missing: ['state'],
      message: 'no such column: state (line 1, column 59: SELECT COUNT(*) FROM tasks WHERE day >= :period_start AND state = 1)'
    })
  })

  it('proposes the date rewrite (and the frequency its dates spanned) for a formula pinned to November', async () => {
    const subject = kpi({
      name: 'Tasks in the month',
      target: '≥ 2 tasks',
      formula: "SELECT COUNT(*) FROM tasks\nWHERE created_at >= '2025-11-01' AND created_at < '2025-12-01'"
    })
    const result = await check(subject)
    expect(result).toMatchObject({ ok: true, value: 2, unbound: { rewrite: { grain: 'month', frequency: 'monthly' } } })
    const [proposal] = feasibilityProposals(subject, result)
    expect(patchOf(proposal, 'formula')!.rationale).toContain(
      "- WHERE created_at >= '2025-11-01' AND created_at < '2025-12-01'\n+ WHERE created_at >= :period_start AND created_at < :period_end"
    )
    expect(patchesOf(proposal)).toEqual([
      ['formula', 'SELECT COUNT(*) FROM tasks\nWHERE created_at >= :period_start AND created_at < :period_end'],
      ['frequency', 'monthly']
    ])
  })

  it('accepts an ROI target above 100% and still caps a share at 100%', async () => {
    const roi = kpi({
      name: '基础设施ROI',
      target: '≥ 200%',
      frequency: 'quarterly',
      formula: `SELECT ROUND((SUM(revenue) - SUM(operating_cost)) * 100.0 / SUM(infrastructure_investment), 2) AS roi_percentage
FROM financial_metrics WHERE date >= :period_start AND date < :period_end`
    })
    const result = await check(roi)
    expect(result).toMatchObject({ ok: true, value: 366.67 })
    expect(feasibilityProposals(roi, result)).toEqual([])
    const share = kpi({
      name: '任务成功率',
      target: '≥ 120%',
      formula: "SELECT COUNT(*) FILTER (WHERE status = 'completed') * 100.0 / NULLIF(COUNT(*), 0) FROM tasks WHERE created_at >= :period_start"
    })
    expect(feasibilityProposals(share, await check(share))[0]!.rule).toBe('feasibility.implausible-target')
  })

  it('asks for a connection when the PRD only described the source', async () => {
    const subject = kpi({ name: '下单转化率', dataSource: '', sourceNote: '埋点事件 + 订单库', formula: 'SELECT COUNT(*) FROM events' })
    const [proposal, ...rest] = feasibilityProposals(subject, await check(subject))
    expect(rest).toEqual([])
    expect(proposal!.rule).toBe('feasibility.assign-source')
    expect(patchesOf(proposal, true)).toEqual([
      {
        field: 'notes',
        value: '分析器：请为该指标指定一个已连接的数据源（PRD 中写的是：埋点事件 + 订单库）。',
        rationale: '“埋点事件 + 订单库”只是数据来源的描述，不是连接；指定连接后公式才能运行。'
      }
    ])
  })
})
