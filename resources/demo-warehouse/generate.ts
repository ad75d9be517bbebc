import { rm } from 'node:fs/promises'
import { DuckDBInstance } from '@duckdb/node-api'
import { AppError } from '../../electron/domain/errors'
import { incidentTables, operationsTables } from './operations-tables'
import { productTables } from './product-tables'

export interface DemoWarehouseOptions {
  /** Last day of data (ISO date), usually today. */
  endDate: string
  /** Days of history, default 365. */
  days?: number
  seed?: number
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

export const DEMO_TABLES = [
  'users',
  'user_activity',
  'user_sessions',
  'tasks',
  'api_logs',
  'support_tickets',
  'nps_surveys',
  'user_satisfaction_surveys',
  'system_health_checks',
  'deployment_logs',
  'incident_management'
] as const

export const DEFAULT_DEMO_SEED = 20251104

/**
 * Writes a DuckDB file of synthetic analytics for an AI-assistant product, entirely in SQL so that
 * DuckDB generates it in bulk. Same seed + endDate + days → identical data.
 */
export async function generateDemoWarehouse(file: string, options: DemoWarehouseOptions): Promise<{ tables: string[]; rows: number }> {
  const { endDate, days = 365, seed = DEFAULT_DEMO_SEED } = options
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || Number.isNaN(Date.parse(`${endDate}T00:00:00Z`))) {
    throw new AppError('VALIDATION', `endDate must be an ISO date (YYYY-MM-DD), got "${endDate}".`)
  }
  if (!Number.isInteger(days) || days < 30 || days > 3660) {
    throw new AppError('VALIDATION', `days must be a whole number between 30 and 3660, got ${days}.`)
  }
  if (!Number.isSafeInteger(seed)) throw new AppError('VALIDATION', `seed must be an integer, got ${seed}.`)
  const end = new Date(`${endDate}T00:00:00Z`)
  const start = new Date(end.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10)
  const timelineEnd = new Date(end.getTime() + 86_400_000).toISOString().slice(0, 10)

  await Promise.all([rm(file, { force: true }), rm(`${file}.wal`, { force: true })])
  const instance = await DuckDBInstance.create(file)
  const connection = await instance.connect()
  try {
    const statements = [
      // u: uniform [0, 1) from a seeded hash of the row's keys; z: standard normal (Box–Muller).
      `CREATE TEMP MACRO u(a, b, salt) AS ((hash(${seed}, a, b, salt) % 1000003)::DOUBLE / 1000003)`,
      `CREATE TEMP MACRO z(a, b, salt) AS (sqrt(-2 * ln(u(a, b, salt || '.1') + 1e-9)) * cos(2 * pi() * u(a, b, salt || '.2')))`,
      // For the big tables: one hash per row, split into four 16-bit uniforms (0, 1) and a normal.
      `CREATE TEMP MACRO h(a, b) AS hash(${seed}, a, b)`,
      `CREATE TEMP MACRO ub(x, k) AS ((((x >> (16 * k)) & 65535) + 0.5) / 65536.0)`,
      `CREATE TEMP MACRO zb(x) AS (sqrt(-2 * ln(ub(x, 0))) * cos(2 * pi() * ub(x, 1)))`,
      `CREATE TEMP TABLE calendar AS
       SELECT d, DATE '${start}' + d::INTEGER AS day, d / ${days - 1}::DOUBLE AS t,
         CASE WHEN dayofweek(DATE '${start}' + d::INTEGER) IN (0, 6) THEN 0.55 ELSE 1.0 END AS wf
       FROM range(${days}) r(d)`,
      ...incidentTables(timelineEnd),
      ...productTables(),
      ...operationsTables(timelineEnd)
    ]
    for (const [index, sql] of statements.entries()) {
      if (options.signal?.aborted) throw new AppError('CANCELLED', 'Generating the demo warehouse was cancelled.')
      await connection.run(sql)
      options.onProgress?.(index + 1, statements.length)
    }
    let rows = 0
    for (const table of DEMO_TABLES) {
      const reader = await connection.runAndReadAll(`SELECT COUNT(*) FROM ${table}`)
      rows += Number(reader.getRowsJS()[0]?.[0])
    }
    await connection.run('CHECKPOINT')
    return { tables: [...DEMO_TABLES], rows }
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}
