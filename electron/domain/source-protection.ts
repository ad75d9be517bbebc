/** What the database itself enforces while a KPI formula runs, as codes the UI and the CLI translate. */
export const PROTECTION_MEASURES = [
  // the engine refuses every write for the whole run
  'readOnlyTransaction',
  'readOnlyOpen',
  'readOnlySetting',
  // PostgreSQL: the formula runs inside a function owned by a role that can only read, so it cannot take the login's powers back
  'restrictedRole',
  // the engine stops the statement at the source's timeout
  'statementTimeout',
  // the app interrupts an in-process engine at the timeout or on cancel
  'interrupt',
  // DuckDB: no files, URLs or extensions outside the source
  'noExternalAccess',
  'memoryLimit'
] as const
export type ProtectionMeasure = (typeof PROTECTION_MEASURES)[number]

/** Powers a formula keeps with this login although writes are refused. */
export const PROTECTION_GAPS = [
  // a superuser session could lift any restriction set inside it (PostgreSQL before 14, or no restricted role)
  'superuserSession',
  // may read (or write) files on the database server
  'serverFiles',
  // may end or cancel other sessions
  'signalSessions',
  // may run programs on the database server
  'serverPrograms'
] as const
export type ProtectionGap = (typeof PROTECTION_GAPS)[number]

export interface FormulaProtection {
  /** `enforced`: nothing but reading is possible; `partial`: writes are refused, the gaps remain; `refused`: formulas do not run with this login. */
  level: 'enforced' | 'partial' | 'refused'
  measures: ProtectionMeasure[]
  gaps: ProtectionGap[]
  /** The role formulas run as, where it differs from the login (PostgreSQL `pg_read_all_data`). */
  runsAs?: string
  timeoutMs: number
}

export function protectionOf(measures: ProtectionMeasure[], gaps: ProtectionGap[], timeoutMs: number, runsAs?: string): FormulaProtection {
  const level = gaps.includes('superuserSession') ? 'refused' : gaps.length ? 'partial' : 'enforced'
  return { level, measures, gaps, timeoutMs, ...(runsAs ? { runsAs } : {}) }
}
