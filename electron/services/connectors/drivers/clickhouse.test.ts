import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppError } from '../../../domain/errors'
import { codeOf } from '../../testing/error-code'
import { createConnector, createDriver, runFormulaUnchecked } from '../connector'
import { startFakeClickHouse, type FakeClickHouse } from '../testing/fake-clickhouse'
import type { SourceConfig } from '../types'

// No ClickHouse server on this machine: a loopback server speaks its HTTP interface instead.
let fake: FakeClickHouse
let source: SourceConfig
const NOVEMBER = { start: '2025-11-01', end: '2025-12-01' }
const COUNT = 'SELECT count() FROM events WHERE event_date >= :period_start AND event_date < :period_end'

beforeAll(async () => {
  fake = await startFakeClickHouse({ user: 'kpi', password: 's3cret' })
  source = { kind: 'clickhouse', url: `clickhouse://kpi@${fake.url}/analytics`, password: 's3cret' }
})
afterAll(() => fake.close())

describe('ClickHouse connector (HTTP)', () => {
  it('sends the period as typed query parameters in a readonly=1 request', async () => {
    const connector = createConnector(source)
    const result = await connector.runFormula(COUNT, NOVEMBER)
    expect(result).toMatchObject({ kind: 'single', value: 4 })
    const request = fake.requests.at(-1)!
    expect(request.query).toContain('event_date >= {period_start:Date} AND event_date < {period_end:Date}')
    expect(request.query).not.toContain('2025-11-01')
    expect(request.params.get('param_period_start')).toBe('2025-11-01')
    expect(request.params.get('param_period_end')).toBe('2025-12-01')
    expect(request.params.get('readonly')).toBe('1')
    expect(request.params.get('max_execution_time')).toBe('30')
    expect(request.params.get('max_result_rows')).toBe('10001')
    expect(request.params.get('database')).toBe('analytics')
    expect(result.boundSql).toContain("{period_start:Date} = '2025-11-01'")
    await connector.close()
  })

  it('returns a series, converting ClickHouse 64-bit integers sent as strings', async () => {
    const connector = createConnector(source)
    const series = await connector.runFormula(
      'SELECT toStartOfMonth(event_date) AS month, count() FROM events WHERE event_date >= :period_start AND event_date < :period_end GROUP BY month ORDER BY month',
      { start: '2025-10-01', end: '2026-01-01' }
    )
    expect(series).toMatchObject({
      kind: 'series',
      points: [
        { periodStart: '2025-10-01', value: 1 },
        { periodStart: '2025-11-01', value: 4 },
        { periodStart: '2025-12-01', value: 1 }
      ]
    })
    await connector.close()
  })

  it('refuses writes and outside-reaching table functions; the readonly setting stops the rest', async () => {
    const connector = createConnector(source)
    const before = fake.requests.length
    for (const sql of [
      'INSERT INTO events VALUES (today(), 1)',
      'ALTER TABLE events DELETE WHERE 1',
      "SELECT count() FROM url('http://169.254.169.254/', CSV)"
    ]) {
      expect(await codeOf(connector.runFormula(sql, NOVEMBER)), sql).toBe('SOURCE_WRITE_REFUSED')
    }
    expect(fake.requests.length).toBe(before)
    const driver = await createDriver(source)
    expect(await codeOf(runFormulaUnchecked(driver, source, 'INSERT INTO events VALUES (today(), 1)', NOVEMBER))).toBe('SOURCE_READ_ONLY')
    expect(fake.requests.at(-1)!.params.get('readonly')).toBe('1')
    await driver.close()
    await connector.close()
  })

  it('maps the server timeout, wrong passwords, unreachable ports and SQL errors', async () => {
    const slow = createConnector({ ...source, timeoutMs: 1_000 })
    expect(await codeOf(slow.runFormula('SELECT sleep(3)', NOVEMBER))).toBe('SOURCE_TIMEOUT')
    const wrong = await createConnector({ ...source, password: 'guess' })
      .test()
      .catch((e: AppError) => e)
    expect(wrong).toMatchObject({ code: 'SOURCE_AUTH' })
    expect((wrong as AppError).message).not.toContain('guess')
    expect(await codeOf(createConnector({ kind: 'clickhouse', url: 'clickhouse://kpi@127.0.0.1:1/analytics' }).test())).toBe('SOURCE_CONNECT')
    const failed = await createConnector(source)
      .runFormula('SELECT count() FROM nowhere', NOVEMBER)
      .catch((e: AppError) => e)
    expect(failed).toMatchObject({ code: 'QUERY_FAILED', message: expect.stringContaining('Syntax error') })
    await slow.close()
  })

  it('reads the grants and the schema', async () => {
    const connector = createConnector(source)
    expect(await connector.test()).toMatchObject({
      serverVersion: 'ClickHouse 24.8.4.13',
      user: 'kpi',
      canWrite: false,
      protection: { level: 'enforced', measures: ['readOnlySetting', 'statementTimeout'], gaps: [] }
    })
    expect(await connector.tables()).toEqual([
      {
        schema: 'analytics',
        name: 'events',
        columns: [
          { name: 'event_date', type: 'Date' },
          { name: 'user_id', type: 'UInt64' }
        ]
      }
    ])
    await connector.close()
  })
})
