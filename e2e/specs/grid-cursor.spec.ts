import type { Locator } from '@playwright/test'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { seedLargeBoard } from '../seed'

/** Where the cursor's row is against what the user can see: under the sticky header, above the grid's bottom edge. */
async function cursorRowPlacement(grid: Locator, activeRow: Locator, header: Locator) {
  const [row, head, bottom] = await Promise.all([
    activeRow.boundingBox(),
    header.boundingBox(),
    grid.evaluate((el) => el.getBoundingClientRect().top + el.clientTop + el.clientHeight)
  ])
  if (!row || !head) return 'no cursor row'
  if (row.y < head.y + head.height - 0.5) return `${Math.round(head.y + head.height - row.y)} px under the header`
  if (row.y + row.height > bottom + 0.5) return `${Math.round(row.y + row.height - bottom)} px below the bottom edge`
  return 'fully visible'
}

test('the cursor row stays fully visible, never under the sticky header, as arrow keys move it past the viewport', async ({ page, server, core }) => {
  seedLargeBoard(core, 80)
  const app = appPage(page)
  const board = boardPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await board.cell('KPI-00001', 'name').click()
  const placement = () => cursorRowPlacement(board.grid, board.activeRow, board.header)

  // Down well past the first screen (about ten rows): the grid scrolls along and the row stays above the bottom edge.
  for (let i = 0; i < 24; i++) await page.keyboard.press('ArrowDown')
  await expect(board.activeRow).toHaveAttribute('data-kpi-code', 'KPI-00025')
  await expect.poll(placement).toBe('fully visible')

  // Back up past the top of the screen: the row comes out from under the sticky header.
  for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowUp')
  await expect(board.activeRow).toHaveAttribute('data-kpi-code', 'KPI-00009')
  await expect.poll(placement).toBe('fully visible')

  // One row at a time in both directions, at every step.
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp', 'ArrowUp']) {
    await page.keyboard.press(key)
    await expect.poll(placement).toBe('fully visible')
  }
})
