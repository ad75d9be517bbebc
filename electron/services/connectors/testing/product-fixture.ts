/**
 * A tiny AI-assistant product dataset shaped like the reference PRD's tables, with values small
 * enough that every KPI below can be computed by hand. Shared by the connector tests of each database.
 */
type Dialect = 'postgres' | 'mysql' | 'sqlite' | 'duckdb'

const TYPES: Record<Dialect, { ts: string; bool: string; text: string }> = {
  postgres: { ts: 'TIMESTAMP', bool: 'BOOLEAN', text: 'TEXT' },
  duckdb: { ts: 'TIMESTAMP', bool: 'BOOLEAN', text: 'VARCHAR' },
  mysql: { ts: 'DATETIME', bool: 'BOOLEAN', text: 'VARCHAR(64)' },
  sqlite: { ts: 'TEXT', bool: 'INTEGER', text: 'TEXT' }
}

type Row = (string | number | boolean | null)[]

const TABLES: { name: string; columns: (d: Dialect) => string; rows: Row[] }[] = [
  {
    name: 'users',
    columns: (d) => `user_id INTEGER PRIMARY KEY, email ${TYPES[d].text}, registration_date DATE, email_verified ${TYPES[d].bool}`,
    rows: [
      [1, 'ada@example.com', '2025-10-15', true],
      [2, 'li.wei@example.com', '2025-11-02', true],
      [3, 'bob@example.com', '2025-11-10', false],
      [4, 'zhang.min@example.com', '2025-11-20', true],
      [5, 'eve@example.com', '2025-12-03', true]
    ]
  },
  {
    name: 'user_activity',
    columns: () => 'user_id INTEGER, activity_date DATE, task_executed INTEGER',
    rows: [
      [1, '2025-10-20', 2],
      [1, '2025-11-01', 1],
      [1, '2025-11-02', 3],
      [2, '2025-11-02', 1],
      [2, '2025-11-03', 0],
      [3, '2025-11-15', 2],
      [4, '2025-11-30', 1],
      [4, '2025-12-01', 5],
      [5, '2025-12-04', 1]
    ]
  },
  {
    name: 'tasks',
    columns: (d) => `task_id INTEGER, user_id INTEGER, task_type ${TYPES[d].text}, status ${TYPES[d].text}, created_at ${TYPES[d].ts}`,
    rows: [
      [1, 1, 'research', 'completed', '2025-11-01 09:00:00'],
      [2, 1, 'coding', 'completed', '2025-11-02 10:00:00'],
      [3, 2, 'research', 'completed', '2025-11-02 11:00:00'],
      [4, 3, 'writing', 'failed', '2025-11-15 12:00:00'],
      [5, 3, 'coding', 'completed', '2025-11-15 13:00:00'],
      [6, 4, 'research', 'completed', '2025-11-30 14:00:00'],
      [7, 4, 'coding', 'failed', '2025-11-30 15:00:00'],
      [8, 1, 'writing', 'completed', '2025-11-02 16:00:00'],
      [9, 4, 'coding', 'completed', '2025-12-01 09:00:00'],
      [10, 5, 'research', 'failed', '2025-12-04 10:00:00']
    ]
  },
  {
    name: 'api_logs',
    columns: (d) => `log_id INTEGER, requested_at ${TYPES[d].ts}, endpoint ${TYPES[d].text}, status_code INTEGER, response_time INTEGER`,
    rows: [
      [1, '2025-11-01 08:00:00', '/v1/tasks', 200, 100],
      [2, '2025-11-05 08:00:00', '/v1/tasks', 200, 300],
      [3, '2025-11-09 08:00:00', '/v1/agents', 500, 500],
      [4, '2025-11-12 08:00:00', '/v1/agents', 200, 200],
      [5, '2025-11-28 08:00:00', '/v1/tasks', 200, 400],
      [6, '2025-12-02 08:00:00', '/v1/tasks', 200, 900]
    ]
  },
  {
    name: 'support_tickets',
    columns: (d) => `ticket_id INTEGER, created_at ${TYPES[d].ts}, resolved_at ${TYPES[d].ts}, status ${TYPES[d].text}, priority ${TYPES[d].text}`,
    rows: [
      [1, '2025-11-03 09:00:00', '2025-11-03 13:00:00', 'resolved', 'high'],
      [2, '2025-11-10 10:00:00', '2025-11-10 22:00:00', 'resolved', 'medium'],
      [3, '2025-11-20 10:00:00', null, 'open', 'low']
    ]
  }
]

export const FIXTURE_TABLES = TABLES.map((t) => t.name)

/** Hand-computed answers for November 2025 (and the months around it). */
export const NOVEMBER = { start: '2025-11-01', end: '2025-12-01' }
export const EXPECTED = {
  mauNovember: 4,
  mauDecember: 2,
  mauByMonth: [
    { periodStart: '2025-10-01', value: 1 },
    { periodStart: '2025-11-01', value: 4 },
    { periodStart: '2025-12-01', value: 2 }
  ],
  verifiedSignupsNovember: 2,
  taskSuccessNovember: 75,
  p95ResponseNovember: 480,
  avgResponseNovember: 300,
  resolutionHoursNovember: 8,
  userCount: 5
}

function literal(value: Row[number], dialect: Dialect): string {
  if (value === null) return 'NULL'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return dialect === 'sqlite' ? (value ? '1' : '0') : value ? 'TRUE' : 'FALSE'
  return `'${value.replace(/'/g, "''")}'`
}

/** CREATE TABLE + INSERT statements for one dialect (test setup only). */
export function fixtureStatements(dialect: Dialect): string[] {
  return TABLES.flatMap((t) => [
    `CREATE TABLE ${t.name} (${t.columns(dialect)})`,
    `INSERT INTO ${t.name} VALUES ${t.rows.map((r) => `(${r.map((v) => literal(v, dialect)).join(', ')})`).join(', ')}`
  ])
}
