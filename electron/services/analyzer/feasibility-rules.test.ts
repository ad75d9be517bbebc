import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import type { KpiFieldsInput, Target } from '../domain/kpi'
import { AppError } from '../errors'
import { analyze } from './analyze'
import { kpi, patchOf, RETENTION_D1, target, valid } from './test-fixtures'
import type { AnalyzerKpi, FormulaCheck } from './types'

// A real analytics database standing in for the team's warehouse; the check mirrors what the main session injects.
const warehouse = new Database(':memory:')
warehouse.exec(`
  CREATE TABLE user_activity (user_id INTEGER, activity_date TEXT, task_executed INTEGER);
  INSERT INTO user_activity VALUES (1, '2025-11-01', 2), (2, '2025-11-01', 1), (3, '2025-11-02', 0);
  CREATE TABLE api_requests (id INTEGER, latency_ms REAL);
  INSERT INTO api_requests VALUES (1, 380), (2, 420), (3, 455);
`)
afterAll(() => warehouse.close())

async function checkFormula(subject: AnalyzerKpi): Promise<FormulaCheck> {
  if (subject.fields.dataSource !== 'analytics') return { ok: false, code: 'no-source', message: `No connected data source named "${subject.fields.dataSource}".` }
  let statement: Database.Statement
  try {
    statement = warehouse.prepare(subject.fields.formula)
  } catch (error) {
    const message = (error as Error).message
    const table = /no such table: (\S+)/.exec(message)
    if (table) return { ok: false, code: 'missing-table', message, missing: [table[1]!] }
    const column = /no such column: (\S+)/.exec(message)
    if (column) return { ok: false, code: 'missing-column', message, missing: [column[1]!] }
    return { ok: false, code: 'syntax', message }
  }
  if (!statement.reader) return { ok: false, code: 'write', message: 'The statement modifies data.' }
  const row = statement.raw().get() as unknown[] | undefined
  return { ok: true, value: Number(row?.[0]) }
}

const feasible = (fields: Partial<KpiFieldsInput>) => kpi(1, { ...RETENTION_D1, stage: 'feasibility', ...fields })
const review = (kpis: AnalyzerKpi[], check: typeof checkFormula | null = checkFormula) =>
  analyze({ stage: 'feasibility', kpis, measurements: new Map(), now: new Date('2025-12-01T00:00:00Z'), ...(check ? { checkFormula: check } : {}) }).then(valid)

describe('feasibility review', () => {
  it('passes a KPI whose formula runs against the real schema', async () => {
    expect(await review([feasible({})])).toEqual([])
  })

  it('names the tables and columns the formula needs but the source lacks', async () => {
    const [missingTable] = await review([feasible({ code: 'KPI-B004', formula: 'SELECT COUNT(*) FROM orders_v2' })])
    expect(missingTable!.rule).toBe('feasibility.missing-table')
    expect(patchOf(missingTable, 'notes')!.value).toContain('orders_v2')
    const [missingColumn] = await review([feasible({ formula: 'SELECT AVG(session_duration) FROM user_activity' })])
    expect(missingColumn!.rule).toBe('feasibility.missing-column')
    expect(patchOf(missingColumn, 'notes')!.value).toContain('session_duration')
  })

  it('refuses a formula that writes and reports a syntax error', async () => {
    const [write] = await review([feasible({ formula: 'DELETE FROM user_activity' })])
    expect(write!.rule).toBe('feasibility.write')
    const [syntax] = await review([feasible({ formula: 'SELEC COUNT(*) FROM user_activity' })])
    expect(syntax!.rule).toBe('feasibility.syntax')
    expect(warehouse.prepare('SELECT COUNT(*) AS n FROM user_activity').get()).toEqual({ n: 3 })
  })

  it('proposes manual entry or retirement for a KPI that cannot be collected', async () => {
    const proposals = await review([feasible({ code: 'KPI-U005', name: '30日留存率', formula: '', description: '第1天活跃用户在第30天仍然活跃的比例', dataSource: '用户行为日志' })])
    expect(proposals.map((proposal) => [proposal.kind, proposal.rule])).toEqual([
      ['patch', 'feasibility.uncollectable'],
      ['retire', 'feasibility.uncollectable-retire']
    ])
    expect(patchOf(proposals[0], 'dataSource')).toMatchObject({ value: 'manual' })
    expect(await review([feasible({ formula: '', dataSource: 'manual' })])).toEqual([])
  })

  it('treats a source that is not connected as not collectable', async () => {
    const proposals = await review([feasible({ dataSource: '用户认证系统' })])
    expect(proposals[0]!.rule).toBe('feasibility.no-source,feasibility.uncollectable')
    expect(proposals[1]!.kind).toBe('retire')
  })

  it('lowers a share above 100% to the ceiling', async () => {
    const [proposal] = await review([feasible({ code: 'KPI-B001', name: '系统可用性', formula: 'SELECT 99.95', target: target('≥ 120%', { comparator: '>=', value: 120, unit: '%' }) })])
    const lowered = patchOf(proposal, 'target')!
    expect((lowered.value as Target).parsed).toEqual({ comparator: '>=', value: 100, unit: '%' })
    expect(lowered.rationale).toContain('99.95')
  })

  it('replaces an impossible P95 of 0 ms with what the formula returns today', async () => {
    const latency = feasible({
      code: 'KPI-T001', name: 'API P95 latency', direction: 'lower', formula: 'SELECT MAX(latency_ms) FROM api_requests',
      target: target('P95 ≤ 0ms', { comparator: '<=', value: 0, unit: 'ms', percentile: 95 }), unit: 'ms'
    })
    const [proposal] = await review([latency])
    const relaxed = patchOf(proposal, 'target')!
    expect(relaxed.value).toEqual({ text: 'P95 ≤ 455 ms', parsed: { comparator: '<=', value: 455, unit: 'ms', percentile: 95 } })
    expect(relaxed.rationale).toMatch(/not a benchmark/)
    const [asked] = await review([latency], null)
    expect(patchOf(asked, 'target')).toBeUndefined()
    expect(patchOf(asked, 'notes')!.value).toContain('P95 ≤ 0 ms')
  })

  it('reports a check that throws as a failed formula', async () => {
    const [proposal] = await review([feasible({})], async () => {
      throw new Error('connection reset by peer')
    })
    expect(proposal!.rule).toBe('feasibility.failed')
    expect(patchOf(proposal, 'notes')!.value).toContain('connection reset by peer')
  })

  it('reports progress and stops when cancelled', async () => {
    const kpis = [1, 2, 3, 4, 5].map((id) => kpi(id, { ...RETENTION_D1, code: `KPI-U00${id}` }))
    const seen: [number, number][] = []
    await analyze({ stage: 'feasibility', kpis, measurements: new Map(), now: new Date(), checkFormula, onProgress: (done, total) => seen.push([done, total]) })
    expect(seen.at(-1)).toEqual([5, 5])
    const controller = new AbortController()
    const run = analyze({
      stage: 'feasibility', kpis, measurements: new Map(), now: new Date(), signal: controller.signal,
      checkFormula: async (subject) => {
        controller.abort()
        return checkFormula(subject)
      }
    })
    await expect(run).rejects.toMatchObject(new AppError('CANCELLED', 'The analysis was cancelled.'))
  })
})
