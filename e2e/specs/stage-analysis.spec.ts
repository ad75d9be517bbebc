import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { kpiDrawer } from '../pages/kpi-drawer'
import { reviewPanel } from '../pages/review-panel'

const months = (values: number[]) =>
  values.map((value, i) => {
    const start = new Date(Date.UTC(2025, 4 + i, 1))
    const end = new Date(Date.UTC(2025, 5 + i, 1))
    return { period: { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) }, value }
  })

test('the trial review proposes a calibration with its evidence, says why it proposes nothing, and the drawer shows freshness', async ({
  page,
  server,
  core
}) => {
  const board = core.boards.create('增长看板', '', 'e2e')
  const add = (code: string, name: string, values: number[]) => {
    const kpi = core.kpis.add(board.id, { code, name, unit: 'users', frequency: 'monthly', stage: 'trial', target: '≥ 1000 users' }, { actor: 'e2e' })
    for (const point of months(values)) core.measurements.add(kpi.id, { ...point, note: '', source: 'manual' }, 'e2e')
  }
  add('KPI-U001', '月活跃用户数', [620, 700, 660, 900, 750, 810, 680, 780])
  add('KPI-U002', '周活跃团队数', [980, 1020, 1050, 995, 940, 1010, 1060, 870])
  const app = appPage(page)
  const grid = boardPage(page)
  const review = reviewPanel(page)
  const drawer = kpiDrawer(page)

  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await expect(grid.row('KPI-U001')).toBeVisible()
  await review.open.click()
  await expect(review.stageSelect).toContainText('试运行')
  await review.start.click()
  await expect(review.result).toBeVisible()
  await expect(review.proposal('KPI-U001').locator('tr[data-field="target"]')).toContainText('≥ 787.5 users')
  await expect(review.proposal('KPI-U001').locator('tr[data-field="target"]')).toContainText('中位达成率 72.5%')
  await expect(review.proposal('KPI-U001').locator('tr[data-field="target"]')).toContainText('方法：试运行的 P75')
  await expect(review.proposal('KPI-U002')).toHaveCount(0)
  const remarks = review.root.getByTestId('review-remarks')
  await expect(remarks).toContainText('以下指标无需调整，原因如下')
  await expect(remarks.locator('li[data-code="KPI-U002"]')).toContainText('KPI-U002：无需调整——8 个周期中有 7 个在目标 ±10% 以内')
  await review.close.click()

  await grid.codeLink('KPI-U001').click()
  await expect(drawer.freshness).toContainText('最新数值')
  // The trial ended months ago (the real clock): no value since, so the drawer marks it stale.
  await expect(drawer.freshness).toHaveAttribute('data-stale', 'true')
  await expect(drawer.freshness).toContainText('数据中断')
})

test.describe('in English', () => {
  test.use({ systemLocale: 'en' })

  test('the trial review explains a proposal and a KPI it leaves alone in English', async ({ page, server, core }) => {
    const board = core.boards.create('Growth', '', 'e2e')
    const add = (code: string, name: string, values: number[]) => {
      const kpi = core.kpis.add(board.id, { code, name, unit: 'users', frequency: 'monthly', stage: 'trial', target: '≥ 1000 users' }, { actor: 'e2e' })
      for (const point of months(values)) core.measurements.add(kpi.id, { ...point, note: '', source: 'manual' }, 'e2e')
    }
    add('KPI-U001', 'Monthly active users', [620, 700, 660, 900, 750, 810, 680, 780])
    add('KPI-U002', 'Weekly active teams', [980, 1020, 1050, 995, 940, 1010, 1060, 870])
    const review = reviewPanel(page)

    await page.goto(server.url)
    await expect(appPage(page).ready).toBeAttached()
    await review.open.click()
    await review.start.click()
    await expect(review.result).toBeVisible()
    await expect(review.proposal('KPI-U001').locator('tr[data-field="target"]')).toContainText("method: the trial's P75")
    const remarks = review.root.getByTestId('review-remarks')
    await expect(remarks).toContainText('Nothing proposed for these KPIs, and why')
    await expect(remarks.locator('li[data-code="KPI-U002"]')).toContainText('KPI-U002: nothing to propose — within ±10% of the target in 7 of 8 periods')
  })
})
