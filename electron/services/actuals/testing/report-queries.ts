import type { ReportCase } from './report-case'
import { OPERATIONS_CASES } from './report-cases-operations'
import { USER_CASES } from './report-cases-users'

export type { ReportCase }

/** At least 20 report queries analysts write, each with its own expected value per period. */
export const REPORT_CASES: ReportCase[] = [...USER_CASES, ...OPERATIONS_CASES]
