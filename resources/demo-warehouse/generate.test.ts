import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_TABLES, generateDemoWarehouse } from './generate'

const dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-demo-'))
const full = path.join(dir, 'demo.duckdb')
let generated: { tables: string[]; rows: number }

async function query(file: string, sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })
  const connection = await instance.connect()
  try {
    return (await connection.runAndReadAll(sql)).getRowsJS() as unknown[][]
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

async function row(file: string, sql: string): Promise<unknown[]> {
  return (await query(file, sql))[0] ?? []
}

/** An order-independent fingerprint of every table's content. */
async function fingerprint(file: string): Promise<string[]> {
  const sums: string[] = []
  for (const table of DEMO_TABLES) {
    const [count, sum] = await row(file, `SELECT COUNT(*), SUM(hash(t)::HUGEINT) FROM ${table} t`)
    sums.push(`${table}:${String(count)}:${String(sum)}`)
  }
  return sums
}

beforeAll(async () => {
  generated = await generateDemoWarehouse(full, { endDate: '2026-06-30' })
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('generateDemoWarehouse', () => {
  it('creates every table with a year of data', async () => {
    expect(generated.tables).toEqual([...DEMO_TABLES])
    expect(generated.rows).toBeGreaterThan(500_000)
    const [first, last] = await row(full, 'SELECT MIN(activity_date), MAX(activity_date) FROM user_activity')
    expect(String((first as Date).toISOString()).slice(0, 10)).toBe('2025-07-01')
    expect(String((last as Date).toISOString()).slice(0, 10)).toBe('2026-06-30')
  })

  it('tells a story: growth, quieter weekends and a latency regression after a failed deployment', async () => {
    const mau = (
      await query(
        full,
        `SELECT date_trunc('month', activity_date) AS m, COUNT(DISTINCT user_id) FROM user_activity
      WHERE task_executed >= 1 GROUP BY 1 ORDER BY 1`
      )
    ).map((r) => Number(r[1]))
    expect(mau.at(-1)!).toBeGreaterThan(mau[1]! * 5)
    const [weekday, weekend] = await row(
      full,
      `SELECT
      COUNT(*) FILTER (WHERE dayofweek(activity_date) BETWEEN 1 AND 5) / 5.0,
      COUNT(*) FILTER (WHERE dayofweek(activity_date) IN (0, 6)) / 2.0 FROM user_activity`
    )
    expect(Number(weekend)).toBeLessThan(Number(weekday) * 0.75)
    const p95 = (
      await query(
        full,
        `SELECT date_trunc('week', timestamp) AS w, quantile_cont(response_time, 0.95) FROM api_logs
      WHERE timestamp >= DATE '2026-01-01' GROUP BY 1 ORDER BY 1`
      )
    ).map((r) => Number(r[1]))
    expect(Math.max(...p95)).toBeGreaterThan(700)
    expect(p95.at(-1)!).toBeLessThan(560)
    const [failed] = await row(full, "SELECT COUNT(*) FROM deployment_logs WHERE status = 'failed'")
    expect(Number(failed)).toBeGreaterThan(0)
    const [down, incidents] = await row(
      full,
      `SELECT (SELECT COUNT(*) FROM system_health_checks WHERE status = 'down'),
      (SELECT COUNT(*) FROM incident_management WHERE severity_level IN ('P0', 'P1'))`
    )
    expect(Number(incidents)).toBeGreaterThan(0)
    expect(Number(down)).toBeGreaterThan(0)
  })

  it('is deterministic: the same seed and end date give identical data, another seed does not', async () => {
    const a = path.join(dir, 'a.duckdb')
    const b = path.join(dir, 'b.duckdb')
    const c = path.join(dir, 'c.duckdb')
    await generateDemoWarehouse(a, { endDate: '2026-03-31', days: 90, seed: 7 })
    await generateDemoWarehouse(b, { endDate: '2026-03-31', days: 90, seed: 7 })
    await generateDemoWarehouse(c, { endDate: '2026-03-31', days: 90, seed: 8 })
    const fa = await fingerprint(a)
    expect(await fingerprint(b)).toEqual(fa)
    expect(await fingerprint(c)).not.toEqual(fa)
  }, 120_000)

  it('rejects options it cannot honour', async () => {
    await expect(generateDemoWarehouse(path.join(dir, 'x.duckdb'), { endDate: '30/06/2026' })).rejects.toThrow(/ISO date/)
    await expect(generateDemoWarehouse(path.join(dir, 'x.duckdb'), { endDate: '2026-06-30', days: 3 })).rejects.toThrow(/days/)
  })
})
