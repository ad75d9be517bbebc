import { mkdirSync } from 'node:fs'
import { addDays, daysBetween } from '../../electron/domain/period'
import { seedLongSeries } from '../../electron/services/actuals/testing/long-series'
import { expect, test } from '../fixtures'
import { actualsPage, openActualsTab } from '../pages/actuals'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'
const COUNT = 100_000

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`a 100,000-value KPI in ${locale}`, () => {
    test.use({ systemLocale: locale })

    test(`its Actuals tab draws a bounded series, pages its table and shows exact values when zoomed in (${locale})`, async ({ page, server, core }) => {
      test.setTimeout(240_000)
      mkdirSync(SHOTS, { recursive: true })
      const end = addDays(new Date().toISOString().slice(0, 10), -1)
      const long = seedLongSeries(core, { count: COUNT, end })
      const app = appPage(page)
      const ui = actualsPage(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()
      await boardPage(page).codeLink(long.code).click()
      await openActualsTab(page)

      // The whole extent at the chart's width: at most two points per pixel, never the 100,000 values.
      await expect(ui.series).toHaveAttribute('data-total', String(COUNT))
      await expect(ui.series).toHaveAttribute('data-exact', 'false')
      await expect(ui.chart).toHaveAttribute('data-drawn', 'true')
      const width = (await ui.chart.boundingBox())!.width
      const points = Number(await ui.series.getAttribute('data-points'))
      expect(points).toBeGreaterThan(100)
      expect(points).toBeLessThanOrEqual(2 * width)
      await page.screenshot({ path: `${SHOTS}/long-series-${locale}.png` })

      // The table pages on the server: the newest period first, the next page on demand.
      await expect(ui.valuesCount).toHaveAttribute('data-count', String(COUNT))
      await expect(ui.valueRows.first()).toHaveAttribute('data-period', end)
      await ui.tab.locator('.ant-pagination-item-2').click()
      await expect(ui.valueRows.first()).toHaveAttribute('data-period', addDays(end, -12))

      // Zoom in with the wheel until the visible range holds few enough values to be drawn exactly.
      await ui.chart.scrollIntoViewIfNeeded()
      const box = (await ui.chart.boundingBox())!
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2)
      await expect(async () => {
        for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -600)
        await expect(ui.series).toHaveAttribute('data-exact', 'true', { timeout: 1_500 })
      }).toPass({ timeout: 60_000 })
      await expect(ui.chart).toHaveAttribute('data-drawn', 'true')
      const from = (await ui.series.getAttribute('data-from'))!
      const to = (await ui.series.getAttribute('data-to'))!
      expect(from > long.days[0]! && to <= end).toBe(true)
      // Daily values without a gap: every day of the visible range is a point.
      const inRange = String(daysBetween(from, to) + 1)
      await expect(ui.series).toHaveAttribute('data-in-range', inRange)
      await expect(ui.series).toHaveAttribute('data-points', inRange)
      await page.screenshot({ path: `${SHOTS}/long-series-zoomed-${locale}.png` })
    })
  })
}
