import { lastCompleteBucket } from '../../electron/domain/buckets'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { healthPage } from '../pages/health'
import { kpiDrawer } from '../pages/kpi-drawer'
import type { Runtime } from '../../electron/api/dispatch/runtime'

const MINUTE = 60_000

/**
 * Two real-time KPIs (5-minute buckets) on the real clock: one whose newest bucket just ended, one whose
 * newest bucket ended 30 minutes ago (stale once two buckets pass without a value).
 */
function seedRealtime(core: Runtime['core'], name: string) {
  const board = core.boards.create(name, '', 'e2e')
  const newest = Date.parse(lastCompleteBucket(Date.now(), 5).end)
  const add = (code: string, lastEnd: number) => {
    const kpi = core.kpis.add(
      board.id,
      { code, name: code, unit: 'ms', frequency: 'realtime', stage: 'operating', target: '≤ 500ms', dataSource: 'metrics', formula: 'SELECT 1' },
      { actor: 'e2e' }
    )
    for (let i = 3; i >= 1; i--) {
      const start = lastEnd - i * 5 * MINUTE
      const period = { start: new Date(start).toISOString().replace('.000Z', 'Z'), end: new Date(start + 5 * MINUTE).toISOString().replace('.000Z', 'Z') }
      core.measurements.add(kpi.id, { period, value: 300 + i, source: 'query' }, 'e2e')
    }
  }
  add('RT-FRESH', newest)
  add('RT-STALE', newest - 30 * MINUTE)
}

test('a real-time KPI shows how fresh its newest value is on the board and in the drawer; one without values for two intervals reads stale', async ({
  page,
  server,
  core
}) => {
  seedRealtime(core, '实时看板')
  const app = appPage(page)
  const grid = boardPage(page)
  const health = healthPage(page)
  const drawer = kpiDrawer(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  await expect(health.value('RT-FRESH')).toHaveAttribute('data-stale', 'false')
  await expect(health.value('RT-FRESH')).toHaveAttribute('title', /最新数值 \d 分钟前/)
  await expect(health.value('RT-STALE')).toHaveAttribute('data-stale', 'true')
  await expect(health.value('RT-STALE')).toHaveAttribute('title', /起数据中断 · 最新数值 3\d 分钟前/)
  await expect(health.light('RT-STALE')).toHaveAttribute('title', /数据中断/)

  await grid.codeLink('RT-FRESH').click()
  await expect(drawer.freshness).toHaveAttribute('data-stale', 'false')
  await expect(drawer.freshness).toHaveText(/^最新数值 \d 分钟前$/)
  await drawer.close.click()
  await grid.codeLink('RT-STALE').click()
  await expect(drawer.freshness).toHaveAttribute('data-stale', 'true')
  await expect(drawer.freshness).toHaveText(/^自 (\d{4}-\d\d-\d\d )?\d\d:\d\d 起数据中断 · 最新数值 3\d 分钟前$/)
  await drawer.freshness.hover()
  await expect(page.locator('.ant-tooltip:visible')).toContainText('每 5 分钟 一个值，缺 2 个即为中断')
})

test.describe('in English', () => {
  test.use({ systemLocale: 'en' })

  test('the board and the drawer say how fresh a real-time KPI is, and that a stale one is stale', async ({ page, server, core }) => {
    seedRealtime(core, 'Realtime')
    const grid = boardPage(page)
    const health = healthPage(page)
    const drawer = kpiDrawer(page)
    await page.goto(server.url)
    await expect(appPage(page).ready).toBeAttached()

    await expect(health.value('RT-FRESH')).toHaveAttribute('title', /Last value \d min ago/)
    await expect(health.value('RT-STALE')).toHaveAttribute('title', /Stale since .* · Last value 3\d min ago/)
    await grid.codeLink('RT-STALE').click()
    await expect(drawer.freshness).toHaveText(/^Stale since (\d{4}-\d\d-\d\d )?\d\d:\d\d · Last value 3\d min ago$/)
    await drawer.freshness.hover()
    await expect(page.locator('.ant-tooltip:visible')).toContainText('one value every 5 min, stale after 2 without one')
  })
})
