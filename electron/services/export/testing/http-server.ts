import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface TestRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  /** Parsed JSON when the body is JSON, else the raw text. */
  body: unknown
  at: number
}

export interface TestResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** A one-shot scripted failure: answers matching requests `times` times instead of the service logic. */
export interface Fault extends TestResponse {
  method: string
  path: RegExp
  when?: (request: TestRequest) => boolean
  times?: number
}

/** Thrown by a route to answer an error the way the real service would. */
export class HttpReply extends Error {
  constructor(readonly response: TestResponse) {
    super(`HTTP ${response.status}`)
  }
}

export type Route = (request: TestRequest, params: string[]) => TestResponse

export interface TestServer {
  url: string
  requests: TestRequest[]
  /** Requests no route knew, or that broke the documented contract; a test must end with none. */
  violations: string[]
  fail(fault: Fault): void
  close(): Promise<void>
}

/**
 * A real HTTP server on 127.0.0.1 (port chosen by the OS). Routes are matched by method and
 * path pattern; anything else is a contract violation answered with 400 and recorded.
 */
export async function startTestServer(
  routes: { method: string; path: RegExp; handle: Route }[],
  guard: (request: TestRequest) => TestResponse | undefined
): Promise<TestServer> {
  const requests: TestRequest[] = []
  const violations: string[] = []
  const faults: (Fault & { left: number })[] = []

  const answer = (res: ServerResponse, response: TestResponse): void => {
    const headers = { ...response.headers }
    let payload = ''
    if (response.body !== undefined) {
      payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body)
      headers['content-type'] ??= typeof response.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'
    }
    res.writeHead(response.status, headers)
    res.end(payload)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown = text
      if (text !== '' && String(req.headers['content-type'] ?? '').includes('application/json')) {
        try {
          body = JSON.parse(text)
        } catch {
          violations.push(`${req.method} ${url.pathname}: body is not JSON`)
        }
      }
      const request: TestRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, at: Date.now() }
      requests.push(request)
      const fault = faults.find((f) => f.left > 0 && f.method === request.method && f.path.test(request.path) && (f.when?.(request) ?? true))
      if (fault) {
        fault.left--
        return answer(res, fault)
      }
      const refused = guard(request)
      if (refused) return answer(res, refused)
      for (const route of routes) {
        const match = route.method === request.method ? route.path.exec(request.path) : null
        if (!match) continue
        try {
          return answer(res, route.handle(request, match.slice(1)))
        } catch (error) {
          if (error instanceof HttpReply) return answer(res, error.response)
          violations.push(`${request.method} ${request.path}: ${(error as Error).message}`)
          return answer(res, { status: 400, body: { message: `test server: ${(error as Error).message}` } })
        }
      }
      violations.push(`unexpected request ${request.method} ${request.path}`)
      answer(res, { status: 400, body: { message: 'test server: unexpected request' } })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    fail: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

/** Contract checks inside routes: a failed check is recorded as a violation and answered 400. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
