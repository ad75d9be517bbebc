import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from '../api/dispatch/runtime'
import { tempWorkspace } from '../services/testing/temp-workspace'
import { startWebServer } from './server'

let ws: ReturnType<typeof tempWorkspace>
let runtime: Runtime
let server: Awaited<ReturnType<typeof startWebServer>>
let base: string

beforeEach(async () => {
  ws = tempWorkspace()
  ws.core.close()
  runtime = await createRuntime({ file: ws.file, create: false, mode: 'web', version: 't', systemLocale: 'en' })
  const staticDir = join(ws.dir, 'static')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>KPI Loop</title>')
  server = await startWebServer({ runtime, staticDir, actor: 'web-user' })
  base = `http://127.0.0.1:${server.port}`
})
afterEach(async () => {
  await server.close()
  runtime.close()
  ws.cleanup()
})

let cookie = ''
/** Opens the printed address once, as the browser would, and keeps the session cookie. */
async function login(): Promise<Response> {
  const first = await fetch(server.url, { redirect: 'manual' })
  cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return first
}
const sameOrigin = () => ({ origin: base, cookie })
const call = (name: string, body: unknown, headers: Record<string, string> = sameOrigin()) =>
  fetch(`${base}/api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('browser mode', () => {
  it('answers 401 to any request without a session', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401)
    expect((await call('board.list', {}, { origin: base })).status).toBe(401)
    expect((await call('board.list', {}, { origin: base, cookie: 'kpiloop_session=guess' })).status).toBe(401)
    expect((await fetch(`${base}/api/events`)).status).toBe(401)
  })

  it('exchanges the printed one-time address for an HttpOnly, SameSite=Strict session cookie', async () => {
    const printed = server.url
    const first = await fetch(printed, { redirect: 'manual' })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/')
    const setCookie = first.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    cookie = setCookie.split(';')[0]!
    const page = await fetch(`${base}/`, { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await (await call('board.create', { name: 'Growth' })).json()).toMatchObject({ ok: true, data: { name: 'Growth' } })

    // The same address again, from another browser: refused, and it names how to get a new one.
    const again = await fetch(printed, { redirect: 'manual' })
    expect(again.status).toBe(401)
    expect(await again.text()).toContain('press Enter')
    // A new address, on request, opens a second session.
    const next = await fetch(server.newLink(), { redirect: 'manual' })
    expect(next.status).toBe(303)
  })

  it('refuses a state-changing call from another origin, even with the session cookie', async () => {
    await login()
    // A page on another 127.0.0.1 port is same-site: the browser sends the cookie, the server refuses.
    const other = await call('board.create', { name: 'Forged' }, { origin: 'http://127.0.0.1:1', cookie })
    expect(other.status).toBe(403)
    const noOrigin = await call('board.create', { name: 'Forged' }, { cookie, 'sec-fetch-site': 'same-site' })
    expect(noOrigin.status).toBe(403)
    const fetchMetadata = await call('board.create', { name: 'Fine' }, { cookie, 'sec-fetch-site': 'same-origin' })
    expect(fetchMetadata.status).toBe(200)
    expect((await (await call('board.list', {})).json()) as { data: { name: string }[] }).toMatchObject({ data: [{ name: 'Fine' }] })
  })

  it('refuses a call whose body is not declared as JSON (a form or text/plain post)', async () => {
    await login()
    const plain = await fetch(`${base}/api/call/board.create`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...sameOrigin() },
      body: JSON.stringify({ name: 'Forged' })
    })
    expect(plain.status).toBe(415)
    const form = await fetch(`${base}/api/call/board.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...sameOrigin() },
      body: 'name=Forged'
    })
    expect(form.status).toBe(415)
    expect((await (await call('board.list', {})).json()) as { data: unknown[] }).toMatchObject({ data: [] })
  })

  it('serves the procedures with the same envelope as IPC', async () => {
    await login()
    const created = (await (await call('board.create', { name: 'Ops' })).json()) as { data: { id: number } }
    const added = await call('kpi.add', { boardId: created.data.id, fields: { code: 'KPI-1', name: '可用性', target: '≥ 99.9%' } })
    expect(await added.json()).toMatchObject({ ok: true, data: { updatedBy: 'web-user', unit: '%' } })
    const bad = await call('kpi.add', { boardId: created.data.id, fields: { code: 'KPI-1', name: 'again' } })
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'DUPLICATE_CODE' } })
  })

  it('refuses another Host header (DNS rebinding)', async () => {
    const status = await new Promise<number>((done) => {
      request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => done(res.statusCode ?? 0)).end()
    })
    expect(status).toBe(403)
  })

  it('pushes core events to the browser over server-sent events', async () => {
    await login()
    const controller = new AbortController()
    const events = await fetch(`${base}/api/events`, { headers: { cookie, 'sec-fetch-site': 'same-origin' }, signal: controller.signal })
    const reader = events.body!.getReader()
    await reader.read()
    await call('board.create', { name: 'Live' })
    let text = ''
    while (!text.includes('board.changed')) text += new TextDecoder().decode((await reader.read()).value)
    expect(text).toMatch(/event: board\.changed\ndata: \{"boardId":\d+\}/)
    controller.abort()
  })
})
