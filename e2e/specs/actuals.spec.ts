import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import dayjs from 'dayjs'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { actualsPage, openActualsTab } from '../pages/actuals'
import { appPage, closeWithEscape } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { seedSupportBoard } from '../seed'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'
test.use({ systemLocale: 'en' })

/**
 * The pull dialog zooms in; a click on its start button during the zoom can land beside it.
 * Click until the progress shows, and never again once it does (the button turns into Cancel).
 */
async function startPull(page: Page) {
  const ui = actualsPage(page)
  await expect(async () => {
    if ((await ui.progress.count()) === 0) await ui.pullStart.click({ timeout: 2_000 })
    await expect(ui.progress).toBeAttached({ timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
}

test('on the sample workspace a trial KPI is backfilled with progress, results, chart and values', async ({ page, sampleServer }) => {
  test.setTimeout(420_000)
  mkdirSync(SHOTS, { recursive: true })
  const app = appPage(page)
  const board = boardPage(page)
  const ui = actualsPage(page)
  await page.goto(sampleServer.url)
  await expect(app.ready).toBeAttached()

  await board.codeLink('KPI-U003').click()
  await openActualsTab(page)
  await expect(ui.chartCanvas).toBeAttached()
  const before = Number(await ui.valuesCount.getAttribute('data-count'))
  expect(before).toBeGreaterThan(0)

  // The seed pulled the last six months; backfill the three months before them.
  const from = dayjs().subtract(10, 'month').startOf('month').format('YYYY-MM-DD')
  const to = dayjs().subtract(7, 'month').startOf('month').format('YYYY-MM-DD')
  await ui.pull.click()
  await ui.backfill.click()
  await ui.rangeStart.click()
  await ui.rangeStart.fill(from)
  await page.keyboard.press('Enter')
  await ui.rangeEnd.fill(to)
  await page.keyboard.press('Enter')
  await expect(ui.rangeStart).toHaveValue(from)
  await expect(ui.rangeEnd).toHaveValue(to)
  await startPull(page)

  await expect(ui.results).toBeVisible({ timeout: 60_000 })
  await expect(ui.progress).toHaveAttribute('data-done', '1')
  await expect(ui.progress).toHaveAttribute('data-total', '1')
  await expect(ui.progress).toContainText('1 of 1')
  await expect(ui.result('KPI-U003')).toHaveAttribute('data-outcome', 'pulled')
  const stored = Number(await ui.result('KPI-U003').locator('td').nth(2).textContent())
  expect(stored).toBeGreaterThanOrEqual(12)
  await page.screenshot({ path: `${SHOTS}/actuals-pull-en.png` })
  await ui.pullClose.click()
  await expect(ui.pullDialog).toBeHidden()

  await expect(ui.valuesCount).toHaveAttribute('data-count', String(before + stored))
  await expect(ui.chartCanvas).toBeAttached()
  // The oldest backfilled week sits on the last page of the values, newest first.
  await ui.tab.locator('.ant-pagination-item').last().click()
  const oldest = await ui.valueRows.last().getAttribute('data-period')
  expect(oldest! >= dayjs(from).subtract(7, 'day').format('YYYY-MM-DD') && oldest! <= dayjs(from).add(7, 'day').format('YYYY-MM-DD')).toBe(true)
  await page.screenshot({ path: `${SHOTS}/actuals-chart-en.png` })

  await closeWithEscape(page)
  await app.chinese.click()
  await board.codeLink('KPI-U003').click()
  await openActualsTab(page)
  await expect(ui.chartCanvas).toBeAttached()
  await page.screenshot({ path: `${SHOTS}/actuals-chart-zh-CN.png` })
  await ui.pull.click()
  await startPull(page)
  await expect(ui.results).toBeVisible({ timeout: 60_000 })
  await page.screenshot({ path: `${SHOTS}/actuals-pull-zh-CN.png` })
})

test('a manual value is stored, and a CSV with a bad line names the line and stores nothing', async ({ page, server, core }) => {
  seedSupportBoard(core)
  const app = appPage(page)
  const board = boardPage(page)
  const ui = actualsPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  await board.codeLink('KPI-S003').click()
  await openActualsTab(page)
  await expect(ui.valuesCount).toHaveAttribute('data-count', '0')

  await ui.toolHeader(/by hand/).click()
  await ui.manualMonth.click()
  await ui.manualMonth.fill('2026-01')
  await page.keyboard.press('Enter')
  await ui.manualValue.fill('96.2')
  await ui.manualNote.fill('月度 SLA 报表')
  await ui.manualSave.click()
  await expect(ui.valueRow('2026-01-01')).toContainText('96.2%')
  await expect(ui.valueRow('2026-01-01')).toContainText('月度 SLA 报表')
  await expect(ui.valuesCount).toHaveAttribute('data-count', '1')

  await ui.toolHeader(/CSV/).click()
  const csv = ['code,period_start,period_end,value,note', 'KPI-S003,2026-02-01,2026-02-28,95.1,', 'KPI-S003,2026-03-01,2026-03-31,ninety,typo'].join('\n')
  await ui.csvInput.setInputFiles({ name: 'sla.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(ui.csvError).toHaveAttribute('data-line', '3')
  await expect(ui.csvError).toContainText('Line 3')
  await expect(ui.csvError).toContainText('Nothing was stored')
  await expect(ui.valuesCount).toHaveAttribute('data-count', '1')
  await expect(ui.valueRow('2026-02-01')).toHaveCount(0)

  const good = ['code,period_start,period_end,value,note', 'KPI-S003,2026-02-01,2026-02-28,95.1,'].join('\n')
  await ui.csvInput.setInputFiles({ name: 'sla.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
  await expect(ui.csvResult).toBeVisible()
  await expect(ui.valueRow('2026-02-01')).toContainText('95.1%')
})

test('a SQLite file is added as a data source, tests read-only and shows its tables', async ({ page, server }) => {
  mkdirSync(SHOTS, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-e2e-sqlite-'))
  const file = join(dir, 'shop.db')
  const db = new Database(file)
  db.exec("CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, amount REAL, created_at TEXT); INSERT INTO orders VALUES (1, 7, 19.9, '2026-01-05')")
  db.close()
  const app = appPage(page)
  const ui = actualsPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  await ui.openSources.click()
  await ui.addSource.click()
  await ui.sourceName.fill('shop')
  await ui.sourceKind.click()
  await ui.kindOption('SQLite file').click()
  await ui.sourceUrl.fill(`sqlite://${file}`)
  // Real-time KPIs on this source store one value per 15 minutes (only divisors of an hour are offered).
  await ui.sourceRealtime.click()
  await ui.kindOption('15 min').click()
  await ui.sourceSave.click()
  await expect(ui.source('shop')).toBeVisible()
  await expect(ui.sourceForm).toBeHidden()
  await expect(ui.source('shop')).toContainText('real-time every 15 min')

  await ui.sourceTest('shop').click()
  await expect(ui.sourceTestResult('shop')).toHaveAttribute('data-can-write', 'false')
  await expect(ui.sourceWriteWarning('shop')).toHaveCount(0)
  // What SQLite itself enforces for this source: a read-only open, and the interrupt at the timeout.
  await expect(ui.sourceProtection('shop')).toHaveAttribute('data-level', 'enforced')
  await expect(ui.sourceProtection('shop')).toContainText('file opened read-only')
  await ui.sourceTables('shop').click()
  await expect(ui.sourceTree('shop')).toContainText('orders')
  await ui.sourceTree('shop').locator('.ant-tree-switcher').first().click()
  await expect(ui.sourceTree('shop')).toContainText('amount')
  await page.screenshot({ path: `${SHOTS}/sources-en.png` })
  await closeWithEscape(page)
  await app.chinese.click()
  await ui.openSources.click()
  await expect(ui.source('shop')).toContainText('实时指标每 15 分钟')
  await ui.sourceTest('shop').click()
  await expect(ui.sourceTestResult('shop')).toContainText('此用户不能写入')
  await expect(ui.sourceProtection('shop')).toContainText('以只读方式打开文件')
  await page.screenshot({ path: `${SHOTS}/sources-zh-CN.png` })
  rmSync(dir, { recursive: true, force: true })
})
