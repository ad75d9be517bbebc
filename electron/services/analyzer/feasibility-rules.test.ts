import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import type { KpiFieldsInput, Target } from '../../domain/kpi'
import { AppError } from '../../domain/errors'
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
  if (subject.fields.dataSource !== 'analytics')
    return { ok: false, code: 'no-source', message: `No connected data source named "${subject.fields.dataSource}".` }
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
    expect(patchOf(missingTable, 'notes')!.rationale).toBe('公式检查失败：no such table: orders_v2。请修正公式，或换成现有数据结构能支持的指标。')
    expect(missingTable!.rationale).toBe('可行性检查（KPI-B004 用户次日留存率）：数据源缺少表。')
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

  it('proposes manual entry or retirement for a KPI that cannot be collected, in the KPI’s language', async () => {
    const proposals = await review([
      feasible({ code: 'KPI-U005', name: '30日留存率', formula: '', description: '第1天活跃用户在第30天仍然活跃的比例', dataSource: '用户行为日志' })
    ])
    expect(proposals.map((proposal) => [proposal.kind, proposal.rule])).toEqual([
      ['patch', 'feasibility.uncollectable'],
      ['retire', 'feasibility.uncollectable-retire']
    ])
    expect(patchOf(proposals[0], 'dataSource')).toEqual({
      field: 'dataSource',
      value: 'manual',
      rationale: '没有公式，无法拉取数值。请改为手工录入（manual），或将该指标退役。'
    })
    expect(proposals[0]!.rationale).toBe('可行性检查（KPI-U005 30日留存率）：无法自动采集。')
    expect(proposals[1]!.rationale).toBe('KPI-U005 30日留存率 无法采集：没有公式。除非有人手工录入数值，否则建议退役。')
    const [patch, retire] = await review([
      feasible({ code: 'KPI-U005', name: 'D30 retention', formula: '', description: 'Share of day-1 users still active on day 30' })
    ])
    expect(patchOf(patch, 'dataSource')!.rationale).toBe('It has no formula, so no value can be pulled. Enter values by hand (manual), or retire the KPI.')
    expect(patch!.rationale).toBe('Feasibility check for KPI-U005 D30 retention: cannot be collected automatically.')
    expect(retire!.rationale).toBe('KPI-U005 D30 retention cannot be collected: it has no formula. Retire it unless someone enters the values by hand.')
    expect(await review([feasible({ formula: '', dataSource: 'manual' })])).toEqual([])
  })

  it('treats a source that is not connected as not collectable', async () => {
    const proposals = await review([feasible({ dataSource: '用户认证系统' })])
    expect(proposals[0]!.rule).toBe('feasibility.no-source,feasibility.uncollectable')
    expect(proposals[0]!.rationale).toBe('可行性检查（KPI-U003 用户次日留存率）：无法自动采集、公式运行失败。')
    expect(patchOf(proposals[0], 'notes')!.rationale).toBe('可行性关卡要求公式能返回一个数值。')
    expect(proposals[1]).toMatchObject({
      kind: 'retire',
      rationale: 'KPI-U003 用户次日留存率 无法采集：数据来源“用户认证系统”不是已连接的数据源。除非有人手工录入数值，否则建议退役。'
    })
    const [patch, retire] = await review([feasible({ name: 'D1 retention', description: 'Share of new users back the next day', dataSource: 'Auth DB' })])
    expect(patchOf(patch, 'dataSource')!.rationale).toBe(
      'Its data source "Auth DB" is not a connected source, so no value can be pulled. Enter values by hand (manual), or retire the KPI.'
    )
    expect(retire!.rationale).toBe(
      'KPI-U003 D1 retention cannot be collected: its data source "Auth DB" is not a connected source. Retire it unless someone enters the values by hand.'
    )
  })

  it('lowers a share above 100% to the ceiling', async () => {
    const [proposal] = await review([
      feasible({ code: 'KPI-B001', name: '系统可用性', formula: 'SELECT 99.95', target: target('≥ 120%', { comparator: '>=', value: 120, unit: '%' }) })
    ])
    const lowered = patchOf(proposal, 'target')!
    expect((lowered.value as Target).parsed).toEqual({ comparator: '>=', value: 100, unit: '%' })
    expect(lowered.rationale).toBe('≥ 120% 无法达到：数值不可能超过 100%。已降到上限，实际水平由试运行确定。公式当前返回 99.95。')
    expect(proposal!.rationale).toBe('可行性检查（KPI-B001 系统可用性）：目标不可能达到。')
    const [english] = await review([
      feasible({
        code: 'KPI-B001',
        name: 'Availability',
        description: 'Share of minutes up',
        formula: 'SELECT 99.95',
        target: target('≥ 120%', { comparator: '>=', value: 120, unit: '%' })
      })
    ])
    expect(patchOf(english, 'target')!.rationale).toBe(
      '≥ 120% cannot be reached: the value cannot exceed 100%. Lowered to the ceiling; the trial will show a realistic level. The formula returns 99.95 today.'
    )
    expect(english!.rationale).toBe('Feasibility check for KPI-B001 Availability: target beyond the possible.')
  })

  it('replaces an impossible P95 of 0 ms with what the formula returns today', async () => {
    const latency = feasible({
      code: 'KPI-T001',
      name: 'API P95 latency',
      description: 'Slowest 5% of API responses',
      direction: 'lower',
      formula: 'SELECT MAX(latency_ms) FROM api_requests',
      target: target('P95 ≤ 0ms', { comparator: '<=', value: 0, unit: 'ms', percentile: 95 }),
      unit: 'ms'
    })
    const [proposal] = await review([latency])
    const relaxed = patchOf(proposal, 'target')!
    expect(relaxed.value).toEqual({ text: 'P95 ≤ 455 ms', parsed: { comparator: '<=', value: 455, unit: 'ms', percentile: 95 } })
    expect(relaxed.rationale).toMatch(/not a benchmark/)
    const [asked] = await review([latency], null)
    expect(patchOf(asked, 'target')).toBeUndefined()
    expect(patchOf(asked, 'notes')!.value).toContain('P95 ≤ 0 ms')
    expect(patchOf(asked, 'notes')!.rationale).toBe('P95 ≤ 0 ms is impossible: a duration or percentile latency cannot be zero.')
    const chinese = { ...latency, fields: { ...latency.fields, name: 'API 响应时间 P95', description: '' } }
    const [relaxedZh] = await review([chinese])
    expect(patchOf(relaxedZh, 'target')).toMatchObject({
      value: { text: 'P95 ≤ 455 ms' },
      rationale: 'P95 ≤ 0 ms 不可能达到：没有系统能在零时间内响应。建议先用公式当前返回的 P95 ≤ 455 ms，作为试运行中继续调整的起点，而非行业基准。'
    })
    const [askedZh] = await review([chinese], null)
    expect(patchOf(askedZh, 'notes')!.rationale).toBe('P95 ≤ 0 ms 不可能达到：时长或分位延迟不可能为零。')
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
      stage: 'feasibility',
      kpis,
      measurements: new Map(),
      now: new Date(),
      signal: controller.signal,
      checkFormula: async (subject) => {
        controller.abort()
        return checkFormula(subject)
      }
    })
    await expect(run).rejects.toMatchObject(new AppError('CANCELLED', 'The analysis was cancelled.'))
  })
})
