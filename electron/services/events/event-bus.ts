import type { EventMap, EventName } from '../../domain/events'

export type AnyListener = <N extends EventName>(name: N, payload: EventMap[N]) => void

export interface EventBus {
  emit<N extends EventName>(name: N, payload: EventMap[N]): void
  /** Every event, for the shells that forward them (IPC, SSE). Returns the unsubscribe function. */
  onAny(listener: AnyListener): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<AnyListener>()
  return {
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload)
    },
    onAny(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }
  }
}
