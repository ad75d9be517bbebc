import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { createCore } from '../electron/services/core'
import { report } from './harness'

const KPIS = Number(process.env.KPILOOP_BENCH_KPIS ?? 1_000)
const WEEKS = 52
const PG_URL = 'postgres://postgres@127.0.0.1:5432/test'

/** Backfilling 1,000 KPIs × 52 weeks from PostgreSQL: storing vs raw better-sqlite3 inserts. */
export async function pullBench(): Promise<boolean> {
  const schema = `kpiloop_bench_${process.pid}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-pull-bench-'))
  const core = createCore(join(dir, 'bench.kpiloop'), { access: 'write', create: true })
  try {
    await admin.query(`CREATE SCHEMA ${schema}`)
    await admin.query(`CREATE TABLE ${schema}.weekly (kpi int, week date, value double precision)`)
    await admin.query(
      `INSERT INTO ${schema}.weekly SELECT k, DATE '2024-01-01' + (w * 7), k + w * 1.5 FROM generate_series(1, ${KPIS}) k, generate_series(0, ${WEEKS - 1}) w`
    )
    await admin.query(`CREATE INDEX ON ${schema}.weekly (kpi, week)`)
    const actor = 'bench'
    core.sources.save({ name: 'warehouse', kind: 'postgres', url: `${PG_URL}?schema=${schema}` }, actor, 'add')
    const boardId = core.boards.create('Bench', '', actor).id
    core.transaction(() => {
      for (let k = 1; k <= KPIS; k++) {
        const formula = `SELECT week, value FROM weekly WHERE kpi = ${k} AND week >= :period_start AND week < :period_end ORDER BY week`
        core.kpis.add(boardId, { code: `K${k}`, name: `KPI ${k}`, frequency: 'weekly', dataSource: 'warehouse', formula, stage: 'trial' }, { actor })
      }
    })
    // The baseline writes the same rows, raw, into a table of the same shape and index as `measurement`,
    // one transaction per KPI like the pull. Each KPI's rows are stored both ways back to back, in
    // alternating order, so that both sides run in the same state of caches, heap and WAL.
    const sqlite = core.deps.sqlite
    sqlite.exec('CREATE TABLE raw_measurement AS SELECT * FROM measurement WHERE 0')
    sqlite.exec('CREATE INDEX raw_measurement_kpi_period ON raw_measurement (kpi_id, period_start, period_end)')
    const insert = sqlite.prepare(
      'INSERT INTO raw_measurement (kpi_id, period_start, period_end, value, source, data_source_id, query_hash, note, author, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    type Items = Parameters<typeof core.measurements.addMany>[1]
    const rawBatch = sqlite.transaction((items: Items) => {
      for (const { kpiId, m } of items)
        insert.run(kpiId, m.period.start, m.period.end, m.value, m.source, m.dataSourceId ?? null, m.queryHash ?? null, '', actor, Date.now())
    })
    // Storing is the time spent inside addMany (validation, dedup against current values, inserts, audit, commit).
    const addMany = core.measurements.addMany
    let storeMs = 0
    let rawMs = 0
    let rawRows = 0
    let calls = 0
    const timed = <T>(work: () => T): [T, number] => {
      const start = performance.now()
      const result = work()
      return [result, performance.now() - start]
    }
    core.measurements.addMany = (...args) => {
      const raw = () => {
        const [, ms] = timed(() => rawBatch(args[1]))
        rawMs += ms
        rawRows += args[1].length
      }
      if (calls++ % 2) raw()
      const [stored, ms] = timed(() => addMany(...args))
      storeMs += ms
      if (calls % 2) raw()
      return stored
    }
    const started = performance.now()
    const summary = await core.pull.pull({ boardId, from: '2024-01-01', to: '2024-12-30' }, actor)
    const total = performance.now() - started - rawMs
    const queryMs = summary.results.reduce((ms, r) => ms + (r.queryMs ?? 0), 0)

    const rows = summary.stored
    const storeRate = rows / (storeMs / 1000)
    const rawRate = rawRows / (rawMs / 1000)
    return report(`Backfill from PostgreSQL: ${KPIS} KPIs × ${WEEKS} weeks`, [
      { name: 'values stored', value: `${rows} (${summary.failed} failed)`, ok: rows === KPIS * WEEKS && summary.failed === 0, goal: `${KPIS * WEEKS}` },
      {
        name: 'time in PostgreSQL / storing / whole pull',
        value: `${queryMs.toFixed(0)} ms / ${storeMs.toFixed(0)} ms / ${total.toFixed(0)} ms`,
        ok: true,
        goal: 'reported'
      },
      {
        name: 'store rate vs raw inserts',
        value: `${storeRate.toFixed(0)}/s vs ${rawRate.toFixed(0)}/s = ${(storeRate / rawRate).toFixed(2)}`,
        ok: storeRate >= rawRate * 0.5,
        goal: '≥ 0.5'
      }
    ])
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
  }
}
