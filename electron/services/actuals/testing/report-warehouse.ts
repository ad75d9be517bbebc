/**
 * A product warehouse of one year (2025) for report-query tests: users with sign-up channels, daily
 * activity, a funnel, API requests, tasks, surveys, incidents, costs, payments, finance and deployments.
 * Seeded, so every engine (PostgreSQL, DuckDB, MariaDB) holds exactly the same rows.
 */
export type WarehouseDialect = 'postgres' | 'duckdb' | 'mysql'

type Value = string | number | boolean | null
interface Table {
  name: string
  columns: [string, 'int' | 'date' | 'ts' | 'text' | 'bool' | 'money'][]
  rows: Value[][]
}

const TYPES: Record<WarehouseDialect, Record<Table['columns'][number][1], string>> = {
  postgres: { int: 'INTEGER', date: 'DATE', ts: 'TIMESTAMP', text: 'TEXT', bool: 'BOOLEAN', money: 'NUMERIC(12,2)' },
  duckdb: { int: 'INTEGER', date: 'DATE', ts: 'TIMESTAMP', text: 'VARCHAR', bool: 'BOOLEAN', money: 'DECIMAL(12,2)' },
  mysql: { int: 'INT', date: 'DATE', ts: 'DATETIME', text: 'VARCHAR(32)', bool: 'BOOLEAN', money: 'DECIMAL(12,2)' }
}

function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DAY_MS = 86_400_000
const YEAR_START = Date.UTC(2025, 0, 1)
export const WAREHOUSE_DAYS = 365
const USERS = 900
const dayOf = (n: number) => new Date(YEAR_START + n * DAY_MS).toISOString().slice(0, 10)
const stamp = (n: number, minutes: number) => new Date(YEAR_START + n * DAY_MS + Math.floor(minutes) * 60_000).toISOString().slice(0, 19).replace('T', ' ')
const money = (n: number) => Math.round(n * 100) / 100

function build(): Table[] {
  const rnd = random(20251117)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const CHANNELS = ['organic', 'ads', 'referral'] as const
  const PLANS = ['free', 'pro', 'team'] as const

  const users: Value[][] = []
  const activity: Value[][] = []
  const channelOf: string[] = []
  for (let id = 1; id <= USERS; id++) {
    const signup = int(0, WAREHOUSE_DAYS - 1)
    const channel = pick(CHANNELS)
    channelOf[id] = channel
    users.push([id, dayOf(signup), channel, pick(PLANS), rnd() < 0.85])
    const engagement = 0.05 + rnd() * 0.45
    for (let d = signup; d < Math.min(WAREHOUSE_DAYS, signup + 120); d++) {
      if (d === signup || rnd() < engagement * (d - signup < 14 ? 1.4 : 0.8)) activity.push([id, dayOf(d), int(1, 5), int(3, 90)])
    }
  }

  const funnel: Value[][] = []
  const api: Value[][] = []
  const tasks: Value[][] = []
  const nps: Value[][] = []
  const csat: Value[][] = []
  const incidents: Value[][] = []
  const costs: Value[][] = []
  const payments: Value[][] = []
  const deployments: Value[][] = []
  const ENDPOINTS = { '/v1/tasks': 180, '/v1/agents': 320, '/v1/search': 90 } as const
  const SUCCESS = { research: 0.97, coding: 0.9, writing: 0.94 } as const
  for (let d = 0; d < WAREHOUSE_DAYS; d++) {
    const visitors = new Set<number>()
    while (visitors.size < int(18, 36)) visitors.add(int(1, USERS))
    for (const user of visitors) {
      funnel.push([user, dayOf(d), 'visit', channelOf[user]!])
      if (rnd() < 0.35) {
        funnel.push([user, dayOf(d), 'signup', channelOf[user]!])
        if (rnd() < 0.55) {
          funnel.push([user, dayOf(d), 'activate', channelOf[user]!])
          if (rnd() < 0.3) funnel.push([user, dayOf(d), 'pay', channelOf[user]!])
        }
      }
    }
    for (let i = 0; i < int(16, 30); i++) {
      const endpoint = pick(Object.keys(ENDPOINTS) as (keyof typeof ENDPOINTS)[])
      api.push([api.length + 1, stamp(d, rnd() * 1440), endpoint, Math.round(ENDPOINTS[endpoint] * (0.4 + rnd() * rnd() * 4)), rnd() < 0.03 ? 500 : 200])
    }
    for (let i = 0; i < int(8, 18); i++) {
      const type = pick(Object.keys(SUCCESS) as (keyof typeof SUCCESS)[])
      tasks.push([tasks.length + 1, stamp(d, rnd() * 1440), type, rnd() < SUCCESS[type] ? 'completed' : 'failed', int(1, USERS)])
    }
    for (let i = 0; i < int(0, 4); i++) nps.push([nps.length + 1, dayOf(d), Math.min(10, Math.floor(rnd() * 4 + rnd() * 8)), pick(CHANNELS)])
    for (let i = 0; i < int(1, 3); i++) csat.push([csat.length + 1, dayOf(d), int(2, 5)])
    if (rnd() < 0.3) {
      const detected = rnd() * 1440
      const resolved = rnd() < 0.04 ? null : stamp(d, detected + 5 + rnd() * rnd() * 300)
      incidents.push([incidents.length + 1, pick(['P1', 'P2', 'P3']), stamp(d, detected), resolved])
    }
    for (const [category, base] of [
      ['infrastructure', 420],
      ['personnel', 900],
      ['services', 130]
    ] as const)
      costs.push([dayOf(d), category, money(base * (0.8 + rnd() * 0.4))])
    for (let i = 0; i < int(3, 8); i++) {
      const plan = pick(PLANS)
      payments.push([payments.length + 1, dayOf(d), plan, money({ free: 0, pro: 29, team: 99 }[plan] * (1 + int(0, 3)))])
    }
    for (let i = 0; i < int(0, 3); i++)
      deployments.push([deployments.length + 1, stamp(d, rnd() * 1440), pick(['auto', 'manual', 'hotfix']), rnd() < 0.95 ? 'success' : 'failed'])
  }
  const finance: Value[][] = Array.from({ length: 12 }, (_, m) => [
    `2025-${String(m + 1).padStart(2, '0')}-01`,
    money(20_000 + rnd() * 10_000),
    money(60_000 + m * 6_000 + rnd() * 8_000),
    money(30_000 + rnd() * 6_000)
  ])

  return [
    {
      name: 'users',
      columns: [
        ['user_id', 'int'],
        ['signup_date', 'date'],
        ['channel', 'text'],
        ['plan', 'text'],
        ['email_verified', 'bool']
      ],
      rows: users
    },
    {
      name: 'activity',
      columns: [
        ['user_id', 'int'],
        ['activity_date', 'date'],
        ['sessions', 'int'],
        ['minutes', 'int']
      ],
      rows: activity
    },
    {
      name: 'funnel_events',
      columns: [
        ['user_id', 'int'],
        ['event_date', 'date'],
        ['step', 'text'],
        ['channel', 'text']
      ],
      rows: funnel
    },
    {
      name: 'api_requests',
      columns: [
        ['request_id', 'int'],
        ['requested_at', 'ts'],
        ['endpoint', 'text'],
        ['latency_ms', 'int'],
        ['status', 'int']
      ],
      rows: api
    },
    {
      name: 'tasks',
      columns: [
        ['task_id', 'int'],
        ['created_at', 'ts'],
        ['task_type', 'text'],
        ['status', 'text'],
        ['user_id', 'int']
      ],
      rows: tasks
    },
    {
      name: 'nps_responses',
      columns: [
        ['response_id', 'int'],
        ['answered_on', 'date'],
        ['score', 'int'],
        ['channel', 'text']
      ],
      rows: nps
    },
    {
      name: 'csat_responses',
      columns: [
        ['response_id', 'int'],
        ['answered_on', 'date'],
        ['score', 'int']
      ],
      rows: csat
    },
    {
      name: 'incidents',
      columns: [
        ['incident_id', 'int'],
        ['severity', 'text'],
        ['detected_at', 'ts'],
        ['resolved_at', 'ts']
      ],
      rows: incidents
    },
    {
      name: 'costs',
      columns: [
        ['cost_date', 'date'],
        ['category', 'text'],
        ['amount', 'money']
      ],
      rows: costs
    },
    {
      name: 'payments',
      columns: [
        ['payment_id', 'int'],
        ['paid_on', 'date'],
        ['plan', 'text'],
        ['amount', 'money']
      ],
      rows: payments
    },
    {
      name: 'finance',
      columns: [
        ['month_start', 'date'],
        ['investment', 'money'],
        ['revenue', 'money'],
        ['operating_cost', 'money']
      ],
      rows: finance
    },
    {
      name: 'deployments',
      columns: [
        ['deploy_id', 'int'],
        ['started_at', 'ts'],
        ['kind', 'text'],
        ['status', 'text']
      ],
      rows: deployments
    }
  ]
}

let tables: Table[] | undefined
const warehouse = () => (tables ??= build())

function literal(value: Value, dialect: WarehouseDialect): string {
  if (value === null) return 'NULL'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return dialect === 'mysql' ? (value ? '1' : '0') : value ? 'TRUE' : 'FALSE'
  return `'${value.replace(/'/g, "''")}'`
}

/** CREATE TABLE and INSERT statements (1,000 rows each) for one dialect; `prefix` qualifies the table names. */
export function warehouseStatements(dialect: WarehouseDialect, prefix = ''): string[] {
  return warehouse().flatMap((t) => {
    const create = `CREATE TABLE ${prefix}${t.name} (${t.columns.map(([name, type]) => `${name} ${TYPES[dialect][type]}`).join(', ')})`
    const inserts: string[] = []
    for (let i = 0; i < t.rows.length; i += 1000) {
      const chunk = t.rows.slice(i, i + 1000).map((r) => `(${r.map((v) => literal(v, dialect)).join(', ')})`)
      inserts.push(`INSERT INTO ${prefix}${t.name} VALUES ${chunk.join(', ')}`)
    }
    return [create, ...inserts]
  })
}
