import type { ErrorCode, ErrorEnvelope } from '../../../electron/domain/errors'

/** An error the core returned (or the transport met), carried by code so the UI can translate it. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(envelope: ErrorEnvelope) {
    super(envelope.message)
    this.name = 'ApiError'
    this.code = envelope.code
    this.details = envelope.details
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ApiError({ code: 'INTERNAL', message })
}
