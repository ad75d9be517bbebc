import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { seedSupportBoard } from '../seed'

test('the UI starts in the OS language and switches between Chinese and English, antd texts included', async ({ page, server, core }) => {
  seedSupportBoard(core)
  const app = appPage(page)
  const board = boardPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  await expect(app.sidebarHeading).toContainText('看板')
  await expect(board.headerFor('target')).toHaveText('目标值')
  await expect(board.cell('KPI-S003', 'stage')).toHaveText('已上线')
  await expect(app.html).toHaveAttribute('lang', 'zh-CN')

  await app.english.click()
  await expect(app.sidebarHeading).toContainText('Boards')
  await expect(board.headerFor('target')).toHaveText('Target')
  await expect(board.cell('KPI-S003', 'stage')).toHaveText('Launched')
  await expect(board.cell('KPI-S006', 'target')).toContainText('within 6 months')
  await expect(app.html).toHaveAttribute('lang', 'en')
  await board.addKpi.click()
  await expect(app.dialogCancel).toHaveText('Cancel')
  await app.dialogCancel.click()

  // The choice is a saved UI preference.
  await page.reload()
  await expect(app.ready).toBeAttached()
  await expect(app.sidebarHeading).toContainText('Boards')

  await app.chinese.click()
  await expect(app.sidebarHeading).toContainText('看板')
  await expect(board.cell('KPI-S006', 'target')).toContainText('6个月内')
  await board.addKpi.click()
  await expect(app.dialogCancel).toHaveText('取消')
})

test.describe('with an English OS', () => {
  test.use({ systemLocale: 'en-US' })

  test('the UI starts in English', async ({ page, server, core }) => {
    seedSupportBoard(core)
    const app = appPage(page)
    await page.goto(server.url)
    await expect(app.ready).toBeAttached()
    await expect(app.sidebarHeading).toContainText('Boards')
    await expect(boardPage(page).cell('KPI-S005', 'target')).toContainText('Not understood')
  })
})
