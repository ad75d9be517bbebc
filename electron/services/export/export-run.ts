import { AppError } from '../../domain/errors'
import type { ExportItemResult, ExportKpi, ExportTarget, OnMissing } from '../../domain/export'
import type { ExportLink, LinkStore } from './export-links'

export interface ExportRunOptions {
  kpis: readonly ExportKpi[]
  links: LinkStore
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

export interface CreatedItem {
  externalId: string
  url: string | null
}

/** What one exporter knows how to do with a single item; the runner does the rest. */
export interface ItemAdapter {
  target: ExportTarget
  container: string
  create(kpi: ExportKpi): Promise<CreatedItem>
  /** Updates the linked item, or says it was deleted/archived in the external tool. */
  update(kpi: ExportKpi, link: ExportLink): Promise<CreatedItem | 'missing'>
}

/** Errors that make every further item fail the same way: the run stops on them. */
const FATAL = new Set(['EXPORT_AUTH', 'EXPORT_RATE_LIMIT', 'EXPORT_CONFIG'])

/**
 * Exports KPIs one by one: updates an item already linked, creates one otherwise, and stores the
 * link right after each success so a later failure keeps what succeeded. Cancellation and fatal
 * errors throw an AppError whose details carry the results so far.
 */
export async function runExport(
  adapter: ItemAdapter,
  { kpis, links, signal, onProgress }: ExportRunOptions,
  onMissing: OnMissing,
  now: () => number = Date.now
): Promise<ExportItemResult[]> {
  const results: ExportItemResult[] = []
  const store = (kpi: ExportKpi, item: CreatedItem): void =>
    links.put({
      kpiId: kpi.id,
      target: adapter.target,
      container: adapter.container,
      externalId: item.externalId,
      externalUrl: item.url,
      lastRevisionId: kpi.revisionId,
      exportedAt: now()
    })
  for (const kpi of kpis) {
    if (signal?.aborted) {
      throw new AppError('CANCELLED', `The export was cancelled after ${results.length} of ${kpis.length} KPIs.`, { results })
    }
    const base = { kpiId: kpi.id, code: kpi.code }
    try {
      const link = links.get(kpi.id, adapter.target, adapter.container)
      const updated = link ? await adapter.update(kpi, link) : undefined
      if (link && updated === 'missing' && onMissing === 'report') {
        results.push({ ...base, outcome: 'missing', externalId: link.externalId, ...(link.externalUrl ? { url: link.externalUrl } : {}) })
      } else if (updated && updated !== 'missing') {
        store(kpi, updated)
        results.push({ ...base, outcome: 'updated', externalId: updated.externalId, ...(updated.url ? { url: updated.url } : {}) })
      } else {
        const created = await adapter.create(kpi)
        store(kpi, created)
        results.push({ ...base, outcome: link ? 'recreated' : 'created', externalId: created.externalId, ...(created.url ? { url: created.url } : {}) })
      }
    } catch (error) {
      if (error instanceof AppError && FATAL.has(error.code)) {
        throw new AppError(error.code, error.message, { ...error.details, results })
      }
      results.push({ ...base, outcome: 'failed', error: error instanceof Error ? error.message : String(error) })
    }
    onProgress?.(results.length, kpis.length)
  }
  return results
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })

export interface RateLimitInfo {
  /** Milliseconds the service asked to wait (Retry-After), when it said. */
  retryAfterMs?: number
}

/**
 * Retries `call` when `isRateLimited` recognises a 429, waiting what Retry-After asks (capped) or
 * an exponential back-off; after `maxRetries` the run stops with EXPORT_RATE_LIMIT.
 */
export async function withRateLimitRetry<T>(
  service: string,
  call: () => Promise<T>,
  isRateLimited: (error: unknown) => RateLimitInfo | undefined,
  { maxRetries = 3, maxDelayMs = 30_000, signal }: { maxRetries?: number; maxDelayMs?: number; signal?: AbortSignal } = {}
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      const limited = isRateLimited(error)
      if (!limited) throw error
      if (attempt >= maxRetries) {
        throw new AppError('EXPORT_RATE_LIMIT', `${service} is still rate limiting after ${maxRetries} retries; try again later.`)
      }
      await sleep(Math.min(limited.retryAfterMs ?? 1000 * 2 ** attempt, maxDelayMs), signal)
    }
  }
}

/** Spaces request starts at least `1000 / perSecond` ms apart (Notion asks for ~3 requests/second). */
export function createThrottle(perSecond: number): <T>(call: () => Promise<T>) => Promise<T> {
  const interval = 1000 / perSecond
  let next = 0
  return async (call) => {
    const now = Date.now()
    const start = Math.max(now, next)
    next = start + interval
    if (start > now) await sleep(start - now)
    return call()
  }
}

/** Milliseconds from a Retry-After header (delta-seconds or HTTP date). */
export function retryAfterMs(header: string | null | undefined): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}
