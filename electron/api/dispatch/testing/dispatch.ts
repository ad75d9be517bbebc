import type { ErrorEnvelope } from '../../../domain/errors'
import { createDispatcher } from '../dispatcher'
import { createHandlers } from '../handlers'
import type { Core } from '../../../services/core'

export interface CallOptions {
  signal?: AbortSignal
  onChunk?: (chunk: unknown) => void
}

/** Procedures called the way every shell calls them: through the dispatcher, as one user. */
export function procedureCaller(core: Core, actor = 'pm-li') {
  const dispatch = createDispatcher(createHandlers(core, { version: 'test', mode: 'web', systemLocale: 'zh-CN' }))
  const raw = (name: string, input: unknown, options: CallOptions = {}) =>
    dispatch(name, input, { actor, signal: options.signal ?? new AbortController().signal, emit: (chunk) => options.onChunk?.(chunk) })
  return {
    raw,
    async call<T>(name: string, input: unknown, options: CallOptions = {}): Promise<T> {
      const result = await raw(name, input, options)
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`)
      return result.data as T
    },
    async failure(name: string, input: unknown, options: CallOptions = {}): Promise<ErrorEnvelope> {
      const result = await raw(name, input, options)
      if (result.ok) throw new Error(`${name} succeeded but was expected to fail`)
      return result.error
    }
  }
}

export const reviewAnswer = (summary: string, proposals: unknown[]) => ({ summary, proposals })

export const proposal = (kind: 'patch' | 'add' | 'retire', code: string, rationale: string, changes: [string, string][] = []) => ({
  kind,
  code,
  rationale,
  changes: changes.map(([field, value]) => ({ field, value, rationale: '' })),
  benchmarks: [],
  milestones: []
})
