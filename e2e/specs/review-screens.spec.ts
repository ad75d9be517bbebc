import { mkdirSync } from 'node:fs'
import { expect, test } from '../fixtures'
import { appPage, closeWithEscape } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { reviewPanel } from '../pages/review-panel'
import { seedSupportBoard } from '../seed'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'
const ctx = { actor: 'e2e', signal: new AbortController().signal, emit: () => {} }

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`lifecycle screens in ${locale}`, () => {
    test.use({ systemLocale: locale })

    test(`review panel, kanban, overview and gate dialog render in ${locale}`, async ({ page, server, core, runtime }) => {
      mkdirSync(SHOTS, { recursive: true })
      const board = seedSupportBoard(core)
      const kpis = core.kpis.list(board.id)
      const id = (code: string) => kpis.find((k) => k.code === code)!.id
      const actuals: [string, number][] = [
        ['KPI-S001', 52],
        ['KPI-S002', 52],
        ['KPI-S003', 96.4],
        ['KPI-S004', 4.6]
      ]
      for (const [code, value] of actuals) {
        const added = await runtime.dispatch('actuals.add', { kpiId: id(code), periodStart: '2026-11-01', periodEnd: '2026-11-07', value }, ctx)
        expect(added.ok).toBe(true)
      }
      const app = appPage(page)
      const grid = boardPage(page)
      const review = reviewPanel(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()
      await expect(review.light('KPI-S003')).toHaveAttribute('data-level', 'green')
      await grid.grid.evaluate((el) => el.querySelector('.grid-body')?.parentElement?.scrollTo({ left: 2000 }))
      await page.screenshot({ path: `${SHOTS}/review-grid-${locale}.png` })

      await review.open.click()
      await review.start.click()
      await expect(review.result).toBeVisible()
      await expect(review.proposals.first()).toBeVisible()
      await page.screenshot({ path: `${SHOTS}/review-panel-${locale}.png` })
      await review.close.click()

      await review.viewSwitch.locator('.ant-segmented-item').nth(1).click()
      await expect(review.kanbanColumn('draft').getByTestId('kanban-card')).toHaveCount(3)
      await page.screenshot({ path: `${SHOTS}/review-kanban-${locale}.png` })

      await review.kanbanColumn('draft').locator('[data-kpi-code="KPI-S005"]').getByTestId('kanban-move').click()
      await page.locator('.ant-dropdown-menu-item').first().click()
      await expect(review.unmetItems.first()).toBeVisible()
      await expect(page.locator('.ant-dropdown:visible')).toHaveCount(0)
      await expect(page.locator('.ant-modal-wrap .ant-zoom-appear, .ant-modal-wrap .ant-zoom-enter')).toHaveCount(0)
      await page.screenshot({ path: `${SHOTS}/review-gate-${locale}.png` })
      await closeWithEscape(page)

      await review.viewSwitch.locator('.ant-segmented-item').nth(2).click()
      await expect(page.getByTestId('chart-funnel').locator('canvas')).toBeVisible()
      await expect(page.locator('.ant-segmented-thumb')).toHaveCount(0)
      await page.screenshot({ path: `${SHOTS}/review-overview-${locale}.png` })
    })
  })
}
