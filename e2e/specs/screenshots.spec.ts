import { mkdirSync } from 'node:fs'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { kpiDrawer } from '../pages/kpi-drawer'
import { versionsPanel } from '../pages/versions-panel'
import { seedSupportBoard } from '../seed'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`screens in ${locale}`, () => {
    test.use({ systemLocale: locale })

    test(`board, drawer and version diff render in ${locale}`, async ({ page, server, core }) => {
      mkdirSync(SHOTS, { recursive: true })
      const board = seedSupportBoard(core)
      core.versions.cut(board.id, { label: 'v0.2', note: 'after trial' }, 'e2e')
      const app = appPage(page)
      const grid = boardPage(page)
      const drawer = kpiDrawer(page)
      const versions = versionsPanel(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()
      await expect(grid.row('KPI-S006')).toBeVisible()
      await page.screenshot({ path: `${SHOTS}/board-${locale}.png` })

      await grid.codeLink('KPI-S001').click()
      await expect(drawer.target).toHaveValue('P95 ≤ 40分钟')
      await page.screenshot({ path: `${SHOTS}/drawer-${locale}.png` })
      await drawer.historyTab.click()
      await drawer.revisionCheckbox(1).check()
      await drawer.revisionCheckbox(2).check()
      await drawer.compare.click()
      await expect(drawer.revisionDiff).toContainText('P95 ≤ 30分钟')
      await page.screenshot({ path: `${SHOTS}/history-${locale}.png` })
      await drawer.close.click()

      await grid.openVersions.click()
      await versions.from.click()
      await versions.fromOption('v0.1').click()
      await versions.to.click()
      await versions.toOption('v0.2').click()
      await versions.compare.click()
      await expect(versions.changed).toHaveCount(2)
      await page.screenshot({ path: `${SHOTS}/version-diff-${locale}.png` })
    })
  })
}
