import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { seedLargeBoard } from '../seed'

test('a 10,000-KPI board keeps under 200 rows in the DOM while it scrolls to the end', async ({ page, server, core }) => {
  test.setTimeout(120_000)
  seedLargeBoard(core, 10_000)
  const app = appPage(page)
  const board = boardPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await expect(board.grid).toHaveAttribute('aria-rowcount', '10001')
  await expect(board.row('KPI-00001')).toBeVisible()
  expect(await board.bodyRows.count()).toBeLessThan(200)

  // Wheel-like scrolling, 300 px (about 6 rows) per frame, to the end (its timing belongs in a benchmark, not here).
  await board.grid.evaluate(async (grid) => {
    for (let i = 0; i < 60; i++) {
      grid.scrollTop += 300
      grid.dispatchEvent(new Event('scroll'))
      await new Promise((done) => (globalThis as unknown as { requestAnimationFrame: (cb: () => void) => void }).requestAnimationFrame(() => done(null)))
    }
    grid.scrollTop = grid.scrollHeight
  })
  await expect(board.row('KPI-10000')).toBeVisible()
  expect(await board.bodyRows.count()).toBeLessThan(200)

  // Ctrl+Home goes back to the first row; the filter narrows 10,000 rows at once.
  await board.cell('KPI-10000', 'name').click()
  await page.keyboard.press('Control+Home')
  await expect(board.row('KPI-00001')).toBeVisible()
  await board.filter.fill('指标 9999')
  await expect(board.bodyRows).toHaveCount(1)
  await expect(board.count).toContainText('1 / 10000')
})
