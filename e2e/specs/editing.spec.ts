import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { kpiDrawer } from '../pages/kpi-drawer'
import { seedSupportBoard } from '../seed'

test('a duplicate code is refused with a translated error and the typed value stays in the editor', async ({ page, server, core }) => {
  seedSupportBoard(core)
  const app = appPage(page)
  const board = boardPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  await board.cell('KPI-S002', 'code').click({ position: { x: 100, y: 10 } })
  await page.keyboard.press('Enter')
  await board.editor.fill('KPI-S001')
  await page.keyboard.press('Enter')
  await expect(app.apiError).toHaveAttribute('data-code', 'DUPLICATE_CODE')
  await expect(app.apiError).toContainText('此看板上已有 KPI 使用该编号')
  await expect(board.editor).toHaveValue('KPI-S001')

  // Escape gives up the edit; the KPI keeps its code.
  await page.keyboard.press('Escape')
  await expect(board.editor).toHaveCount(0)
  await expect(board.cell('KPI-S002', 'code')).toHaveText('KPI-S002')
})

test('arrow keys, Tab and typing drive the grid like a spreadsheet', async ({ page, server, core }) => {
  seedSupportBoard(core)
  const app = appPage(page)
  const board = boardPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  await board.cell('KPI-S001', 'owner').click()
  await page.keyboard.press('ArrowDown')
  await expect(board.activeCell).toHaveAttribute('data-col', 'owner')
  await expect(board.row('KPI-S002').locator('[aria-selected="true"]')).toHaveCount(1)
  await page.keyboard.press('Tab')
  await expect(board.activeCell).toHaveAttribute('data-col', 'frequency')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.type('Zhao')
  await page.keyboard.press('Tab')
  await expect(board.cell('KPI-S002', 'owner')).toHaveText('Zhao')
  await expect(board.activeCell).toHaveAttribute('data-col', 'frequency')

  // Sorting by owner puts Zhao last; grouping by stage shows collapsible headers.
  await board.headerFor('owner').click()
  await expect(board.bodyRows.last()).toHaveAttribute('data-kpi-code', 'KPI-S005')
  await board.filters.click()
  await board.groupBy.click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click()
  await expect(board.groupRows).toHaveCount(4)
  await board.groupRows.first().click()
  await expect(board.groupRows.first()).toHaveAttribute('aria-expanded', 'false')
  await expect(board.row('KPI-S002')).toHaveCount(0)
})

test('the detail drawer edits a launched target as a re-baseline and shows it distinctly in the timeline', async ({ page, server, core }) => {
  seedSupportBoard(core)
  const app = appPage(page)
  const board = boardPage(page)
  const drawer = kpiDrawer(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  await board.codeLink('KPI-S003').click()
  await expect(drawer.target).toBeDisabled()
  await drawer.rebaseline.click()
  await drawer.target.fill('≥ 97%')
  await expect(drawer.preview).toContainText('≥ 97%')
  await drawer.save.click()
  await expect(drawer.reason).toHaveAttribute('aria-invalid', 'true')
  await drawer.reason.fill('上线后三个月稳定在 98%，提高基线')
  await drawer.save.click()
  await expect(board.cell('KPI-S003', 'target')).toContainText('≥ 97%')
  await drawer.historyTab.click()
  await expect(drawer.revision(2)).toHaveAttribute('data-kind', 'rebaseline')
  await expect(drawer.revision(2)).toContainText('上线后三个月稳定在 98%')
})
