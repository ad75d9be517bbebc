import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { holdWriteLock } from '../../db/testing/write-lock-holder'
import { runCli, type CliResult } from '../cli/testing/run-cli'
import { createCore } from '../services/core'

const ROOT = resolve(import.meta.dirname, '../..')
const FULL_SPEED_EDITS = 150
const CLI_EDITS = 4
const BROWSER_EDITS = 60

let dir: string
let file: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-writers-'))
  file = join(dir, 'workspace.kpiloop')
  // The team's database the scheduler pulls from while everyone writes.
  const app = new Database(join(dir, 'app.db'))
  app.exec("CREATE TABLE tickets (created_at TEXT); INSERT INTO tickets VALUES ('2025-01-01')")
  app.close()
  const core = createCore(file, { access: 'write', create: true })
  const boardId = core.boards.create('Growth', '', 'setup').id
  for (const code of ['KPI-A', 'KPI-B', 'KPI-C', 'KPI-D', 'KPI-E']) core.kpis.add(boardId, { code, name: code, target: '≥ 10' }, { actor: 'setup' })
  core.sources.save({ name: 'helpdesk', kind: 'sqlite', url: join(dir, 'app.db') }, 'setup', 'add')
  core.kpis.add(
    boardId,
    {
      code: 'KPI-S',
      name: 'Tickets per day',
      target: '≥ 1',
      stage: 'trial',
      frequency: 'daily',
      dataSource: 'helpdesk',
      formula: 'SELECT COUNT(*) FROM tickets WHERE created_at >= :period_start AND created_at < :period_end'
    },
    { actor: 'setup' }
  )
  core.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A process's stdout, line by line, until it exits. */
async function linesOf(child: ChildProcess): Promise<{ lines: string[]; stderr: string; code: number | null }> {
  let out = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const [code] = (await once(child, 'exit')) as [number | null]
  return { lines: out.split('\n').filter(Boolean), stderr, code }
}

/** Browser mode as `npm run web` starts it; resolves with its address once it serves. */
async function startBrowserMode(): Promise<{ child: ChildProcess; base: string; cookie: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/start.ts', '--db', file, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<URL>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open: (\S+)/.exec(output)
      if (match) done(new URL(match[1]!))
    })
    child.once('exit', () => fail(new Error(`browser mode exited: ${output}`)))
  })
  // The printed address is used once, as a browser would: it is exchanged for the session cookie.
  const first = await fetch(url, { redirect: 'manual' })
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!
  return { child, base: url.origin, cookie, output: () => output }
}

const fullSpeed = (code: string, tag: string) =>
  spawn(process.execPath, ['--import', 'tsx', 'electron/services/testing/edit-loop.ts', file, code, String(FULL_SPEED_EDITS), tag], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })

async function cliLoop(code: string, tag: string): Promise<CliResult[]> {
  const results: CliResult[] = []
  for (let i = 1; i <= CLI_EDITS; i++) results.push(await runCli(file, ['kpi', 'edit', '--board', 'Growth', code, '--set', `notes=${tag} ${i}`]))
  return results
}

describe('several writers at once on one workspace', () => {
  it('the app at full speed twice, two CLI loops, browser mode with its scheduler, and a holder of the write lock: no edit lost, no error', async () => {
    const web = await startBrowserMode()
    const browserEdits = async () => {
      const acknowledged: string[] = []
      const boards = (await (await post(web, 'board.list', {})).json()) as { data: { id: number }[] }
      const kpis = (await (await post(web, 'kpi.list', { boardId: boards.data[0]!.id })).json()) as { data: { id: number; code: string }[] }
      const kpiId = kpis.data.find((k) => k.code === 'KPI-E')!.id
      for (let i = 1; i <= BROWSER_EDITS; i++) {
        const answer = (await (await post(web, 'kpi.edit', { kpiId, set: { notes: `browser ${i}` } })).json()) as { ok: boolean }
        acknowledged.push(answer.ok ? `browser ${i}` : JSON.stringify(answer))
      }
      return acknowledged
    }
    try {
      const writerA = linesOf(fullSpeed('KPI-A', 'app-a'))
      const writerB = linesOf(fullSpeed('KPI-B', 'app-b'))
      const clis = Promise.all([cliLoop('KPI-C', 'cli-c'), cliLoop('KPI-D', 'cli-d')])
      const browser = browserEdits()
      // Another process takes the write lock for 2 s in the middle of it all.
      await new Promise((wait) => setTimeout(wait, 1500))
      const holder = await holdWriteLock(file, 2000)
      const [a, b, cliResults, fromBrowser] = await Promise.all([writerA, writerB, clis, browser])
      await holder.release()
      // The scheduler's first pull runs 5 s after browser mode starts: by now it has.
      await waitFor(() => measurementsOf('KPI-S') > 0)

      for (const writer of [a, b]) {
        expect(writer.stderr).toBe('')
        expect(writer.lines).toEqual(Array.from({ length: FULL_SPEED_EDITS }, (_, i) => `ok ${i + 1}`))
      }
      for (const result of cliResults.flat()) expect(result).toMatchObject({ code: 0 })
      expect(fromBrowser).toEqual(Array.from({ length: BROWSER_EDITS }, (_, i) => `browser ${i + 1}`))
      expect(web.output()).not.toMatch(/failed|error/i)

      // Every acknowledged edit is a revision, in order, after the one that created the KPI.
      expect(notesOf('KPI-A')).toEqual(Array.from({ length: FULL_SPEED_EDITS }, (_, i) => `app-a ${i + 1}`))
      expect(notesOf('KPI-B')).toEqual(Array.from({ length: FULL_SPEED_EDITS }, (_, i) => `app-b ${i + 1}`))
      expect(notesOf('KPI-C')).toEqual(Array.from({ length: CLI_EDITS }, (_, i) => `cli-c ${i + 1}`))
      expect(notesOf('KPI-D')).toEqual(Array.from({ length: CLI_EDITS }, (_, i) => `cli-d ${i + 1}`))
      expect(notesOf('KPI-E')).toEqual(Array.from({ length: BROWSER_EDITS }, (_, i) => `browser ${i + 1}`))
      expect(auditOf('holder')).toBe(1)
    } finally {
      web.child.kill('SIGTERM')
      await once(web.child, 'exit')
    }
  }, 180_000)
})

const post = (web: { base: string; cookie: string }, name: string, body: unknown) =>
  fetch(`${web.base}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: web.cookie, origin: web.base },
    body: JSON.stringify(body)
  })

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}
const notesOf = (code: string) =>
  query<{ notes: string }>('SELECT r.notes FROM kpi_revision r JOIN kpi k ON k.id = r.kpi_id WHERE k.code = ? AND r.number > 1 ORDER BY r.number', code).map(
    (r) => r.notes
  )
const measurementsOf = (code: string) =>
  query<{ n: number }>('SELECT count(*) AS n FROM measurement m JOIN kpi k ON k.id = m.kpi_id WHERE k.code = ?', code)[0]!.n
const auditOf = (actor: string) => query<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE actor = ?', actor)[0]!.n

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((wait) => setTimeout(wait, 100))
  expect(check()).toBe(true)
}
