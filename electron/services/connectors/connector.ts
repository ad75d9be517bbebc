import { bindPeriod } from './bind-period'
import { throwIfAborted } from './drivers/driver-errors'
import { checkFormula } from './formula-guard'
import { shapeResult, withTiming } from './result-shape'
import { parseFileUrl, parseServerUrl } from './source-url'
import { AppError } from '../../domain/errors'
import {
  DEFAULT_ROW_LIMIT,
  DEFAULT_TIMEOUT_MS,
  type Connector,
  type Driver,
  type FormulaResult,
  type Period,
  type QueryResult,
  type RunLimits,
  type SourceConfig
} from './types'

export function createConnector(config: SourceConfig): Connector {
  // A malformed URL, or one holding a password, is refused at once, before any driver loads.
  if (config.kind === 'sqlite' || config.kind === 'duckdb') parseFileUrl(config.url, config.kind)
  else parseServerUrl(config.url, config.kind)
  let driver: Promise<Driver> | undefined
  const ready = () => (driver ??= createDriver(config))
  return {
    test: async (signal) => (await ready()).test(signal),
    tables: async (signal) => (await ready()).tables(signal),
    runFormula: async (sql, period, signal) => {
      checkFormula(sql, config.kind)
      return runFormulaUnchecked(await ready(), config, sql, period, signal)
    },
    runQuery: async (sql, period, signal) => {
      checkFormula(sql, config.kind)
      return runQueryUnchecked(await ready(), config, sql, period, signal)
    },
    explain: async (sql, period, signal) => {
      checkFormula(sql, config.kind)
      const driver = await ready()
      const bound = bindPeriod(sql, config.kind, period)
      throwIfAborted(signal)
      if (driver.explain) await driver.explain(bound, limitsOf(config), signal)
      else await driver.execute(bound, limitsOf(config), signal)
    },
    close: async () => (driver ? (await driver).close() : undefined)
  }
}

/** Each database's client library is loaded only when a source of that kind is used (CLI start-up). */
export async function createDriver(config: SourceConfig): Promise<Driver> {
  switch (config.kind) {
    case 'postgres':
      return (await import('./drivers/postgres')).createPostgresDriver(config)
    case 'mysql':
      return (await import('./drivers/mysql')).createMysqlDriver(config)
    case 'sqlite':
      return (await import('./drivers/sqlite')).createSqliteDriver(config)
    case 'duckdb':
      return (await import('./drivers/duckdb')).createDuckDbDriver(config)
    case 'clickhouse':
      return (await import('./drivers/clickhouse')).createClickHouseDriver(config)
  }
}

export function limitsOf(config: SourceConfig): RunLimits {
  return { timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS, rowLimit: config.rowLimit ?? DEFAULT_ROW_LIMIT }
}

/**
 * Binds, runs and shapes a formula WITHOUT the formula guard. Only for tests proving that the
 * read-only session itself stops writes; the app always goes through `createConnector`.
 */
export async function runFormulaUnchecked(driver: Driver, config: SourceConfig, sql: string, period: Period, signal?: AbortSignal): Promise<FormulaResult> {
  const result = await runQueryUnchecked(driver, config, sql, period, signal)
  return withTiming(shapeResult(result.rows, limitsOf(config).rowLimit), result.boundSql, result.elapsedMs)
}

async function runQueryUnchecked(driver: Driver, config: SourceConfig, sql: string, period: Period, signal?: AbortSignal): Promise<QueryResult> {
  const bound = bindPeriod(sql, config.kind, period)
  const limits = limitsOf(config)
  throwIfAborted(signal)
  const started = performance.now()
  const { columns, rows } = await driver.execute(bound, limits, signal)
  const elapsedMs = Math.round(performance.now() - started)
  if (rows.length > limits.rowLimit)
    throw new AppError('QUERY_TOO_MANY_ROWS', `The formula returned more than ${limits.rowLimit} rows.`, { rowLimit: limits.rowLimit })
  return { columns, rows, boundSql: bound.preview, elapsedMs }
}
