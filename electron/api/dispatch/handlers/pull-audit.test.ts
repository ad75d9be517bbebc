import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { AuditView, PullSummary } from '../../../domain/views'
import { counts, tempWorkspace } from '../../../services/testing/temp-workspace'
import { procedureCaller } from '../testing/dispatch'

let ws: ReturnType<typeof tempWorkspace>
let api: ReturnType<typeof procedureCaller>
let boardId: number
const actor = 'analyst'

beforeEach(() => {
  ws = tempWorkspace({ now: () => Date.parse('2025-12-10T09:30:00Z') })
  api = procedureCaller(ws.core)
  const file = join(ws.dir, 'warehouse.sqlite')
  const db = new Database(file)
  db.exec(`CREATE TABLE tickets (day TEXT, n INTEGER);
    INSERT INTO tickets VALUES ('2025-12-09', 12), ('2025-12-08', 7);`)
  db.close()
  ws.core.sources.save({ name: 'wh', kind: 'sqlite', url: `sqlite://${file}` }, actor, 'add')
  boardId = ws.core.boards.create('Support', '', actor).id
  for (const code of ['T1', 'T2', 'T3']) {
    ws.core.kpis.add(
      boardId,
      {
        code,
        name: `Tickets ${code}`,
        target: '≥ 5',
        frequency: 'daily',
        dataSource: 'wh',
        formula: 'SELECT SUM(n) FROM tickets WHERE day >= :period_start AND day < :period_end'
      },
      { actor }
    )
  }
})
afterEach(() => ws.cleanup())

const pull = () => api.call<PullSummary>('actuals.pull', { boardId })
const auditSince = async (afterId: number) => (await api.call<AuditView[]>('audit.list', { boardId })).filter((a) => a.id > afterId)

it('a pull that stores new values audits each KPI; an identical second pull writes one row saying nothing was new', async () => {
  const first = await pull()
  expect(first.stored).toBe(3)
  const latest = (await api.call<AuditView[]>('audit.list', { boardId }))[0]!.id

  const before = counts(ws.core).audit
  const second = await pull()
  expect(second).toMatchObject({ stored: 0, failed: 0 })
  expect(counts(ws.core).audit - before).toBe(1)
  const [row] = await auditSince(latest)
  expect(row).toMatchObject({ action: 'actuals.pull', kpiId: null, summary: 'Pulled 3 KPIs: nothing new', details: { pulled: 3, stored: 0 } })
})

it('a pull where one KPI finds a new value audits that KPI only, with no "nothing new" row', async () => {
  await pull()
  const latest = (await api.call<AuditView[]>('audit.list', { boardId }))[0]!.id
  const t2 = ws.core.kpis.list(boardId).find((k) => k.code === 'T2')!
  ws.core.kpis.edit(t2.id, { formula: 'SELECT SUM(n) * 2 FROM tickets WHERE day >= :period_start AND day < :period_end' }, { actor })
  const afterEdit = (await api.call<AuditView[]>('audit.list', { boardId }))[0]!.id
  expect(afterEdit).toBeGreaterThan(latest)

  expect((await pull()).stored).toBe(1)
  const rows = await auditSince(afterEdit)
  expect(rows.map((r) => [r.action, r.kpiId])).toEqual([['actuals.add', t2.id]])
})
