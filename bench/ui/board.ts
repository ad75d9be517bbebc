import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium, type Browser, type Page } from '@playwright/test'
import { createRuntime, type Runtime } from '../../electron/api/dispatch/runtime'
import { startWebServer } from '../../electron/web/server'
import { report, type Check } from '../harness'

// `KPILOOP_BENCH_BOARD_SIZES=1000,10000` picks the board sizes (default 1k, 10k and 100k).
const SIZES = (process.env.KPILOOP_BENCH_BOARD_SIZES ?? '1000,10000,100000').split(',').map(Number)
const RUNS = 3
const FIRST_ROWS_GOAL_MS = 1000
const STAGES = ['draft', 'feasibility', 'trial', 'launched', 'operating'] as const
const ctx = { actor: 'bench', signal: new AbortController().signal, emit: () => {} }

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! }
}
const fmt = (s: { min: number; median: number; max: number }, unit = 'ms') => `${s.min.toFixed(0)} / ${s.median.toFixed(0)} / ${s.max.toFixed(0)} ${unit}`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** A board of `count` KPIs written through the core in one transaction (what a test is not about, made fast). */
function seedBoard(runtime: Runtime, count: number): number {
  const { core } = runtime
  return core.transaction(() => {
    const board = core.boards.create('Large board', `${count} generated KPIs`, 'bench')
    for (let i = 1; i <= count; i++) {
      const code = `KPI-${String(i).padStart(6, '0')}`
      core.kpis.add(
        board.id,
        { code, name: `Metric ${i}`, target: `≥ ${i % 100}%`, owner: `Owner ${i % 7}`, category: `Category ${i % 5}`, stage: STAGES[i % 5] },
        { actor: 'bench' }
      )
    }
    return board.id
  })
}

/** Browser mode over a fresh workspace holding one board of `count` KPIs (0: an empty board, the baseline). */
async function workspace(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-bench-board-'))
  const runtime = await createRuntime({ file: join(dir, 'workspace.kpiloop'), create: true, mode: 'web', version: 'bench', systemLocale: 'en' })
  const boardId = count > 0 ? seedBoard(runtime, count) : runtime.core.boards.create('Empty board', '', 'bench').id
  const server = await startWebServer({ runtime, staticDir: 'out/renderer', port: 0, actor: 'bench' })
  return {
    runtime,
    boardId,
    server,
    async close() {
      await server.close()
      runtime.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

interface InPage {
  document: { querySelector(selector: string): { textContent: string | null } | null }
  performance: { now(): number }
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void }
  boardTimes?: { firstRows?: number; loaded?: number }
}

/**
 * Loads the app on a fresh page: ms from navigation until the first grid row (or the empty board) is in the page, and
 * until every KPI is. Both are taken in the page by a MutationObserver: this process also runs the server, and a
 * busy server would delay what it observes from here.
 */
async function openBoard(browser: Browser, url: string, count: number) {
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const firstPage = { kpis: 0, statuses: 0 }
  page.on('response', (response) => {
    const name = /\/api\/call\/(kpi|status)\.page$/.exec(new URL(response.url()).pathname)?.[1]
    const after = (response.request().postDataJSON() as { after?: number } | null)?.after
    if (name && after === undefined)
      response
        .body()
        .then((body) => (firstPage[name === 'kpi' ? 'kpis' : 'statuses'] = body.length))
        .catch(() => undefined)
  })
  await page.addInitScript(
    ({ first, done }) => {
      // No named function in here: tsx would wrap it in a helper the page does not have.
      const w = globalThis as unknown as InPage
      const times: { firstRows?: number; loaded?: number } = {}
      w.boardTimes = times
      new w.MutationObserver(() => {
        if (times.firstRows === undefined && w.document.querySelector(first)) times.firstRows = w.performance.now()
        const counted = w.document.querySelector('[data-testid="kpi-count"]')?.textContent === done
        if (times.loaded === undefined && counted && !w.document.querySelector('[data-testid="board-progress"]')) times.loaded = w.performance.now()
      }).observe(w.document, { subtree: true, childList: true, characterData: true })
    },
    { first: count > 0 ? '.grid-body [role="row"][data-kpi-code]' : '.board-empty', done: `${count} of ${count} KPIs` }
  )
  await page.goto(url)
  const read = () => page.evaluate(() => (globalThis as unknown as InPage).boardTimes ?? {})
  await page.waitForFunction(() => (globalThis as unknown as InPage).boardTimes?.loaded !== undefined, undefined, { timeout: 600_000, polling: 200 })
  const times = await read()
  await page.close()
  return { firstRows: times.firstRows!, loaded: times.loaded!, firstPage }
}

/**
 * A board of 1k / 10k / 100k KPIs opened in Chromium against browser mode: time to the first rows and to the whole
 * board, the bytes of the first page, and the server's memory after the load, beside baselines of the same run (an
 * empty board's load, the raw SELECT of the same rows, what `kpi.list` sent for the whole board before).
 */
export async function run(): Promise<boolean> {
  const browser = await chromium.launch({
    executablePath: process.env.KPILOOP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  })
  let ok = true
  try {
    const empty = await workspace(0)
    const emptyLoads: number[] = []
    for (let i = 0; i < RUNS; i++) emptyLoads.push((await openBoard(browser, empty.server.url, 0)).firstRows)
    await empty.close()
    const emptyLoad = stats(emptyLoads)

    for (const size of SIZES) {
      const ws = await workspace(size)
      const rssBefore = process.memoryUsage().rss
      const runs = []
      let rssAfter = 0
      for (let i = 0; i < RUNS; i++) {
        runs.push(await openBoard(browser, ws.server.url, size))
        rssAfter = Math.max(rssAfter, process.memoryUsage().rss)
      }
      const rawSelect = ws.runtime.core.deps.sqlite.prepare(
        'SELECT r.* FROM kpi_head k JOIN kpi_revision r ON r.id = k.revision_id WHERE k.board_id = ? ORDER BY k.kpi_id'
      )
      const raw: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now()
        rawSelect.all(ws.boardId)
        raw.push(performance.now() - started)
      }
      const list = await ws.runtime.dispatch('kpi.list', { boardId: ws.boardId }, ctx)
      const whole = Buffer.byteLength(JSON.stringify(list))
      await ws.close()

      const firstRows = stats(runs.map((r) => r.firstRows))
      const checks: Check[] = [
        {
          name: 'page load to the first rows drawn',
          value: `${fmt(firstRows)} (${(firstRows.median / emptyLoad.median).toFixed(2)}× an empty board's load, ${fmt(emptyLoad)})`,
          ok: firstRows.median <= FIRST_ROWS_GOAL_MS,
          goal: `≤ ${FIRST_ROWS_GOAL_MS} ms`
        },
        {
          name: 'page load to every KPI in the store',
          value: `${fmt(stats(runs.map((r) => r.loaded)))} (the raw SELECT of the same rows: ${fmt(stats(raw))})`,
          ok: true,
          goal: 'reference'
        },
        {
          name: 'sent for the first screen: kpi.page; status.page',
          value: `${kb(runs[0]!.firstPage.kpis)}; ${kb(runs[0]!.firstPage.statuses)} (the whole kpi.list: ${mb(whole)})`,
          ok: runs[0]!.firstPage.kpis < 200 * 1024,
          goal: '< 200 KB'
        },
        {
          name: 'server RSS after the loads (this process)',
          value: `${mb(rssAfter)} (before them: ${mb(rssBefore)})`,
          ok: true,
          goal: 'reference'
        }
      ]
      ok = report(`UI board: a board of ${size.toLocaleString('en')} KPIs in Chromium (browser mode), min / median / max of ${RUNS}`, checks) && ok
    }
    return ok
  } finally {
    await browser.close()
  }
}
