import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { Runtime } from '../api/dispatch/runtime'
import { isAuthorized, isLocalHost, newToken, presentedToken, COOKIE } from './auth'
import { readJson, sendJson, startSse } from './http-io'
import { serveStatic } from './static-files'

export interface WebServerOptions {
  runtime: Runtime
  port?: number
  staticDir: string
  actor: string
  token?: string
}

/**
 * Browser mode: the renderer and the same procedures over HTTP + server-sent events,
 * on 127.0.0.1 only, every request carrying the session token.
 */
export async function startWebServer(options: WebServerOptions) {
  const token = options.token ?? newToken()
  const root = resolve(options.staticDir)
  const { dispatch, core } = options.runtime
  let port = 0

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (!isLocalHost(req, port)) return sendJson(res, 403, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Wrong host.' } })
    const { token: presented, viaQuery } = presentedToken(req, url)
    if (!isAuthorized(token, presented)) {
      return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Open the address printed in the terminal (it carries the token).' } })
    }
    if (viaQuery) res.setHeader('set-cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`)
    const ctx = (signal: AbortSignal, emit: (chunk: unknown) => void = () => {}) => ({ actor: options.actor, signal, emit })

    if (req.method === 'POST' && url.pathname.startsWith('/api/call/')) {
      const input = await readJson(req)
      if (!input.ok) return sendJson(res, 400, input)
      const controller = new AbortController()
      res.on('close', () => controller.abort())
      return sendJson(res, 200, await dispatch(url.pathname.slice(10), input.value, ctx(controller.signal)))
    }
    if (req.method === 'POST' && url.pathname.startsWith('/api/stream/')) {
      const input = await readJson(req)
      if (!input.ok) return sendJson(res, 400, input)
      const controller = new AbortController()
      const sse = startSse(res, () => controller.abort())
      const result = await dispatch(
        url.pathname.slice(12),
        input.value,
        ctx(controller.signal, (chunk) => sse.send('chunk', chunk))
      )
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
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
