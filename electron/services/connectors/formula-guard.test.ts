import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { SourceKind } from '../../../db/schema/integrations'
import { AppError } from '../../domain/errors'
import { describeReference, readReference } from '../testing/reference'
import { checkFormula } from './formula-guard'

function codeOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`
  }
  return 'accepted'
}

describeReference('checkFormula on the PostgreSQL formulas of a real PRD', () => {
  const blocks = [...readReference('000_2d830c7e33d9cdc7.txt', (file) => readFileSync(file, 'utf8')).matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!)

  it('finds the PRD formulas', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(20)
  })

  it.each(['postgres', 'duckdb', 'clickhouse'] as const)('accepts every one of them as a %s formula', (kind) => {
    for (const sql of blocks)
      expect(
        codeOf(() => checkFormula(sql, kind)),
        sql
      ).toBe('accepted')
  })

  it('names the tables a formula reads, without its CTEs', () => {
    const mau = blocks.find((b) => b.includes('FROM user_activity') && b.includes('COUNT(DISTINCT user_id)'))!
    expect(checkFormula(mau, 'postgres')).toMatchObject({ tables: ['user_activity'], checkedBy: 'parser' })
    const cost = blocks.find((b) => b.includes('monthly_costs'))!
    expect(checkFormula(cost, 'postgres').tables.sort()).toEqual(['cost_breakdown', 'user_activity'])
  })
})

describe('checkFormula accepts reads', () => {
  const mau = 'SELECT COUNT(DISTINCT user_id) FROM user_activity WHERE activity_date >= :period_start AND activity_date < :period_end AND task_executed >= 1;'

  it.each(['postgres', 'mysql', 'sqlite', 'duckdb', 'clickhouse'] as SourceKind[])('a bound MAU formula on %s', (kind) => {
    const check = checkFormula(mau, kind)
    expect(check.tables).toEqual(['user_activity'])
    expect(check.columns).toEqual(expect.arrayContaining(['user_id', 'activity_date', 'task_executed']))
  })

  it('falls back to the token guard where the parser has a gap, and still names tables', () => {
    const duck = 'SELECT * EXCLUDE (email) FROM users WHERE registration_date >= :period_start'
    expect(checkFormula(duck, 'duckdb')).toEqual({ tables: ['users'], columns: [], checkedBy: 'tokens' })
    const grouping = 'SELECT endpoint, status_code, COUNT(*) FROM api_logs GROUP BY GROUPING SETS ((endpoint), (status_code))'
    expect(checkFormula(grouping, 'postgres').checkedBy).toBe('tokens')
    const window = `WITH m AS (SELECT strftime('%Y-%m', registration_date) AS month, COUNT(*) AS n,
      LAG(COUNT(*)) OVER (ORDER BY strftime('%Y-%m', registration_date)) AS prev FROM users GROUP BY 1)
      SELECT (n - prev) * 100.0 / prev FROM m WHERE month = strftime('%Y-%m', :period_start)`
    expect(checkFormula(window, 'sqlite')).toMatchObject({ tables: ['users'], checkedBy: 'tokens' })
  })

  it('ignores write words and parameters inside literals and comments', () => {
    const sql = `-- DELETE FROM users; :not_a_param
      SELECT COUNT(*) /* DROP TABLE users */ FROM tasks WHERE status <> 'deleted; update' AND note <> ':period_x'`
    expect(codeOf(() => checkFormula(sql, 'postgres'))).toBe('accepted')
    expect(codeOf(() => checkFormula('SELECT COUNT(*) FROM t WHERE s = $$DROP TABLE t$$', 'postgres'))).toBe('accepted')
    expect(codeOf(() => checkFormula("SELECT COUNT(*) FROM t WHERE s = 'it\\'s; DROP TABLE t'", 'mysql'))).toBe('accepted')
  })

  it('keeps casts apart from parameters and allows harmless waits', () => {
    expect(codeOf(() => checkFormula('SELECT :period_start::date - 1, pg_sleep(0)', 'postgres'))).toBe('accepted')
    expect(codeOf(() => checkFormula('SELECT SLEEP(1)', 'mysql'))).toBe('accepted')
  })
})

describe('checkFormula refuses', () => {
  const refused: [string, SourceKind, string][] = [
    ['DELETE FROM users', 'postgres', 'SOURCE_WRITE_REFUSED'],
    ["UPDATE tasks SET status = 'failed'", 'mysql', 'SOURCE_WRITE_REFUSED'],
    ['DROP TABLE api_logs', 'sqlite', 'SOURCE_WRITE_REFUSED'],
    ['INSERT INTO users VALUES (1)', 'duckdb', 'SOURCE_WRITE_REFUSED'],
    ['ALTER TABLE users ADD COLUMN x int', 'postgres', 'SOURCE_WRITE_REFUSED'],
    ['CREATE TABLE x AS SELECT 1', 'postgres', 'SOURCE_WRITE_REFUSED'],
    ['TRUNCATE users', 'clickhouse', 'SOURCE_WRITE_REFUSED'],
    ['GRANT ALL ON users TO public', 'postgres', 'SOURCE_WRITE_REFUSED'],
    ["COPY users TO '/tmp/users.csv'", 'postgres', 'SOURCE_WRITE_REFUSED'],
    ['SELECT 1; DELETE FROM users', 'postgres', 'SOURCE_WRITE_REFUSED'],
    ['SELECT 1; SELECT 2', 'sqlite', 'SOURCE_WRITE_REFUSED'],
    ['SELECT * INTO backup_users FROM users', 'postgres', 'SOURCE_WRITE_REFUSED'],
    ["SELECT * FROM users INTO OUTFILE '/tmp/u'", 'mysql', 'SOURCE_WRITE_REFUSED'],
    ['WITH gone AS (DELETE FROM users RETURNING id) SELECT COUNT(*) FROM gone', 'postgres', 'SOURCE_WRITE_REFUSED'],
    ['SELECT * FROM users FOR UPDATE', 'postgres', 'SOURCE_WRITE_REFUSED'],
    ['SELECT pg_terminate_backend(pid) FROM pg_stat_activity', 'postgres', 'SOURCE_WRITE_REFUSED'],
    ["SELECT lo_import('/etc/passwd')", 'postgres', 'SOURCE_WRITE_REFUSED'],
    ["SELECT pg_catalog.set_config('search_path', 'evil', false)", 'postgres', 'SOURCE_WRITE_REFUSED'],
    ["SELECT nextval('users_id_seq')", 'postgres', 'SOURCE_WRITE_REFUSED'],
    ["SELECT dblink_exec('dbname=x', 'DELETE FROM users')", 'postgres', 'SOURCE_WRITE_REFUSED'],
    ["SELECT LOAD_FILE('/etc/passwd')", 'mysql', 'SOURCE_WRITE_REFUSED'],
    ["SELECT GET_LOCK('kpi', 10)", 'mysql', 'SOURCE_WRITE_REFUSED'],
    ["SELECT load_extension('/tmp/evil.so')", 'sqlite', 'SOURCE_WRITE_REFUSED'],
    ["SELECT * FROM url('http://10.0.0.1/', CSV)", 'clickhouse', 'SOURCE_WRITE_REFUSED'],
    ["SELECT * FROM query('DELETE FROM users')", 'duckdb', 'SOURCE_WRITE_REFUSED'],
    ['/*!50000 DELETE FROM users */ SELECT 1', 'mysql', 'SOURCE_WRITE_REFUSED'],
    ["ATTACH '/tmp/x.db' AS x", 'duckdb', 'SOURCE_WRITE_REFUSED'],
    ['SHOW TABLES', 'mysql', 'QUERY_SYNTAX'],
    ['   ', 'postgres', 'QUERY_SYNTAX'],
    ['SELECT COUNT(*) FROM users WHERE created_at >= :since', 'postgres', 'QUERY_SYNTAX']
  ]

  it.each(refused)('%s (%s) → %s', (sql, kind, code) => {
    expect(codeOf(() => checkFormula(sql, kind))).toBe(code)
  })
})
