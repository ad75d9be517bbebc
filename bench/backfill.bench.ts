import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { createCore } from '../electron/services/core'
import { report } from './harness'

const PG_URL = 'postgres://postgres@127.0.0.1:5432/test'
const DAYS = 365
const RUNS = 3

/**
 * Backfilling 365 daily periods from PostgreSQL: one mapped report query grouped by day against the
 * baseline of the same KPI as a one-number formula, bound and run once per day. Both store the same values.
 */
export async function backfillBench(): Promise<boolean> {
  const schema = `kpiloop_backfill_${process.pid}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-backfill-bench-'))
  const core = createCore(join(dir, 'bench.kpiloop'), { access: 'write', create: true })
  try {
    await admin.query(`CREATE SCHEMA ${schema}`)
    await admin.query(`CREATE TABLE ${schema}.orders (ordered_on date, channel text, amount numeric(10,2))`)
    await admin.query(
      `INSERT INTO ${schema}.orders SELECT DATE '2025-01-01' + (i % ${DAYS}), (ARRAY['web', 'app', 'api'])[1 + i % 3], (i % 97) + 0.5 FROM generate_series(1, 200000) i`
    )
    await admin.query(`CREATE INDEX ON ${schema}.orders (ordered_on)`)
    const actor = 'bench'
    core.sources.save({ name: 'warehouse', kind: 'postgres', url: `${PG_URL}?schema=${schema}` }, actor, 'add')
    const boardId = core.boards.create('Backfill', '', actor).id
    const range = { from: '2025-01-01', to: '2026-01-01' }
    let n = 0
    const pullOnce = async (formula: string, mapping: Parameters<typeof core.kpis.add>[1]['mapping']) => {
      const kpi = core.kpis.add(boardId, { code: `B${++n}`, name: 'Revenue per day', frequency: 'daily', dataSource: 'warehouse', formula, mapping }, { actor })
      const started = performance.now()
      const summary = await core.pull.pull({ boardId, kpiIds: [kpi.id], ...range }, actor)
      const ms = performance.now() - started
      const queryMs = summary.results[0]?.queryMs ?? 0
      return { ms, queryMs, stored: summary.stored, values: core.measurements.list(kpi.id).map((m) => `${m.periodStart}=${m.value}`) }
    }
    const mapped = `SELECT ordered_on AS day, channel, COUNT(*) AS orders, SUM(amount) AS revenue FROM orders
WHERE ordered_on >= :period_start AND ordered_on < :period_end GROUP BY 1, 2`
    const single = 'SELECT SUM(amount) FROM orders WHERE ordered_on >= :period_start AND ordered_on < :period_end'
    const oneQuery: number[] = []
    const perDay: number[] = []
    const inDatabase: [number, number][] = []
    let same = true
    let stored = 0
    for (let run = 0; run < RUNS; run++) {
      const a = await pullOnce(mapped, { value: 'revenue', period: 'day', grain: 'day', combine: { kind: 'sum' } })
      const b = await pullOnce(single, null)
      oneQuery.push(a.ms)
      perDay.push(b.ms)
      inDatabase.push([a.queryMs, b.queryMs])
      stored = Math.min(a.stored, b.stored)
      same &&= a.values.join() === b.values.join()
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
    const ratio = median(perDay) / median(oneQuery)
    return report(`Backfill of ${DAYS} daily periods from PostgreSQL (median of ${RUNS})`, [
      { name: 'values stored by each, equal', value: `${stored}, ${same ? 'equal' : 'DIFFERENT'}`, ok: stored === DAYS && same, goal: `${DAYS}, equal` },
      {
        name: 'one mapped query vs 365 single-period queries, whole pull',
        value: `${median(oneQuery).toFixed(0)} ms vs ${median(perDay).toFixed(0)} ms = ${ratio.toFixed(1)}× faster`,
        ok: ratio >= 3,
        goal: '≥ 3× faster'
      },
      {
        name: 'of which in PostgreSQL (last run)',
        value: `${inDatabase.at(-1)![0].toFixed(0)} ms vs ${inDatabase.at(-1)![1].toFixed(0)} ms`,
        ok: true,
        goal: 'reported'
      }
    ])
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
  }
}
