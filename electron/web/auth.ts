import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const COOKIE = 'kpiloop_session'

const secret = (): string => randomBytes(24).toString('base64url')

/**
 * Browser mode's keys: a printed address carries a one-time token, exchanged on first use for a
 * session cookie; the address then stops working. Issuing a new address revokes unused ones.
 */
export function createAuth() {
  let pending: string | null = null
  const sessions = new Set<string>()
  return {
    issueLink(): string {
      pending = secret()
      return pending
    },
    /** The session id for a valid one-time token (which is spent), else null. */
    exchange(token: string): string | null {
      if (pending === null || !same(token, pending)) return null
      pending = null
      const session = secret()
      sessions.add(session)
      return session
    },
    hasSession: (req: IncomingMessage): boolean => {
      const session = cookieValue(req, COOKIE)
      return session !== undefined && sessions.has(session)
    }
  }
}
export type Auth = ReturnType<typeof createAuth>

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export const sessionCookie = (session: string): string => `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

/** Only our own origin: defeats DNS rebinding to 127.0.0.1. */
export function isLocalHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? ''
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/**
 * A call that may change state must come from a page of this server: the browser's Origin (or, where
 * it sends none, Sec-Fetch-Site) says so. A page on another 127.0.0.1 port is same-site, not same-origin.
 */
export function isSameOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin
  if (origin !== undefined) return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
  return req.headers['sec-fetch-site'] === 'same-origin'
}

export function isJson(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json'
}
