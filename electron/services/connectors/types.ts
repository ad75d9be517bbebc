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
  /** Runs one bound SELECT read-only and returns at most `rowLimit + 1` rows as arrays. */
  execute(query: BoundQuery, limits: RunLimits, signal?: AbortSignal): Promise<unknown[][]>
  close(): Promise<void>
}

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_ROW_LIMIT = 10_000
/** Unreachable hosts fail within this, whatever the statement timeout. */
export const CONNECT_TIMEOUT_MS = 5_000
