import { bindPeriod } from './bind-period'
import { createClickHouseDriver } from './drivers/clickhouse'
import { createDuckDbDriver } from './drivers/duckdb'
import { throwIfAborted } from './drivers/driver-errors'
import { createMysqlDriver } from './drivers/mysql'
import { createPostgresDriver } from './drivers/postgres'
import { createSqliteDriver } from './drivers/sqlite'
import { checkFormula } from './formula-guard'
import { shapeResult, withTiming } from './result-shape'
import {
  DEFAULT_ROW_LIMIT,
  DEFAULT_TIMEOUT_MS,
  type Connector,
  type Driver,
  type FormulaResult,
  type Period,
  type RunLimits,
  type SourceConfig
} from './types'

export function createConnector(config: SourceConfig): Connector {
  const driver = createDriver(config)
  return {
    test: (signal) => driver.test(signal),
    tables: (signal) => driver.tables(signal),
    runFormula: (sql, period, signal) => {
      checkFormula(sql, config.kind)
      return runFormulaUnchecked(driver, config, sql, period, signal)
    },
    close: () => driver.close()
  }
}

export function createDriver(config: SourceConfig): Driver {
  switch (config.kind) {
    case 'postgres':
      return createPostgresDriver(config)
    case 'mysql':
      return createMysqlDriver(config)
    case 'sqlite':
      return createSqliteDriver(config)
    case 'duckdb':
      return createDuckDbDriver(config)
    case 'clickhouse':
      return createClickHouseDriver(config)
  }
}

export function limitsOf(config: SourceConfig): RunLimits {
  return { timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS, rowLimit: config.rowLimit ?? DEFAULT_ROW_LIMIT }
}

/**
 * Binds, runs and shapes a formula WITHOUT the formula guard. Only for tests proving that the
 * read-only session itself stops writes; the app always goes through `createConnector`.
 */
export async function runFormulaUnchecked(
  driver: Driver,
  config: SourceConfig,
  sql: string,
  period: Period,
  signal?: AbortSignal
): Promise<FormulaResult> {
  const bound = bindPeriod(sql, config.kind, period)
  const limits = limitsOf(config)
  throwIfAborted(signal)
  const started = performance.now()
  const rows = await driver.execute(bound, limits, signal)
  const elapsedMs = Math.round(performance.now() - started)
  return withTiming(shapeResult(rows, limits.rowLimit), bound.preview, elapsedMs)
}
