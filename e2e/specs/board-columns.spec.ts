import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { seedSupportBoard } from '../seed'
import { attachShot } from '../shots'
import { BOARD_COLUMN_KEYS } from '../../electron/domain/board-columns'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 }
] as const
/** Every column of the grid, the optional attainment column included once it is shown. */
const OTHER = 'Zz other board'
const ALL_COLUMNS: readonly string[] = BOARD_COLUMN_KEYS

for (const locale of ['zh-CN', 'en'] as const) {
  for (const size of SIZES) {
    const tag = `${locale}-${size.width}x${size.height}`
    test.describe(`the board's columns and toolbar in ${locale} at ${size.width}×${size.height}`, () => {
      test.use({ systemLocale: locale, viewport: size })

      test(`first screen, frozen KPI, toolbar on one line (${tag})`, async ({ page, server, core }, testInfo) => {
        seedSupportBoard(core)
        const board = boardPage(page)
        await page.goto(server.url)
        await expect(appPage(page).ready).toBeAttached()
        await expect(board.row('KPI-S006')).toBeVisible()

        // What a product owner opens the board for is on the first screen, whole, without scrolling.
        for (const key of ['code', 'name', 'currentValue', 'light', 'proposal']) {
          const box = (await board.headerFor(key).boundingBox())!
          expect(box.x, key).toBeGreaterThanOrEqual(0)
          expect(box.x + box.width, key).toBeLessThanOrEqual(size.width)
          expect(box.y + box.height, key).toBeLessThanOrEqual(size.height)
        }
        const cell = (await board.cell('KPI-S001', 'proposal').boundingBox())!
        expect(cell.x + cell.width).toBeLessThanOrEqual(size.width)

        // The toolbar is one line: as tall as one of its buttons, every control on the same row.
        const bar = (await board.toolbar.boundingBox())!
        const button = (await page.getByTestId('add-kpi').boundingBox())!
        expect(bar.height).toBeLessThan(button.height * 1.5)
        const tops = await board.toolbar.locator('.toolbar-group > *').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)))
        expect(new Set(tops).size).toBe(1)
        await expect(board.more).toBeVisible()
        // At 1440 px Review and Export leave the More menu for the toolbar.
        await expect(page.getByTestId('open-review')).toBeVisible({ visible: size.width >= 1440 })
        await attachShot(page, testInfo, `columns-first-screen-${tag}`)

        // Scrolled all the way right, the code and the name stay where they were, in the header and the rows.
        const nameBefore = (await board.cell('KPI-S002', 'name').boundingBox())!
        const codeHeaderBefore = (await board.headerFor('code').boundingBox())!
        await board.grid.evaluate((grid) => (grid.scrollLeft = grid.scrollWidth))
        await expect(board.headerFor('updatedAt')).toBeInViewport()
        await expect.poll(async () => (await board.cell('KPI-S002', 'name').boundingBox())?.x).toBe(nameBefore.x)
        expect((await board.headerFor('code').boundingBox())?.x).toBe(codeHeaderBefore.x)
        await expect(board.cell('KPI-S002', 'name')).toContainText('AI')
        // The cells that scrolled under the frozen ones are hidden by them, not drawn over them.
        const covering = await board.cell('KPI-S002', 'name').evaluate((el) => {
          const r = el.getBoundingClientRect()
          return el.ownerDocument
            .elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
            ?.closest('[data-col]')
            ?.getAttribute('data-col')
        })
        expect(covering).toBe('name')
        await attachShot(page, testInfo, `columns-frozen-scrolled-${tag}`)

        await board.more.click()
        await expect(page.getByTestId('more-actions-panel')).toBeVisible()
        await attachShot(page, testInfo, `toolbar-more-${tag}`)
      })

      test(`every column sorts; the chooser and widths persist per board (${tag})`, async ({ page, server, core }, testInfo) => {
        // Two dozen clicks, a drag and three board loads: more than the default minute on a busy 2-core machine.
        test.setTimeout(180_000)
        const support = seedSupportBoard(core)
        const other = core.boards.create(OTHER, '', 'e2e')
        core.kpis.add(other.id, { code: 'Z-1', name: 'Zz' }, { actor: 'e2e' })
        const board = boardPage(page)
        const app = appPage(page)
        await page.goto(server.url)
        await expect(app.ready).toBeAttached()
        await app.board(support.name).locator('.board-item-main').click()
        await expect(board.row('KPI-S006')).toBeVisible()

        await board.columnChooser.click()
        await board.columnToggle('attainment').click()
        await expect(board.headerFor('attainment')).toBeAttached()
        await page.keyboard.press('Escape')

        for (const key of ALL_COLUMNS) {
          const header = board.headerFor(key)
          await header.scrollIntoViewIfNeeded()
          await header.click()
          await expect(header, key).toHaveAttribute('aria-sort', 'ascending')
          await header.click()
          await expect(header, key).toHaveAttribute('aria-sort', 'descending')
        }
        await board.headerFor('code').click()
        await board.headerFor('code').click()
        await expect(board.rowAt(0)).toHaveAttribute('data-kpi-code', 'KPI-S006')
        await attachShot(page, testInfo, `columns-sorted-${tag}`)

        // Hide the owner, move the target before the latest proposal, widen the name by dragging its edge.
        await board.columnChooser.click()
        await board.columnToggle('owner').click()
        await board.columnUp('target').click()
        await attachShot(page, testInfo, `columns-chooser-${tag}`)
        await page.keyboard.press('Escape')
        const nameWidth = (await board.headerFor('name').boundingBox())!.width
        const handle = (await board.resizeHandle('name').boundingBox())!
        await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
        await page.mouse.down()
        await page.mouse.move(handle.x + handle.width / 2 + 40, handle.y + 10, { steps: 4 })
        await page.mouse.move(handle.x + handle.width / 2 + 80, handle.y + 10, { steps: 4 })
        await page.mouse.up()
        await expect.poll(async () => Math.round((await board.headerFor('name').boundingBox())!.width)).toBe(Math.round(nameWidth + 80))

        const order = async () => board.headers.evaluateAll((els) => els.map((e) => e.getAttribute('data-col')))
        const arranged = ['code', 'name', 'currentValue', 'light', 'target', 'proposal']
        // Kept in the workspace: a reload shows the same columns (the save may land just after the drag).
        await expect.poll(() => core.boardColumns.get(support.id)?.find((c) => c.key === 'name')?.width).toBe(Math.round(nameWidth + 80))
        await page.reload()
        await expect(app.ready).toBeAttached()
        await app.board(support.name).locator('.board-item-main').click()
        await expect(board.row('KPI-S006')).toBeVisible()
        await expect.poll(async () => (await order()).slice(0, 6)).toEqual(arranged)
        expect(await order()).not.toContain('owner')
        expect(await order()).toContain('attainment')
        expect(Math.round((await board.headerFor('name').boundingBox())!.width)).toBe(Math.round(nameWidth + 80))
        await attachShot(page, testInfo, `columns-after-reload-${tag}`)

        // Another board keeps its own (default) columns.
        await app.board(OTHER).locator('.board-item-main').click()
        await expect(board.title).toHaveText(OTHER)
        await expect.poll(async () => (await order()).slice(0, 5)).toEqual(['code', 'name', 'currentValue', 'light', 'proposal'])

        // Reset columns brings the default back on the first board.
        await app.board(support.name).locator('.board-item-main').click()
        await expect(board.row('KPI-S006')).toBeVisible()
        await board.columnChooser.click()
        await board.resetColumns.click()
        await expect.poll(async () => (await order()).slice(0, 6)).toEqual(['code', 'name', 'currentValue', 'light', 'proposal', 'target'])
        expect(await order()).toContain('owner')
        expect(await order()).not.toContain('attainment')
      })
    })
  }
}
