import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { holdWriteLock } from '../../db/testing/write-lock-holder'
import { createRuntime, type Runtime } from '../api/dispatch/runtime'
import { tempWorkspace } from '../services/testing/temp-workspace'
import { startWebServer } from './server'

let ws: ReturnType<typeof tempWorkspace>
let runtime: Runtime
let server: Awaited<ReturnType<typeof startWebServer>>
let cookie = ''

beforeEach(async () => {
  ws = tempWorkspace()
  ws.core.close()
  runtime = await createRuntime({ file: ws.file, create: false, mode: 'web', version: 't', systemLocale: 'en', waitLimitMs: 8000 })
  const staticDir = join(ws.dir, 'static')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>KPI Loop</title>')
  server = await startWebServer({ runtime, staticDir, actor: 'web-user' })
  // Opens the printed address once, as the browser would, and keeps the session cookie.
  cookie = ((await fetch(server.url, { redirect: 'manual' })).headers.get('set-cookie') ?? '').split(';')[0] ?? ''
})
afterEach(async () => {
  await server.close()
  runtime.close()
  ws.cleanup()
})

const headers = () => ({ 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}`, cookie })
const call = (name: string, body: unknown) =>
  fetch(`http://127.0.0.1:${server.port}/api/call/${name}`, { method: 'POST', headers: headers(), body: JSON.stringify(body) })

/** The event stream the page listens to, as text, until `until` is seen. */
async function eventsUntil(until: RegExp): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/events`, { headers: headers() })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  while (!until.test(text)) {
    const { value, done } = await reader.read()
    if (done) break
    text += value
  }
  await reader.cancel()
  return text
}

describe('browser mode while another process writes', () => {
  it('tells the page it is waiting, keeps answering reads, and saves once the workspace is free', async () => {
    const holder = await holdWriteLock(ws.file)
    try {
      const waiting = eventsUntil(/event: workspace\.waiting/)
      const create = call('board.create', { name: 'Growth' })
      const events = await waiting
      expect(events).toMatch(/event: workspace\.waiting\ndata: \{"waitedMs":\d+,"limitMs":8000\}/)
      // Reading does not wait for the other writer.
      expect(await (await call('board.list', {})).json()).toEqual({ ok: true, data: [] })
      await holder.release()
      expect(await (await create).json()).toMatchObject({ ok: true, data: { name: 'Growth' } })
    } finally {
      await holder.release()
    }
  })
})
