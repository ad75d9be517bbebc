import type { EventMap, EventName, Result } from '../../../electron/api'

/** How the client reaches the core: the Electron preload or browser mode's HTTP server. */
export interface Transport {
  call(name: string, input: unknown): Promise<Result<unknown>>
  on<E extends EventName>(event: E, cb: (payload: EventMap[E]) => void): () => void
  stream(name: string, input: unknown, onChunk: (chunk: unknown) => void): { result: Promise<Result<unknown>>; cancel(): void }
}
