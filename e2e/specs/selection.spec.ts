import { mkdirSync, readFileSync } from 'node:fs'
import { expect, test } from '../fixtures'
import { actualsPage } from '../pages/actuals'
import { appPage, closeWithEscape } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { exportDialog } from '../pages/export-dialog'
import { reviewPanel } from '../pages/review-panel'
import { seedSupportBoard } from '../seed'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'
test.use({ systemLocale: 'en' })

test('ticked KPIs, a shift-click range included, are what pull, stage move and export work on', async ({ page, server, core }) => {
  mkdirSync(SHOTS, { recursive: true })
  seedSupportBoard(core)
  const app = appPage(page)
  const board = boardPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  await board.tick('KPI-S002').click()
  await board.tick('KPI-S004').click({ modifiers: ['Shift'] })
  await expect(board.selectionCount).toHaveText('3 selected')
  await expect(board.row('KPI-S003')).toHaveAttribute('aria-selected', 'true')
  await expect(board.row('KPI-S005')).toHaveAttribute('aria-selected', 'false')
  await expect(board.grid.locator('.grid-head .ant-checkbox-indeterminate')).toBeAttached()
  await page.screenshot({ path: `${SHOTS}/selection-en.png` })

  const pull = actualsPage(page)
  await pull.toolbarPull.click()
  await expect(pull.pullDialog.locator('.ant-modal-title')).toContainText('the 3 selected KPIs')
  await pull.pullClose.click()
  await expect(pull.pullDialog).toBeHidden()

  const review = reviewPanel(page)
  await review.moveBoard.click()
  await expect(review.moveDialog.locator('.ant-radio-wrapper-checked')).toContainText('Only these 3 KPIs')
  await closeWithEscape(page)
  await expect(review.moveDialog).toBeHidden()

  const dialog = exportDialog(page)
  await dialog.open.click()
  await expect(dialog.root.locator('input[type="radio"][value="selection"]')).toBeChecked()
  const [markdown] = await Promise.all([page.waitForEvent('download'), dialog.download.click()])
  const md = readFileSync((await markdown.path())!, 'utf8')
  for (const code of ['KPI-S002', 'KPI-S003', 'KPI-S004']) expect(md).toMatch(new RegExp(`\\|\\s*${code}\\s*\\|`))
  for (const code of ['KPI-S001', 'KPI-S005', 'KPI-S006']) expect(md).not.toContain(code)
  await dialog.close.click()

  // Unticking one row, then the header box ticks every KPI the filter shows and nothing else.
  await board.tick('KPI-S003').click()
  await expect(board.selectionCount).toHaveText('2 selected')
  await board.clearSelection.click()
  await expect(board.selectionCount).toBeHidden()
  await board.filter.fill('李娜')
  await expect(board.count).toHaveText('2 of 6 KPIs')
  await board.selectAll.click()
  await expect(board.selectionCount).toHaveText('2 selected')
  await board.filter.fill('')
  await expect(board.row('KPI-S002')).toHaveAttribute('aria-selected', 'true')
  await expect(board.row('KPI-S004')).toHaveAttribute('aria-selected', 'true')
  await expect(board.row('KPI-S001')).toHaveAttribute('aria-selected', 'false')

  await app.chinese.click()
  await expect(board.selectionCount).toHaveText('已选 2 个')
  await page.screenshot({ path: `${SHOTS}/selection-zh-CN.png` })
})
