import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const COOKIE = 'kpiloop_token'

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === COOKIE) return value.join('=')
  }
  return undefined
}

/** The token may come as `?token=` (first visit), a Bearer header (scripts) or the session cookie. */
export function presentedToken(req: IncomingMessage, url: URL): { token: string | undefined; viaQuery: boolean } {
  const query = url.searchParams.get('token') ?? undefined
  if (query) return { token: query, viaQuery: true }
  const header = req.headers.authorization
  if (header?.startsWith('Bearer ')) return { token: header.slice(7), viaQuery: false }
  return { token: cookieToken(req), viaQuery: false }
}

export function isAuthorized(expected: string, presented: string | undefined): boolean {
  return presented !== undefined && same(expected, presented)
}

/** Only our own origin: defeats DNS rebinding to 127.0.0.1. */
export function isLocalHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? ''
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}
