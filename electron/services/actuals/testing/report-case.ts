import type { Frequency } from '../../../domain/kpi'
import type { Grain } from '../../../domain/period'
import type { ResultMapping } from '../../../domain/result-mapping'

/**
 * Report queries as analysts write them (tables by day, week, month, quarter, cohort or segment, several
 * columns), each with the KPI it measures and, apart from the app's mapping code, a SQL that computes
 * the expected value of one period on PostgreSQL ($1 = its first day, $2 = the day after its last).
 */
export interface ReportCase {
  id: string
  kpi: { code: string; name: string; target: string; frequency: Frequency }
  /** The formula per engine; DuckDB runs the PostgreSQL text unless it has its own. */
  sql: { postgres: string; duckdb?: string; mysql?: string }
  /** The backfill a pull is asked for, [from, to). */
  range: { from: string; to: string }
  /** What one stored value spans. */
  grain: Grain
  /** The mapping the app must propose; absent when the user has to decide. */
  proposes?: ResultMapping
  /** What the user saves instead of the proposal. */
  mapping?: ResultMapping
  expected: string
  tolerance: number
}

/** The backfill ranges the cases ask for: a quarter of weeks, a month of days, a year of months and quarters. */
export const Q1 = { from: '2025-01-06', to: '2025-04-07' }
export const MARCH = { from: '2025-03-01', to: '2025-04-01' }
export const YEAR = { from: '2025-01-01', to: '2026-01-01' }
