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

const call = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
const bearer = () => ({ authorization: `Bearer ${server.token}` })

describe('browser mode', () => {
  it('answers 401 to any request without the token', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401)
    expect((await call('board.list', {})).status).toBe(401)
    expect((await call('board.list', {}, { authorization: 'Bearer wrong' })).status).toBe(401)
    expect((await fetch(`${base}/api/events`)).status).toBe(401)
  })

  it('lets the printed address in and keeps the session in an HttpOnly cookie', async () => {
    const first = await fetch(server.url)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-security-policy')).toContain("default-src 'self'")
    const cookie = first.headers.get('set-cookie') ?? ''
    expect(cookie).toContain('HttpOnly')
    const again = await call('board.create', { name: 'Growth' }, { cookie: cookie.split(';')[0] ?? '' })
    expect(await again.json()).toMatchObject({ ok: true, data: { name: 'Growth' } })
  })

  it('serves the procedures with the same envelope as IPC', async () => {
    const created = (await (await call('board.create', { name: 'Ops' }, bearer())).json()) as { data: { id: number } }
    const added = await call('kpi.add', { boardId: created.data.id, fields: { code: 'KPI-1', name: '可用性', target: '≥ 99.9%' } }, bearer())
    expect(await added.json()).toMatchObject({ ok: true, data: { updatedBy: 'web-user', unit: '%' } })
    const bad = await call('kpi.add', { boardId: created.data.id, fields: { code: 'KPI-1', name: 'again' } }, bearer())
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'DUPLICATE_CODE' } })
  })

  it('refuses another Host header (DNS rebinding)', async () => {
    const status = await new Promise<number>((done) => {
      request({ host: '127.0.0.1', port: server.port, path: server.url.slice(base.length), headers: { host: 'evil.example:80' } }, (res) =>
        done(res.statusCode ?? 0)
      ).end()
    })
    expect(status).toBe(403)
  })

  it('pushes core events to the browser over server-sent events', async () => {
    const controller = new AbortController()
    const events = await fetch(`${base}/api/events`, { headers: bearer(), signal: controller.signal })
    const reader = events.body!.getReader()
    await reader.read()
    await call('board.create', { name: 'Live' }, bearer())
    let text = ''
    while (!text.includes('board.changed')) text += new TextDecoder().decode((await reader.read()).value)
    expect(text).toMatch(/event: board\.changed\ndata: \{"boardId":\d+\}/)
    controller.abort()
  })
})
