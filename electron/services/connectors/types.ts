import type { SourceKind } from '../../../db/schema/integrations'
import type { FormulaProtection } from '../../domain/source-protection'
import type { BoundQuery } from './bind-period'

export type { SourceKind }

export interface SourceConfig {
  kind: SourceKind
  /** Connection URL without password, e.g. `postgres://kpi@db:5432/analytics?schema=public`. */
  url: string
  /** From the secret store; never part of the URL. */
  password?: string
  /** Statement timeout, default 30 s. */
  timeoutMs?: number
  /** Most rows a formula may return, default 10,000. */
  rowLimit?: number
}

/** ISO dates, end exclusive. */
export interface Period {
  start: string
  end: string
}

export interface TableInfo {
  schema?: string
  name: string
  columns: { name: string; type: string }[]
}

/** A result column as the database describes it (its own type name, e.g. `numeric`, `DATE`, `VARCHAR`). */
export interface ResultColumn {
  name: string
  type: string
}

export interface ResultSet {
  columns: ResultColumn[]
  rows: unknown[][]
}

/** The table a formula returned for a bound period, before any mapping. */
export interface QueryResult extends ResultSet {
  boundSql: string
  elapsedMs: number
}

export type FormulaResult =
  | { kind: 'single'; value: number; boundSql: string; elapsedMs: number }
  | { kind: 'series'; points: { periodStart: string; value: number }[]; boundSql: string; elapsedMs: number }

export interface ConnectionTest {
  serverVersion: string
  user?: string
  canWrite: boolean
  writeReason?: string
  /** What the database enforces while a formula runs with this login. */
  protection: FormulaProtection
}

export interface Connector {
  test(signal?: AbortSignal): Promise<ConnectionTest>
  tables(signal?: AbortSignal): Promise<TableInfo[]>
  runFormula(sql: string, period: Period, signal?: AbortSignal): Promise<FormulaResult>
  /** The formula's table with its column names and types; no shaping. */
  runQuery(sql: string, period: Period, signal?: AbortSignal): Promise<QueryResult>
  /** Asks the database to plan the formula without running it: unknown tables and columns fail here. */
  explain(sql: string, period: Period, signal?: AbortSignal): Promise<void>
  close(): Promise<void>
}

export interface RunLimits {
  timeoutMs: number
  rowLimit: number
}

/** What each database driver provides; the connector adds the guard, binding and result shape. */
export interface Driver {
  test(signal?: AbortSignal): Promise<ConnectionTest>
  tables(signal?: AbortSignal): Promise<TableInfo[]>
  /** Runs one bound SELECT read-only and returns its columns and at most `rowLimit + 1` rows as arrays. */
  execute(query: BoundQuery, limits: RunLimits, signal?: AbortSignal): Promise<ResultSet>
  /** Plans one bound SELECT read-only without running it (EXPLAIN, prepare); absent where the database has no cheap way. */
  explain?(query: BoundQuery, limits: RunLimits, signal?: AbortSignal): Promise<void>
  close(): Promise<void>
}

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_ROW_LIMIT = 10_000
/** Unreachable hosts fail within this, whatever the statement timeout. */
export const CONNECT_TIMEOUT_MS = 5_000
