import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import mysql from 'mysql2/promise'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { periodContaining, type Period } from '../../domain/period'
import type { SourceKind } from '../connectors'
import { tempWorkspace } from '../testing/temp-workspace'
import { REPORT_CASES, type ReportCase } from './testing/report-queries'
import { warehouseStatements } from './testing/report-warehouse'
import { serversUp } from '../testing/servers'

// Report queries pulled through the app on three engines, each period checked against a SQL of its own on PostgreSQL.
const suffix = randomBytes(4).toString('hex')
const schema = `kpi_reports_${suffix}`
const mariadb = `kpi_reports_${suffix}`
const dir = mkdtempSync(join(tmpdir(), 'kpi-reports-'))
const duckFile = join(dir, 'warehouse.duckdb')
const expectations = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' })
const actor = 'analyst'
const ws = tempWorkspace({ now: () => Date.parse('2026-01-15T10:00:00Z') })
const { core } = ws
const board = core.boards.create('Reports', '', actor).id

async function mariaAdmin(sql: string): Promise<void> {
  const connection = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' })
  try {
    await connection.query(sql)
  } finally {
    await connection.end()
  }
}

beforeAll(async () => {
  await expectations.connect()
  await expectations.query(`CREATE SCHEMA ${schema}`)
  await expectations.query(`SET search_path = ${schema}`)
  for (const statement of warehouseStatements('postgres')) await expectations.query(statement)
  const duck = await DuckDBInstance.create(duckFile)
  const connection = await duck.connect()
  for (const statement of warehouseStatements('duckdb')) await connection.run(statement)
  connection.closeSync()
  duck.closeSync()
  await mariaAdmin(`CREATE DATABASE ${mariadb}`)
  for (const statement of warehouseStatements('mysql', `${mariadb}.`)) await mariaAdmin(statement)
  core.sources.save({ name: 'pg', kind: 'postgres', url: `postgres://postgres@127.0.0.1:5432/test?schema=${schema}` }, actor, 'add')
  core.sources.save({ name: 'duck', kind: 'duckdb', url: `duckdb://${duckFile}` }, actor, 'add')
  core.sources.save({ name: 'maria', kind: 'mysql', url: `mysql://root@127.0.0.1:3306/${mariadb}` }, actor, 'add')
}, 120_000)

afterAll(async () => {
  await expectations.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await expectations.end()
  await mariaAdmin(`DROP DATABASE IF EXISTS ${mariadb}`)
  ws.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

function periodsOf(grain: ReportCase['grain'], range: ReportCase['range']): Period[] {
  const periods: Period[] = []
  for (let p = periodContaining(range.from, grain); p.start < range.to; p = periodContaining(p.end, grain)) periods.push({ start: p.start, end: p.end })
  return periods
}

/** The expected value of each period, by the case's own SQL; null where the data holds none. */
async function expectedValues(c: ReportCase): Promise<Map<string, number>> {
  const values = new Map<string, number>()
  for (const period of periodsOf(c.grain, c.range)) {
    const { rows } = await expectations.query({ text: c.expected, values: [period.start, period.end], rowMode: 'array' })
    const value = rows[0]?.[0]
    if (value !== null && value !== undefined) values.set(period.start, Number(value))
  }
  return values
}

const expected = new Map<string, Promise<Map<string, number>>>()
const expectedOf = (c: ReportCase) => {
  if (!expected.has(c.id)) expected.set(c.id, expectedValues(c))
  return expected.get(c.id)!
}

async function pullThroughTheApp(c: ReportCase, source: string, formula: string, engine: string) {
  const kpi = core.kpis.add(
    board,
    { code: `${c.kpi.code}-${engine}`, name: c.kpi.name, target: c.kpi.target, frequency: c.kpi.frequency, dataSource: source, formula },
    { actor }
  )
  const preview = await core.pull.preview(kpi.id, { start: c.range.from, end: c.range.to })
  if (c.proposes) expect(preview.proposal.mapping, 'the proposed mapping').toEqual(c.proposes)
  const mapping = c.mapping ?? preview.proposal.mapping
  core.kpis.edit(kpi.id, { mapping }, { actor, reason: 'mapping confirmed' })
  const summary = await core.pull.pull({ boardId: board, kpiIds: [kpi.id], from: c.range.from, to: c.range.to }, actor)
  expect(summary.results[0], summary.results[0]?.message).toMatchObject({ outcome: 'pulled' })
  return new Map(core.measurements.list(kpi.id).map((m) => [m.periodStart, m]))
}

async function check(c: ReportCase, source: string, kind: SourceKind, formula: string) {
  const stored = await pullThroughTheApp(c, source, formula, kind)
  const want = await expectedOf(c)
  expect(want.size, 'periods with data').toBeGreaterThan(2)
  expect([...stored.keys()].sort()).toEqual([...want.keys()].sort())
  for (const [start, value] of want) {
    const m = stored.get(start)!
    expect(Math.abs(m.value - value), `${start}: ${m.value} vs ${value}`).toBeLessThanOrEqual(c.tolerance + 1e-9)
    expect(m.periodEnd).toBe(periodContaining(start, c.grain).end)
  }
}

const up = await serversUp('report queries', 'postgres', 'mysql')
describe.skipIf(!up)('report queries on PostgreSQL', { timeout: 60_000 }, () => {
  it('holds at least 20 of them', () => expect(REPORT_CASES.length).toBeGreaterThanOrEqual(20))
  it.each(REPORT_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => check(c, 'pg', 'postgres', c.sql.postgres))
})

describe.skipIf(!up)('the same report queries on DuckDB', { timeout: 60_000 }, () => {
  it.each(REPORT_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => check(c, 'duck', 'duckdb', c.sql.duckdb ?? c.sql.postgres))
})

describe.skipIf(!up)('the report queries MariaDB can express', { timeout: 60_000 }, () => {
  const cases = REPORT_CASES.filter((c) => c.sql.mysql)
  it('covers counts, ratios, weights, segments, quarters and bound ranges', () => expect(cases.length).toBeGreaterThanOrEqual(10))
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => check(c, 'maria', 'mysql', c.sql.mysql!))
})
