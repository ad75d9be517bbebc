import { AppError, isAppError } from '../../../domain/errors'

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE'])

export function cancelled(): AppError {
  return new AppError('CANCELLED', 'The query was cancelled.')
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelled()
}

/** Unreachable host or port, refused connection, DNS failure, connect timeout → SOURCE_CONNECT; else null. */
export function networkError(error: unknown, where: string): AppError | null {
  if (isAppError(error)) return error
  const e = error as { code?: string; message?: string }
  const connectTimeout = /timeout/i.test(e.message ?? '') && /connect/i.test(e.message ?? '')
  if ((e.code && NETWORK_CODES.has(e.code)) || connectTimeout) {
    return new AppError('SOURCE_CONNECT', `Cannot reach ${where}: ${e.code ?? e.message}.`, { code: e.code })
  }
  return null
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
