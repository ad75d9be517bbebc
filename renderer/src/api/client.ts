import type { Chunk, EventMap, EventName, Input, Output, ProcedureName, Result } from '../../../electron/api'
import { ApiError } from './api-error'
import { createHttpTransport } from './http-transport'
import type { Transport } from './transport'

export { ApiError } from './api-error'

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new ApiError(result.error)
  return result.data as T
}

/** The typed client over the contract in electron/api: data back, or an ApiError thrown. */
export function createApi(transport: Transport) {
  return {
    call: async <N extends ProcedureName>(name: N, input: Input<N>): Promise<Output<N>> => unwrap<Output<N>>(await transport.call(name, input)),
    on: <E extends EventName>(event: E, cb: (payload: EventMap[E]) => void): (() => void) => transport.on(event, cb),
    stream<N extends ProcedureName>(name: N, input: Input<N>, onChunk: (chunk: Chunk<N>) => void) {
      const { result, cancel } = transport.stream(name, input, onChunk as (chunk: unknown) => void)
      return { result: result.then((r) => unwrap<Output<N>>(r)), cancel }
    }
  }
}
export type Api = ReturnType<typeof createApi>

/** Browser mode opens the page with `?token=`; the server already set the session cookie, so drop it from the address bar. */
export function stripTokenFromAddress(): void {
  const url = new URL(window.location.href)
  if (!url.searchParams.has('token')) return
  url.searchParams.delete('token')
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
}

export const api: Api = createApi(typeof window !== 'undefined' && window.kpi ? window.kpi : createHttpTransport())
