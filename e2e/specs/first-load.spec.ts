import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { seedSupportBoard } from '../seed'

/** Holds every kpi.page answer (the board is read by pages) until `release` is called, so the test sees the board before its first answer. */
async function holdKpiPages(page: Page) {
  let release = () => {}
  const gate = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/call/kpi.page', async (route) => {
    await gate
    await route.continue()
  })
  return release
}

test('an empty board shows a loading state, never "no KPIs yet", until its list answers', async ({ page, server, core }) => {
  core.boards.create('空看板', '', 'e2e')
  const app = appPage(page)
  const board = boardPage(page)
  const release = await holdKpiPages(page)
  await page.goto(server.url)
  await expect(board.title).toHaveText('空看板')

  await expect(board.loading).toBeVisible()
  await expect(board.empty).toHaveCount(0)

  release()
  await expect(board.empty).toBeVisible()
  await expect(board.loading).toHaveCount(0)
  await expect(app.ready).toBeAttached()
})

test('a board with KPIs goes from the loading state straight to its rows', async ({ page, server, core }) => {
  seedSupportBoard(core)
  const board = boardPage(page)
  const release = await holdKpiPages(page)
  await page.goto(server.url)
  await expect(board.loading).toBeVisible()
  await expect(board.empty).toHaveCount(0)

  release()
  await expect(board.row('KPI-S001')).toBeVisible()
  await expect(board.empty).toHaveCount(0)
  await expect(board.loading).toHaveCount(0)
})

test('an error toast stays until dismissed while a success toast fades', async ({ page, server, core }) => {
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
  await page.keyboard.press('Escape')

  await app.createBoard.click()
  await app.boardNameInput.fill('增长看板')
  await app.dialogOk.click()
  await expect(app.successMessage).toBeVisible()
  // The success toast fades on its own; the error, shown before it, is still there to be read.
  await expect(app.successMessage).toHaveCount(0)
  await expect(app.apiError).toBeVisible()

  await app.apiErrorDismiss.click()
  await expect(app.apiError).toHaveCount(0)
})

test.describe('in English', () => {
  test.use({ systemLocale: 'en' })

  test('the loading state and the empty state speak English', async ({ page, server, core }) => {
    core.boards.create('Empty board', '', 'e2e')
    const board = boardPage(page)
    const release = await holdKpiPages(page)
    await page.goto(server.url)
    await expect(board.loading).toHaveAttribute('aria-label', 'Loading the board’s KPIs…')
    await expect(board.empty).toHaveCount(0)
    release()
    await expect(board.empty).toContainText('This board has no KPI yet.')
  })
})
