import { describe, expect, it } from 'vitest'
import { periodDependence } from './date-bindings'

const after = (sql: string, kind: Parameters<typeof periodDependence>[1] = 'postgres', frequency: Parameters<typeof periodDependence>[2] = null) =>
  periodDependence(sql, kind, frequency).rewrite?.formula

describe('dates written into a formula', () => {
  it('binds a month written as two dates and offers the monthly frequency the dates spanned', () => {
    const sql = `SELECT COUNT(DISTINCT user_id)
FROM user_activity
WHERE activity_date >= '2025-11-01'
  AND activity_date < '2025-12-01' -- November only
  AND task_executed >= 1;`
    const found = periodDependence(sql, 'postgres', 'daily')
    expect(found.binds).toBe(false)
    expect(found.findings).toEqual([
      { kind: 'literal', text: "'2025-11-01'", line: 3, column: 24 },
      { kind: 'literal', text: "'2025-12-01'", line: 4, column: 23 }
    ])
    expect(found.rewrite).toEqual({
      formula: sql.replace("'2025-11-01'", ':period_start').replace("'2025-12-01'", ':period_end'),
      changes: [
        { line: 3, before: "WHERE activity_date >= '2025-11-01'", after: 'WHERE activity_date >= :period_start' },
        { line: 4, before: "  AND activity_date < '2025-12-01' -- November only", after: '  AND activity_date < :period_end -- November only' }
      ],
      grain: 'month',
      frequency: 'monthly'
    })
  })

  it('binds day 1 and day 2 of a retention formula to the period and its end', () => {
    const sql =
      "WITH d1 AS (SELECT user_id FROM a WHERE activity_date = '2025-11-01'), d2 AS (SELECT user_id FROM a WHERE activity_date = '2025-11-02') SELECT 1"
    expect(after(sql, 'postgres', 'daily')).toBe(
      'WITH d1 AS (SELECT user_id FROM a WHERE activity_date = :period_start), d2 AS (SELECT user_id FROM a WHERE activity_date = :period_end) SELECT 1'
    )
    expect(periodDependence(sql, 'postgres', 'daily').rewrite).not.toHaveProperty('frequency')
  })

  it('reads typed literals, an inclusive BETWEEN and dates in between, in each dialect’s date arithmetic', () => {
    const sql = "SELECT 1 FROM t WHERE d BETWEEN DATE '2025-11-01' AND DATE '2025-11-30' AND e <> '2025-11-15'"
    expect(after(sql)).toBe('SELECT 1 FROM t WHERE d BETWEEN :period_start AND (:period_end - 1) AND e <> (:period_start + 14)')
    expect(after(sql, 'mysql')).toBe(
      'SELECT 1 FROM t WHERE d BETWEEN :period_start AND (:period_end - INTERVAL 1 DAY) AND e <> (:period_start + INTERVAL 14 DAY)'
    )
    expect(after(sql, 'sqlite')).toBe("SELECT 1 FROM t WHERE d BETWEEN :period_start AND date(:period_end, '-1 day') AND e <> date(:period_start, '+14 day')")
    expect(after(sql, 'clickhouse')).toBe('SELECT 1 FROM t WHERE d BETWEEN :period_start AND addDays(:period_end, -1) AND e <> addDays(:period_start, 14)')
  })

  it('turns the clock into the end of the period, and the start of the current month into its start', () => {
    const sql = `SELECT COUNT(*) FROM api_logs WHERE timestamp >= CURRENT_DATE - 7 AND created_at >= DATE_TRUNC('month', NOW()) AND x < now()`
    const found = periodDependence(sql, 'postgres', null)
    expect(found.findings.map((f) => [f.kind, f.text])).toEqual([
      ['clock', 'CURRENT_DATE'],
      ['clock', "DATE_TRUNC('month', NOW())"],
      ['clock', 'now()']
    ])
    expect(found.rewrite?.formula).toBe('SELECT COUNT(*) FROM api_logs WHERE timestamp >= :period_end - 7 AND created_at >= :period_start AND x < :period_end')
    expect(after('SELECT COUNT(*) FROM t WHERE d >= CURDATE() - INTERVAL 7 DAY AND d < UTC_DATE()', 'mysql')).toBe(
      'SELECT COUNT(*) FROM t WHERE d >= :period_end - INTERVAL 7 DAY AND d < :period_end'
    )
    expect(after("SELECT COUNT(*) FROM t WHERE d >= date('now', '-7 days')", 'sqlite')).toBe("SELECT COUNT(*) FROM t WHERE d >= date(:period_end, '-7 days')")
    expect(after('SELECT count() FROM t WHERE d >= today() - 7', 'clickhouse')).toBe('SELECT count() FROM t WHERE d >= :period_end - 7')
  })

  it('leaves comments, other strings, timed literals and a bound formula’s parameters alone', () => {
    const sql = "SELECT COUNT(*) FROM t -- since '2025-01-01'\nWHERE d >= :period_start AND d < :period_end AND note <> 'now' AND ts > '2025-11-01 14:30:00'"
    const found = periodDependence(sql, 'postgres', 'daily')
    expect(found.binds).toBe(true)
    expect(found.findings).toEqual([{ kind: 'literal', text: "'2025-11-01 14:30:00'", line: 2, column: 73 }])
    expect(found.rewrite).toBeNull()
    expect(periodDependence('SELECT COUNT(*) FROM users', 'duckdb', null)).toEqual({ binds: false, findings: [], rewrite: null })
  })

  it('binds a lone boundary by the comparison it sits in', () => {
    expect(after("SELECT COUNT(*) FROM users WHERE registration_date < '2025-12-01'")).toBe('SELECT COUNT(*) FROM users WHERE registration_date < :period_end')
    expect(after("SELECT COUNT(*) FROM users WHERE registration_date >= '2025-12-01'")).toBe(
      'SELECT COUNT(*) FROM users WHERE registration_date >= :period_start'
    )
  })
})
