import type { Locator, Page, Route } from '@playwright/test'
import { expect, test } from '../fixtures'
import { actualsPage } from '../pages/actuals'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { reviewPanel } from '../pages/review-panel'
import { seedLargeBoard } from '../seed'

// Issue 19 (board): the first rows come first, the rest stream in, and what counts the whole board waits for it.

const SIZE = 1_200
const WORDS = {
  'zh-CN': { loading: `正在加载 200 / ${SIZE} 个 KPI…`, soFar: '已加载的 200 个 KPI 中显示 200 个', done: `显示 ${SIZE} / ${SIZE} 个 KPI` },
  en: { loading: `Loading 200 of ${SIZE} KPIs…`, soFar: '200 of the 200 KPIs loaded so far', done: `${SIZE} of ${SIZE} KPIs` }
} as const

/** Holds every page after the first until `release` is called: the board stays mid-stream as long as the test needs. */
function holdLaterPages(page: Page) {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  void page.route('**/api/call/kpi.page', async (route: Route) => {
    const body = route.request().postDataJSON() as { after?: number }
    if (body.after !== undefined) await released
    await route.continue()
  })
  return { release: () => release() }
}

async function kanbanTotal(columns: Locator) {
  const counts = await columns.locator('.kanban-count').allTextContents()
  return counts.reduce((sum, n) => sum + Number(n), 0)
}

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`a ${SIZE}-KPI board in ${locale}`, () => {
    test.use({ systemLocale: locale })

    test('shows its first rows while the rest load, says how far it got, and counts the whole board once loaded', async ({ page, server, core }) => {
      test.setTimeout(90_000)
      seedLargeBoard(core, SIZE)
      const app = appPage(page)
      const board = boardPage(page)
      const review = reviewPanel(page)
      const held = holdLaterPages(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()

      await expect(board.row('KPI-00001')).toBeVisible()
      await expect(board.progress).toHaveText(WORDS[locale].loading)
      await expect(board.count).toHaveText(WORDS[locale].soFar)
      await expect(board.selectAll).toBeDisabled()
      // Kanban counts every KPI: it waits for the rest of the board, showing the progress.
      await review.viewSwitch.locator('.ant-segmented-item').nth(1).click()
      await expect(board.wholeBoardWaiting).toBeVisible()
      await expect(review.kanban).toHaveCount(0)

      held.release()
      await expect(review.kanban).toBeVisible()
      await expect(board.progress).toHaveCount(0)
      await expect(board.count).toHaveText(WORDS[locale].done)
      await expect.poll(() => kanbanTotal(page.getByTestId('kanban-column'))).toBe(SIZE)
      await expect(review.kanbanColumn('draft').locator('.kanban-count')).toHaveText(String(SIZE / 5))

      await review.viewSwitch.locator('.ant-segmented-item').nth(2).click()
      await expect(review.overview).toHaveAttribute('data-kpi-count', String(SIZE))
      await review.viewSwitch.locator('.ant-segmented-item').nth(0).click()
      await expect(board.grid).toHaveAttribute('aria-rowcount', String(SIZE + 1))
    })
  })
}

test('while the board streams in, pull works on the unfiltered board at once, and on a filter only once every KPI it shows has come', async ({
  page,
  server,
  core
}) => {
  test.setTimeout(90_000)
  seedLargeBoard(core, SIZE)
  const app = appPage(page)
  const board = boardPage(page)
  const pull = actualsPage(page)
  const held = holdLaterPages(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await expect(board.progress).toBeVisible()

  // No filter, nothing ticked: the board goes to the core by its id, so there is nothing to wait for.
  await pull.toolbarPull.click()
  await expect(pull.pullDialog.locator('.ant-modal-title')).toContainText('看板上的全部 KPI')
  await pull.pullClose.click()
  await expect(pull.pullDialog).toBeHidden()

  // "指标 11" shows 11 of the 200 KPIs loaded, but 111 of the board: the pull waits for the rest.
  await board.filter.fill('指标 11')
  await expect(board.count).toHaveText('已加载的 200 个 KPI 中显示 11 个')
  await pull.toolbarPull.click()
  await expect(pull.pullDialog).toBeHidden()
  held.release()
  await expect(pull.pullDialog.locator('.ant-modal-title')).toContainText('筛选显示的 111 个 KPI')
  await expect(board.count).toHaveText(`显示 111 / ${SIZE} 个 KPI`)
})

test('after 40 ArrowDowns, 25 ArrowUps and PageDowns on a streamed board the cursor row is fully visible below the sticky header', async ({
  page,
  server,
  core
}) => {
  seedLargeBoard(core, SIZE)
  const app = appPage(page)
  const board = boardPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await expect(board.progress).toHaveCount(0)
  await board.cell('KPI-00001', 'name').click()
  const fullyVisible = async () => {
    const [row, head, bottom] = await Promise.all([
      board.activeRow.boundingBox(),
      board.header.boundingBox(),
      board.grid.evaluate((el) => el.getBoundingClientRect().top + el.clientTop + el.clientHeight)
    ])
    return !!row && !!head && row.y >= head.y + head.height - 0.5 && row.y + row.height <= bottom + 0.5
  }

  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown')
  await expect(board.activeRow).toHaveAttribute('data-kpi-code', 'KPI-00041')
  await expect.poll(fullyVisible).toBe(true)
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowUp')
  await expect(board.activeRow).toHaveAttribute('data-kpi-code', 'KPI-00016')
  await expect.poll(fullyVisible).toBe(true)
  for (let i = 0; i < 3; i++) {
    const before = await board.activeRow.getAttribute('data-kpi-code')
    await page.keyboard.press('PageDown')
    await expect(board.activeRow).not.toHaveAttribute('data-kpi-code', before!)
    await expect.poll(fullyVisible).toBe(true)
  }
})

const FAILED = {
  'zh-CN': {
    stopped: `加载在 200 / ${SIZE} 个 KPI 处中断：KPI Loop 内部出错。`,
    waiting: `此视图统计整个看板，但加载在 200 / ${SIZE} 个 KPI 处中断。请重试以加载其余部分。`,
    retry: '重试',
    done: `显示 ${SIZE} / ${SIZE} 个 KPI`
  },
  en: {
    stopped: `Loading stopped at 200 of ${SIZE} KPIs: Something went wrong inside KPI Loop.`,
    waiting: `This view counts the whole board, but loading it stopped at 200 of ${SIZE} KPIs. Retry to load the rest.`,
    retry: 'Retry',
    done: `${SIZE} of ${SIZE} KPIs`
  }
} as const

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`a page that fails, in ${locale}`, () => {
    test.use({ systemLocale: locale })

    test('says loading stopped and why, Kanban says it cannot count the board, and Retry loads the rest from that page', async ({ page, server, core }) => {
      test.setTimeout(90_000)
      seedLargeBoard(core, SIZE)
      const app = appPage(page)
      const board = boardPage(page)
      const review = reviewPanel(page)
      // The second page never reaches the server the first time it is asked for (the connection drops).
      const asked: (number | undefined)[] = []
      await page.route('**/api/call/kpi.page', async (route: Route) => {
        const { after } = route.request().postDataJSON() as { after?: number }
        asked.push(after)
        if (after !== undefined && asked.filter((a) => a === after).length === 1) await route.abort('connectionreset')
        else await route.continue()
      })
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()

      await expect(board.row('KPI-00001')).toBeVisible()
      await expect(board.streamFailed).toContainText(FAILED[locale].stopped)
      await expect(board.progress).toHaveCount(0)
      await review.viewSwitch.locator('.ant-segmented-item').nth(1).click()
      await expect(board.wholeBoardWaiting).toContainText(FAILED[locale].waiting)
      await expect(review.kanban).toHaveCount(0)

      await expect(board.streamRetry.first()).toHaveText(FAILED[locale].retry)
      await board.streamRetry.first().click()
      await expect(review.kanban).toBeVisible()
      await expect(board.streamFailed).toHaveCount(0)
      await expect.poll(() => kanbanTotal(page.getByTestId('kanban-column'))).toBe(SIZE)
      await review.viewSwitch.locator('.ant-segmented-item').nth(0).click()
      await expect(board.count).toHaveText(FAILED[locale].done)
      // The retry asked again for the page that failed, not for the board from its start.
      expect(asked.filter((a) => a === undefined)).toHaveLength(1)
      expect(asked.filter((a) => a === asked[1])).toHaveLength(2)
    })
  })
}
