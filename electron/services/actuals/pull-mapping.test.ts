import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewKpi } from '../../domain/kpi-input'
import { tempWorkspace } from '../testing/temp-workspace'
import { duePulls } from './pull-scheduler'

// A small SQLite warehouse: the mapping's bad inputs are the same on every engine.
const ws = tempWorkspace({ now: () => Date.parse('2025-12-10T09:30:00Z') })
const { core } = ws
const actor = 'analyst'
const board = core.boards.create('Bad input', '', actor).id
const NOV_1_TO_5 = { from: '2025-11-01', to: '2025-11-06' }

beforeAll(() => {
  const file = join(ws.dir, 'warehouse.sqlite')
  const db = new Database(file)
  db.exec(`
    CREATE TABLE tasks (day TEXT, task_type TEXT, total INTEGER, done INTEGER);
    INSERT INTO tasks VALUES
      ('2025-11-01', 'research', 10, 9), ('2025-11-01', 'coding', 10, 7),
      ('2025-11-02', 'research', 4, 4), ('2025-11-02', 'coding', 6, 3),
      ('2025-11-03', 'research', 0, 0), ('2025-11-03', 'coding', 0, 0),
      ('2025-11-04', 'research', 5, 5), ('2025-11-04', 'coding', 5, 4),
      ('2025-11-05', 'research', 8, 6), ('2025-11-05', 'coding', 2, 2);
    CREATE TABLE events (day TEXT, user_id INTEGER);
    INSERT INTO events VALUES ('2025-11-01', 1), ('2025-11-01', 2), ('2025-11-02', 1), ('2025-11-15', 3), ('2025-12-01', 4);
  `)
  db.close()
  core.sources.save({ name: 'wh', kind: 'sqlite', url: `sqlite://${file}` }, actor, 'add')
})
afterAll(() => ws.cleanup())

let n = 0
const addKpi = (fields: Partial<NewKpi>) =>
  core.kpis.add(board, { code: `K${++n}`, name: 'Task success rate', target: '≥ 90%', frequency: 'daily', dataSource: 'wh', ...fields }, { actor }).id
const pull = async (kpiId: number, range: { from?: string; to?: string } = NOV_1_TO_5) =>
  (await core.pull.pull({ boardId: board, kpiIds: [kpiId], ...range }, actor)).results[0]!
const stored = (kpiId: number) => core.measurements.history(kpiId).map((m) => [m.periodStart, m.value])

const PER_TYPE = `SELECT day, task_type, total, done, ROUND(done * 100.0 / NULLIF(total, 0), 2) AS success_rate FROM tasks
  WHERE day >= :period_start AND day < :period_end`

describe('pulling a mapped report query', () => {
  it('stores a ratio recomputed from its counts, one value per day, and none for a day without data', async () => {
    const kpi = addKpi({
      formula: PER_TYPE,
      mapping: { value: 'success_rate', period: 'day', grain: 'day', combine: { kind: 'ratio', numerator: 'done', denominator: 'total', factor: 100 } }
    })
    const result = await pull(kpi)
    expect(result).toMatchObject({ outcome: 'pulled', stored: 4, empty: [{ periodStart: '2025-11-03', periodEnd: '2025-11-04' }] })
    expect(stored(kpi)).toEqual([
      ['2025-11-01', 80],
      ['2025-11-02', 70],
      ['2025-11-04', 90],
      ['2025-11-05', 80]
    ])
  })

  it('refuses a mapping to a column the changed formula no longer returns, and stores nothing', async () => {
    const kpi = addKpi({ formula: PER_TYPE, mapping: { value: 'success_rate', period: 'day', segment: { column: 'task_type', value: 'coding' } } })
    expect((await pull(kpi)).stored).toBe(4)
    core.kpis.edit(kpi, { formula: PER_TYPE.replace('AS success_rate', 'AS rate') }, { actor })
    const before = core.measurements.history(kpi).length
    const result = await pull(kpi, { from: '2025-11-01', to: '2025-11-08' })
    expect(result).toMatchObject({ outcome: 'failed', errorCode: 'MAPPING_COLUMN_MISSING', stored: 0 })
    expect(result.message).toContain('"success_rate" is not in the formula\'s result (columns: day, task_type, total, done, rate)')
    expect(core.measurements.history(kpi)).toHaveLength(before)
  })

  it('refuses text in the value column, naming the row, and stores nothing of the result', async () => {
    const kpi = addKpi({
      formula: 'SELECT day, MIN(task_type) AS label FROM tasks WHERE day >= :period_start AND day < :period_end GROUP BY day',
      mapping: { value: 'label', period: 'day' }
    })
    const result = await pull(kpi)
    expect(result).toMatchObject({ outcome: 'failed', errorCode: 'QUERY_NOT_NUMBER', stored: 0 })
    expect(result.message).toBe('Row 1: the column "label" holds "coding", which is not a number; map a numeric column.')
    expect(stored(kpi)).toEqual([])
  })

  it('refuses two rows for one period that nothing says how to combine', async () => {
    const kpi = addKpi({ formula: PER_TYPE, mapping: { value: 'success_rate', period: 'day' } })
    const result = await pull(kpi)
    expect(result).toMatchObject({ outcome: 'failed', errorCode: 'MAPPING_AMBIGUOUS', stored: 0 })
    expect(result.message).toContain('2 rows describe 2025-11-01 → 2025-11-02 (differing in task_type: research, coding)')
  })

  it('says which segment values exist when the chosen one has no row', async () => {
    const kpi = addKpi({ formula: PER_TYPE, mapping: { value: 'success_rate', period: 'day', segment: { column: 'task_type', value: 'all' } } })
    expect(await pull(kpi)).toMatchObject({
      outcome: 'failed',
      errorCode: 'QUERY_NO_ROW',
      message: "No row has task_type = 'all' (it holds: research, coding)."
    })
  })

  it('stores a percent target consistently from a formula returning ratios, once the proposed scale is accepted', async () => {
    const formula =
      "SELECT SUM(done) * 1.0 / SUM(total) AS success_ratio FROM tasks WHERE day >= :period_start AND day < :period_end AND task_type = 'research'"
    const kpi = addKpi({ formula })
    const preview = await core.pull.preview(kpi, { start: '2025-11-01', end: '2025-11-02' })
    expect(preview.values).toEqual([{ periodStart: '2025-11-01', periodEnd: '2025-11-02', value: 0.9, rows: 1 }])
    expect(preview.proposal).toMatchObject({ mapping: { scale: 100 }, reasons: [{ key: 'single-value' }, { key: 'scale-percent', params: { sample: 0.9 } }] })
    core.kpis.edit(kpi, { mapping: preview.proposal.mapping }, { actor })
    await pull(kpi, { from: '2025-11-01', to: '2025-11-03' })
    expect(stored(kpi)).toEqual([
      ['2025-11-01', 90],
      ['2025-11-02', 100]
    ])
    const ratioKpi = addKpi({ formula: formula.replace('* 1.0', '* 100.0'), target: '≥ 0.9' })
    const ratioPreview = await core.pull.preview(ratioKpi, { start: '2025-11-02', end: '2025-11-03' })
    expect(ratioPreview.proposal.mapping).toEqual({ scale: 0.01 })
    expect(ratioPreview.proposal.reasons.at(-1)).toMatchObject({ key: 'scale-ratio', params: { sample: 100, target: '≥ 0.9' } })
  })
})

describe('formulas whose result does not depend on the period', () => {
  const NOVEMBER_WRITTEN_IN = "SELECT COUNT(DISTINCT user_id) AS mau FROM events WHERE day >= '2025-11-01' AND day < '2025-12-01'"

  it('never stores November’s number for another month, and pulls every month right after the offered rewrite', async () => {
    const kpi = addKpi({ name: 'MAU', target: '≥ 2 users', frequency: 'monthly', formula: NOVEMBER_WRITTEN_IN })
    const refused = await pull(kpi, { from: '2025-10-01', to: '2026-01-01' })
    expect(refused).toMatchObject({ outcome: 'failed', errorCode: 'FORMULA_NOT_PERIODIC', stored: 0 })
    expect(refused.message).toContain("reads the fixed dates '2025-11-01', '2025-12-01' instead of :period_start / :period_end")
    const preview = await core.pull.preview(kpi, { start: '2025-12-01', end: '2026-01-01' })
    expect(preview.pullBlocked?.code).toBe('FORMULA_NOT_PERIODIC')
    expect(preview.dates.rewrite).toMatchObject({
      grain: 'month',
      changes: [
        {
          line: 1,
          before: NOVEMBER_WRITTEN_IN,
          after: 'SELECT COUNT(DISTINCT user_id) AS mau FROM events WHERE day >= :period_start AND day < :period_end'
        }
      ]
    })
    expect(stored(kpi)).toEqual([])
    core.kpis.edit(kpi, { formula: preview.dates.rewrite!.formula }, { actor, reason: 'dates bound to the period' })
    expect(await pull(kpi, { from: '2025-10-01', to: '2026-01-01' })).toMatchObject({ outcome: 'pulled', stored: 3 })
    expect(stored(kpi)).toEqual([
      ['2025-10-01', 0],
      ['2025-11-01', 3],
      ['2025-12-01', 1]
    ])
  })

  it('reads a rolling KPI as of the pull time and refuses to backfill it', async () => {
    const kpi = addKpi({
      name: 'Users active in the last 30 days',
      target: '≥ 1 users',
      stage: 'trial',
      formula: "SELECT COUNT(DISTINCT user_id) FROM events WHERE day >= date('now', '-3650 days')"
    })
    expect(await pull(kpi, {})).toMatchObject({ outcome: 'failed', errorCode: 'FORMULA_NOT_PERIODIC' })
    core.kpis.edit(kpi, { mapping: { rolling: true } }, { actor })
    const due = () =>
      duePulls({ boards: core.boards, kpis: core.kpis, measurements: core.measurements, settings: core.settings, sources: core.sources, now: core.now }).get(
        board
      ) ?? []
    expect(due()).toContain(kpi)
    expect(await pull(kpi, {})).toMatchObject({ outcome: 'pulled', stored: 1, asOf: '2025-12-10T09:30:00.000Z' })
    expect(due()).not.toContain(kpi)
    expect(core.measurements.list(kpi)).toMatchObject([
      { periodStart: '2025-12-10', periodEnd: '2025-12-11', value: 4, note: 'rolling, as of 2025-12-10T09:30:00.000Z' }
    ])
    const backfill = await pull(kpi, NOV_1_TO_5)
    expect(backfill).toMatchObject({ outcome: 'failed', errorCode: 'ROLLING_NO_BACKFILL', stored: 0 })
    expect(backfill.message).toContain('is rolling')
    expect(core.measurements.history(kpi)).toHaveLength(1)
  })

  it('stores the rows of an unbound report query at the periods they name, one query for the whole range', async () => {
    const kpi = addKpi({ name: 'Daily active users', target: '≥ 1 users', formula: 'SELECT day, COUNT(DISTINCT user_id) AS dau FROM events GROUP BY day' })
    core.kpis.edit(kpi, { mapping: { value: 'dau', period: 'day', grain: 'day' } }, { actor })
    expect(await pull(kpi, { from: '2025-11-01', to: '2025-12-01' })).toMatchObject({ outcome: 'pulled', stored: 3 })
    expect(stored(kpi)).toEqual([
      ['2025-11-01', 2],
      ['2025-11-02', 1],
      ['2025-11-15', 1]
    ])
    expect(await pull(kpi, { from: '2026-01-01', to: '2026-01-08' })).toMatchObject({ outcome: 'failed', errorCode: 'QUERY_OUT_OF_PERIOD' })
  })
})
