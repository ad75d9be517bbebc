// Error codes cross every boundary (IPC, HTTP, CLI) as data; the UI translates them.
export const ERROR_CODES = [
  'VALIDATION',
  'INTERNAL',
  'CANCELLED',
  'UNAUTHORIZED',
  'UNKNOWN_PROCEDURE',
  'BOARD_NOT_FOUND',
  'DUPLICATE_BOARD',
  'KPI_NOT_FOUND',
  'DUPLICATE_CODE',
  'REVISION_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'DUPLICATE_LABEL',
  'TARGET_UNPARSED',
  'THRESHOLDS_INCONSISTENT',
  'GATE_BLOCKED',
  'TARGET_LOCKED',
  'PROPOSAL_NOT_FOUND',
  'PROPOSAL_DECIDED',
  'MEASUREMENT_INVALID',
  'WORKSPACE_NOT_SQLITE',
  'WORKSPACE_MISSING',
  'WORKSPACE_TOO_NEW',
  'WORKSPACE_READ_ONLY',
  'WORKSPACE_LOCKED',
  'WORKSPACE_FOLDER_MISSING',
  'WORKSPACE_EMPTY_FILE',
  'WORKSPACE_DAMAGED',
  'WORKSPACE_BUSY',
  'DISK_FULL',
  'BACKUP_NOT_FOUND',
  'SOURCE_NOT_FOUND',
  'DUPLICATE_SOURCE',
  'SOURCE_CONFIG',
  'SOURCE_CONNECT',
  'SOURCE_AUTH',
  'SOURCE_TIMEOUT',
  'SOURCE_READ_ONLY',
  'SOURCE_WRITE_REFUSED',
  'SOURCE_FORBIDDEN',
  'SOURCE_UNSAFE_ROLE',
  'SECRET_MISSING',
  'QUERY_SYNTAX',
  'QUERY_FAILED',
  'QUERY_NO_ROW',
  'QUERY_NULL',
  'QUERY_NOT_NUMBER',
  'QUERY_TOO_MANY_ROWS',
  'PERIOD_INVALID',
  'MAPPING_COLUMN_MISSING',
  'MAPPING_AMBIGUOUS',
  'FORMULA_NOT_PERIODIC',
  'ROLLING_NO_BACKFILL',
  'QUERY_OUT_OF_PERIOD',
  'LLM_NOT_CONFIGURED',
  'LLM_AUTH',
  'LLM_RATE_LIMIT',
  'LLM_TIMEOUT',
  'LLM_HTTP',
  'LLM_UNREACHABLE',
  'LLM_INVALID_OUTPUT',
  'LLM_BUDGET',
  'IMPORT_EMPTY',
  'IMPORT_NO_KPI',
  'IMPORT_TOO_LARGE',
  'IMPORT_BINARY',
  'IMPORT_UNSUPPORTED',
  'IMPORT_MALFORMED',
  'EXPORT_AUTH',
  'EXPORT_RATE_LIMIT',
  'EXPORT_FAILED',
  'EXPORT_CONFIG'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export interface ErrorEnvelope {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
