import type { EventMap, EventName, Result } from '../../../electron/api'

/** What the Electron preload exposes; absent in browser mode. */
export interface WindowKpi {
  call(name: string, input: unknown): Promise<Result<unknown>>
  on<E extends EventName>(event: E, cb: (payload: EventMap[E]) => void): () => void
  stream(name: string, input: unknown, onChunk: (chunk: unknown) => void): { result: Promise<Result<unknown>>; cancel(): void }
}

declare global {
  interface Window {
    kpi?: WindowKpi
  }
}
