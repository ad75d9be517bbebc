import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createCore } from '../services/core'

const dir = mkdtempSync(join(tmpdir(), 'kpiloop-sigterm-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A workspace whose one KPI runs an endless query with a minute's timeout. */
function prepareWorkspace(): { file: string; kpiId: number } {
  const file = join(dir, 'workspace.kpiloop')
  const app = join(dir, 'app.db')
  new Database(app).exec('CREATE TABLE t (x INTEGER)').close()
  const core = createCore(file, { access: 'write', create: true })
  core.sources.save({ name: 'app', kind: 'sqlite', url: app, timeoutMs: 60_000 }, 'po', 'add')
  const boardId = core.boards.create('Ops', '', 'po').id
  const formula = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c'
  const kpiId = core.kpis.add(boardId, { code: 'K1', name: 'Endless', formula, dataSource: 'app', frequency: 'daily' }, { actor: 'po' }).id
  core.close()
  return { file, kpiId }
}

describe('browser mode from the command line', () => {
  it('prints a one-time address, and SIGTERM ends it while a query runs', async () => {
    const { file, kpiId } = prepareWorkspace()
    // The built entry that `npm run web` serves from (vitest's global setup builds it).
    const child = spawn(process.execPath, ['out/node/web.js', '--db', file, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KPILOOP_WORKSPACE: file }
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    let out = ''
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const found = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)
        if (found) resolve(found[1]!)
      })
      void exited.then(() => reject(new Error(`browser mode exited: ${out}`)))
    })
    const base = new URL(address).origin
    const login = await fetch(address, { redirect: 'manual' })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const preview = fetch(`${base}/api/call/actuals.preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie },
      body: JSON.stringify({ kpiId, periodStart: '2025-11-01', periodEnd: '2025-11-02' })
    }).catch(() => 'connection closed')
    // The query is running (it would for a minute) when the signal comes.
    await new Promise((resolve) => setTimeout(resolve, 500))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(await preview).toBeDefined()
    // The printed address was spent by the first visit.
    expect(out).toContain('works once')
  }, 30_000)
})
