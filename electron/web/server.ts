import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { Runtime } from '../api/dispatch/runtime'
import { createAuth, isJson, isLocalHost, isSameOrigin, sessionCookie } from './auth'
import { readJson, sendJson, sendText, startSse } from './http-io'
import { serveStatic } from './static-files'

export interface WebServerOptions {
  runtime: Runtime
  port?: number
  staticDir: string
  actor: string
}

const USED_LINK = [
  'This KPI Loop address has already been used (each one opens one browser session).',
  'For a new one, press Enter in the terminal that runs KPI Loop.',
  '',
  '此 KPI Loop 地址已被使用（每个地址只能打开一个浏览器会话）。',
  '如需新地址，请在运行 KPI Loop 的终端中按回车键。'
].join('\n')

const refuse = (res: ServerResponse, status: number, message: string) => sendJson(res, status, { ok: false, error: { code: 'UNAUTHORIZED', message } })

/**
 * Browser mode: the renderer and the same procedures over HTTP + server-sent events, on
 * 127.0.0.1 only. A printed one-time address opens a session (HttpOnly, SameSite=Strict cookie);
 * procedure calls must come from this origin with a JSON body.
 */
export async function startWebServer(options: WebServerOptions) {
  const auth = createAuth()
  const root = resolve(options.staticDir)
  const { dispatch, core } = options.runtime
  let port = 0
  // Calls still running when the server closes are cancelled, and waited for, before it reports closed.
  const running = new Map<AbortController, Promise<unknown>>()
  const track = <T>(controller: AbortController, work: Promise<T>): Promise<T> => {
    running.set(controller, work)
    return work.finally(() => running.delete(controller))
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (!isLocalHost(req, port)) return refuse(res, 403, 'Wrong host.')
    const token = url.searchParams.get('token')
    if (token !== null) {
      const session = auth.exchange(token)
      if (!session && !auth.hasSession(req)) return sendText(res, 401, USED_LINK)
      // The token leaves the address bar and the history at once.
      url.searchParams.delete('token')
      res.writeHead(303, {
        ...(session ? { 'set-cookie': sessionCookie(session) } : {}),
        location: `${url.pathname}${url.search}`,
        'cache-control': 'no-store'
      })
      return res.end()
    }
    if (!auth.hasSession(req)) return refuse(res, 401, 'Open the address printed in the terminal (press Enter there for a new one).')
    if (url.pathname.startsWith('/api/') && !isSameOrigin(req, port)) return refuse(res, 403, 'Calls must come from a page of this KPI Loop server.')
    if (req.method === 'POST' && !isJson(req)) {
      return sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'Send the call as Content-Type: application/json.' } })
    }
    const call = (name: string, input: unknown, controller: AbortController, emit: (chunk: unknown) => void = () => {}) =>
      track(controller, dispatch(name, input, { actor: options.actor, signal: controller.signal, emit }))

    if (req.method === 'POST' && url.pathname.startsWith('/api/call/')) {
      const input = await readJson(req)
      if (!input.ok) return sendJson(res, 400, input)
      const controller = new AbortController()
      res.on('close', () => controller.abort())
      return sendJson(res, 200, await call(url.pathname.slice(10), input.value, controller))
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/stream/')) {
      const input = await readJson(req)
      if (!input.ok) return sendJson(res, 400, input)
      const controller = new AbortController()
      const sse = startSse(res, () => controller.abort())
      const result = await call(url.pathname.slice(12), input.value, controller, (chunk) => sse.send('chunk', chunk))
      sse.send('result', result)
      return sse.end()
    }
    if (req.method === 'GET' && url.pathname === '/api/events') {
      let off = () => {}
      const sse = startSse(res, () => off())
      off = core.events.onAny((name, payload) => sse.send(name, payload))
      return
    }
    if (req.method === 'GET' && !url.pathname.startsWith('/api/')) return serveStatic(root, url.pathname, res)
    sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: `No route ${req.method} ${url.pathname}.` } })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error.' } })
      else res.end()
    })
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => done())
  })
  port = (server.address() as AddressInfo).port
  const newLink = (): string => `http://127.0.0.1:${port}/?token=${auth.issueLink()}`
  let first: string | null = newLink()
  return {
    port,
    /** A one-time address (the first one printed, then a new one each time it is read). */
    get url(): string {
      const link = first ?? newLink()
      first = null
      return link
    },
    newLink,
    /** Cancels running calls (their queries are interrupted), waits for them to end, then closes every connection. */
    close: async () => {
      for (const controller of running.keys()) controller.abort()
      await Promise.allSettled(running.values())
      await new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
    }
  }
}
