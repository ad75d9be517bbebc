import OpenAI from 'openai'
import { AppError } from '../../domain/errors'

/** Removes the key from any text that might echo it (providers sometimes quote it in 401 bodies). */
export function redactKey(text: string, apiKey: string | undefined): string {
  if (!apiKey || apiKey.length < 4) return text
  return text.split(apiKey).join('[redacted]')
}

function providerMessage(error: InstanceType<typeof OpenAI.APIError>): string {
  const body = error.error as { message?: unknown } | undefined
  return typeof body?.message === 'string' ? body.message : error.message
}

/** Maps anything the SDK throws to an AppError the UI can translate; never leaks the key. */
export function toLlmError(error: unknown, signal: AbortSignal | undefined, apiKey: string | undefined): AppError {
  if (error instanceof AppError) return error
  if (signal?.aborted || error instanceof OpenAI.APIUserAbortError) return new AppError('CANCELLED', 'The request to the LLM was cancelled.')
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new AppError('LLM_TIMEOUT', 'The LLM endpoint did not answer in time.')
  if (error instanceof OpenAI.APIConnectionError) {
    const cause = (error.cause as { cause?: { code?: string }; code?: string } | undefined) ?? {}
    const code = cause.cause?.code ?? cause.code
    return new AppError(
      'LLM_UNREACHABLE',
      'The LLM endpoint could not be reached (check the base URL and that the server is running).',
      code ? { cause: code } : undefined
    )
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const message = redactKey(providerMessage(error), apiKey)
    const details = { status: error.status, providerMessage: message }
    if (error.status === 401 || error.status === 403)
      return new AppError('LLM_AUTH', 'The LLM endpoint refused the API key or the access to this model.', details)
    if (error.status === 429) return new AppError('LLM_RATE_LIMIT', 'The LLM endpoint is rate limiting requests; try again later.', details)
    return new AppError('LLM_HTTP', `The LLM endpoint answered HTTP ${error.status}.`, details)
  }
  const message = redactKey(error instanceof Error ? error.message : String(error), apiKey)
  return new AppError('LLM_HTTP', 'The LLM endpoint sent an answer that could not be read.', { providerMessage: message })
}
