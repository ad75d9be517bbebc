import Database from 'better-sqlite3'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import { localDay, previewPeriod, pullPeriod } from '../../electron/domain/period-binding'
import { describePeriod } from '../../electron/domain/period'
import type { FormulaPreview } from '../../electron/api'
import { appPage, closeWithEscape } from '../pages/app-page'
import { openQueryPreview, queryPreviewPage } from '../pages/query-preview'

test.use({ systemLocale: 'en' })

const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly'] as const

test('the app’s preview binds by default what the CLI’s preview and a pull bind, for every frequency', async ({ page, server, core, runtime }) => {
  test.setTimeout(180_000)
  const file = join(core.deps.sqlite.name.replace(/[^/]+$/, ''), 'events.sqlite')
  new Database(file).exec('CREATE TABLE events (day TEXT)').close()
  core.sources.save({ name: 'wh', kind: 'sqlite', url: `sqlite://${file}` }, 'e2e', 'add')
  const boardId = core.boards.create('Growth', '', 'e2e').id
  const formula = 'SELECT COUNT(*) FROM events WHERE day >= :period_start AND day < :period_end'
  const ids = FREQUENCIES.map(
    (frequency) => core.kpis.add(boardId, { code: frequency, name: frequency, formula, dataSource: 'wh', frequency }, { actor: 'e2e' }).id
  )
  const app = appPage(page)
  const q = queryPreviewPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  for (const [i, frequency] of FREQUENCIES.entries()) {
    const expected = pullPeriod({ frequency }, localDay(Date.now()))
    // What `kpiloop actuals preview` sends: the procedure without a period.
    const cli = await runtime.dispatch('actuals.preview', { kpiId: ids[i]! }, { actor: 'cli', signal: new AbortController().signal, emit: () => {} })
    expect(cli.ok && (cli.data as FormulaPreview).period).toMatchObject({ start: expected.start, end: expected.end })

    await openQueryPreview(page, frequency)
    await expect(q.run).toHaveAttribute('data-period', expected.label)
    await q.run.click()
    await expect(q.summary).toContainText(`${expected.label} (${expected.start} → ${expected.end}, end exclusive)`)
    await closeWithEscape(page)
  }
})

test('a real-time KPI’s preview binds its newest complete bucket of its source’s interval, as the CLI’s preview and the pull do', async ({
  page,
  server,
  core,
  runtime
}) => {
  const file = join(core.deps.sqlite.name.replace(/[^/]+$/, ''), 'events.sqlite')
  new Database(file).exec('CREATE TABLE events (at TEXT)').close()
  core.sources.save({ name: 'wh', kind: 'sqlite', url: `sqlite://${file}`, realtimeMinutes: 15 }, 'e2e', 'add')
  const boardId = core.boards.create('Live', '', 'e2e').id
  const formula = 'SELECT COUNT(*) FROM events WHERE at >= :period_start AND at < :period_end'
  const kpiId = core.kpis.add(boardId, { code: 'LIVE', name: 'Live', formula, dataSource: 'wh', frequency: 'realtime' }, { actor: 'e2e' }).id
  const q = queryPreviewPage(page)
  await page.goto(server.url)
  await expect(appPage(page).ready).toBeAttached()

  const bucket = previewPeriod({ frequency: 'realtime' }, Date.now(), 15)
  const cli = await runtime.dispatch('actuals.preview', { kpiId }, { actor: 'cli', signal: new AbortController().signal, emit: () => {} })
  expect(cli.ok && (cli.data as FormulaPreview).period).toMatchObject({ start: bucket.start, end: bucket.end, label: describePeriod(bucket) })
  expect(cli.ok && (cli.data as FormulaPreview).boundSql).toContain(`?1 = '${bucket.start.slice(0, 19).replace('T', ' ')}' (:period_start)`)

  await openQueryPreview(page, 'LIVE')
  await expect(q.grain).toHaveCount(0)
  await expect(q.run).toHaveAttribute('data-period', describePeriod(bucket))
  await q.run.click()
  await expect(q.summary).toContainText(`${describePeriod(bucket)} (${bucket.start} → ${bucket.end}, end exclusive)`)
})
