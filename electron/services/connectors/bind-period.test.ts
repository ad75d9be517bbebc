import { describe, expect, it } from 'vitest'
import { AppError } from '../../domain/errors'
import { bindPeriod } from './bind-period'

const november = { start: '2025-11-01', end: '2025-12-01' }
const sql = `SELECT COUNT(*) FROM user_activity -- since :period_start
  WHERE activity_date >= :period_start AND activity_date < :period_end AND note <> ':period_end'
    AND activity_date >= :period_start::date - 7`

describe('bindPeriod', () => {
  it('numbers PostgreSQL and DuckDB placeholders once per name and keeps literals and comments intact', () => {
    const bound = bindPeriod(sql, 'postgres', november)
    expect(bound.text).toContain('-- since :period_start')
    expect(bound.text).toContain("note <> ':period_end'")
    expect(bound.text).toContain('activity_date >= $1::DATE AND activity_date < $2::DATE')
    expect(bound.text).toContain('$1::DATE::date - 7')
    expect(bound.values).toEqual(['2025-11-01', '2025-12-01'])
    expect(bound.text).not.toContain('2025-11-01')
    expect(bound.preview).toContain("$1 = DATE '2025-11-01' (:period_start)")
  })

  it('numbers by first use, so a formula using only :period_end sends one value', () => {
    const bound = bindPeriod('SELECT COUNT(*) FROM users WHERE registration_date < :period_end', 'duckdb', november)
    expect(bound.text).toBe('SELECT COUNT(*) FROM users WHERE registration_date < $1::DATE')
    expect(bound.values).toEqual(['2025-12-01'])
  })

  it('uses one ? per occurrence for MySQL and SQLite', () => {
    const bound = bindPeriod(sql, 'mysql', november)
    expect(bound.values).toEqual(['2025-11-01', '2025-12-01', '2025-11-01'])
    expect(bound.text.match(/\?/g)).toHaveLength(3)
    expect(bindPeriod(sql, 'sqlite', november).values).toHaveLength(3)
  })

  it('binds a bucket as timestamps: timestamptz in a UTC session for PostgreSQL, naive UTC text elsewhere', () => {
    const bucket = { start: '2025-12-10T09:00:00Z', end: '2025-12-10T09:05:00Z' }
    const range = 'SELECT count(*) FROM events WHERE at >= :period_start AND at < :period_end'
    const pg = bindPeriod(range, 'postgres', bucket)
    // Never DATE: both bounds would fall on 2025-12-10 and every bucket would count nothing.
    expect(pg).toMatchObject({
      text: 'SELECT count(*) FROM events WHERE at >= $1::TIMESTAMPTZ AND at < $2::TIMESTAMPTZ',
      values: [bucket.start, bucket.end],
      utc: true
    })
    expect(bindPeriod(range, 'duckdb', bucket).text).toContain('$1::TIMESTAMP AND')
    for (const kind of ['mysql', 'sqlite'] as const)
      expect(bindPeriod(range, kind, bucket)).toMatchObject({ values: ['2025-12-10 09:00:00', '2025-12-10 09:05:00'], utc: true })
    expect(bindPeriod(range, 'clickhouse', bucket)).toMatchObject({
      text: "SELECT count(*) FROM events WHERE at >= {period_start:DateTime('UTC')} AND at < {period_end:DateTime('UTC')}",
      named: { period_start: '2025-12-10 09:00:00', period_end: '2025-12-10 09:05:00' }
    })
    expect(bindPeriod(range, 'postgres', november).utc).toBe(false)
    expect(() => bindPeriod(range, 'postgres', { start: '2025-12-10T09:00:00Z', end: '2025-12-11' })).toThrow(AppError)
  })

  it('uses typed named parameters for ClickHouse and drops a trailing semicolon and comment', () => {
    const bound = bindPeriod('SELECT count() FROM api_logs WHERE ts >= :period_start AND ts < :period_end; -- monthly\n', 'clickhouse', november)
    expect(bound.text).toBe('SELECT count() FROM api_logs WHERE ts >= {period_start:Date} AND ts < {period_end:Date}')
    expect(bound.named).toEqual({ period_start: '2025-11-01', period_end: '2025-12-01' })
  })

  it('rejects periods that are not ISO dates or that end before they start', () => {
    expect(() => bindPeriod(sql, 'postgres', { start: '2025-11', end: '2025-12-01' })).toThrow(AppError)
    expect(() => bindPeriod(sql, 'postgres', { start: "2025-11-01'; DROP TABLE x; --", end: '2025-12-01' })).toThrow(/ISO date/)
    expect(() => bindPeriod(sql, 'postgres', { start: '2025-12-01', end: '2025-11-01' })).toThrow(/end after/)
  })
})
