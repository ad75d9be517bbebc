import type { EventMap, EventName, Result } from '../../../electron/api'
import { createSseParser } from './sse'
import type { Transport } from './transport'

const unreachable = (error: unknown): Result<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: `Cannot reach the KPI Loop server: ${error instanceof Error ? error.message : String(error)}` }
})

async function readResult(response: Response): Promise<Result<unknown>> {
  const text = await response.text()
  try {
    return JSON.parse(text) as Result<unknown>
  } catch {
    const code = response.status === 401 || response.status === 403 ? 'UNAUTHORIZED' : 'INTERNAL'
    return { ok: false, error: { code, message: `HTTP ${response.status}: ${text.slice(0, 200)}` } }
  }
}

const post = (path: string, input: unknown, signal?: AbortSignal) =>
  fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
    signal
  })

/** Browser mode: procedures over POST, events and streams over server-sent events; the session cookie authenticates. */
export function createHttpTransport(base = ''): Transport {
  let source: EventSource | null = null
  const listeners = new Map<EventName, Set<(payload: never) => void>>()

  function ensureSource(event: EventName): EventSource {
    source ??= new EventSource(`${base}/api/events`)
    if (!listeners.has(event)) {
      listeners.set(event, new Set())
      source.addEventListener(event, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as never
        for (const cb of listeners.get(event) ?? []) cb(payload)
      })
    }
    return source
  }

  return {
    async call(name, input) {
      try {
        return await readResult(await post(`${base}/api/call/${encodeURIComponent(name)}`, input))
      } catch (error) {
        return unreachable(error)
      }
    },
    on<E extends EventName>(event: E, cb: (payload: EventMap[E]) => void) {
      ensureSource(event)
      const set = listeners.get(event)!
      set.add(cb as (payload: never) => void)
      return () => void set.delete(cb as (payload: never) => void)
    },
    stream(name, input, onChunk) {
      const controller = new AbortController()
      const result = (async (): Promise<Result<unknown>> => {
        try {
          const response = await post(`${base}/api/stream/${encodeURIComponent(name)}`, input, controller.signal)
          if (!response.ok || !response.body) return readResult(response)
          const feed = createSseParser()
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
          for (;;) {
            const { value, done } = await reader.read()
            if (done) break
            for (const message of feed(value)) {
              if (message.event === 'chunk') onChunk(JSON.parse(message.data))
              else if (message.event === 'result') return JSON.parse(message.data) as Result<unknown>
            }
          }
          return { ok: false, error: { code: 'INTERNAL', message: 'The stream ended without a result.' } }
        } catch (error) {
          if (controller.signal.aborted) return { ok: false, error: { code: 'CANCELLED', message: 'Cancelled.' } }
          return unreachable(error)
        }
      })()
      return { result, cancel: () => controller.abort() }
    }
  }
}
