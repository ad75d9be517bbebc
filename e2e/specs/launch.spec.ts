import { readFileSync } from 'node:fs'
import dayjs from 'dayjs'
import { expect, test } from '../fixtures'
import { appPage, closeWithEscape } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { launchDrawer } from '../pages/launch-drawer'
import { seedSupportBoard } from '../seed'

type Core = Parameters<typeof seedSupportBoard>[0]

/** The support board with an assistant suggestion on KPI-S001. */
function seed(core: Core, rationale: string): number {
  seedSupportBoard(core)
  const boardId = core.boards.resolve(core.boards.list()[0]!.name)
  core.proposals.store(boardId, 'trial', 'assistant', [
    { kind: 'patch', code: 'KPI-S001', patches: [{ field: 'owner', value: '赵强', rationale: '' }], rationale }
  ])
  return boardId
}

test('the launch plan is set in the drawer, shows its rule and schedule, and notifies the team as a Markdown file (zh-CN)', async ({ page, server, core }) => {
  seed(core, '试运行 P95 已稳定在 22 分钟，建议收紧到 25 分钟')
  const app = appPage(page)
  const board = boardPage(page)
  const launch = launchDrawer(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  // The assistant's suggestion is its own column, not part of the notes.
  await expect(board.grid.getByRole('columnheader', { name: '最新建议' })).toBeVisible()
  await expect(board.cell('KPI-S001', 'proposal')).toHaveText('试运行 P95 已稳定在 22 分钟，建议收紧到 25 分钟')

  await launch.open.click()
  await expect(launch.drawer).toContainText('上线计划')
  await expect(launch.none).toHaveText('还没有上线计划。请设置上线日期和复盘周期。')
  await expect(launch.notifyTeam).toBeDisabled()
  const date = dayjs().subtract(10, 'day').format('YYYY-MM-DD')
  await launch.date.fill(date)
  await launch.date.press('Enter')
  await launch.cadence.click()
  await launch.option('每周').click()
  await launch.owner.fill('王芳')
  await launch.notify.fill('客服团队')
  await launch.notify.press('Enter')
  await launch.save.click()
  await expect(app.successMessage).toContainText('上线计划已保存')
  await expect(launch.none).toHaveCount(0)

  await expect(launch.rule).toContainText('上线后第一个完整复盘周期结束时自动进入运营阶段')
  await expect(launch.scheduleHeader).toContainText(['KPI', '上线于', '第一个完整复盘周期', '进入运营日期'])
  await expect(launch.scheduleRows).toHaveCount(1)
  await expect(launch.scheduleRows.first()).toContainText('KPI-S003')
  // KPI-S003 reached launched today, after the plan's date: its first full week starts next Monday.
  const weekday = (dayjs().day() + 6) % 7
  const monday = dayjs().add(weekday === 0 ? 0 : 7 - weekday, 'day')
  await expect(launch.scheduleRows.first()).toContainText(`${monday.format('YYYY-MM-DD')} – ${monday.add(6, 'day').format('YYYY-MM-DD')}`)

  const [download] = await Promise.all([page.waitForEvent('download'), launch.notifyTeam.click()])
  expect(download.suggestedFilename()).toBe('客服中心 KPI 看板-v0.1-launch.md')
  const markdown = readFileSync(await download.path(), 'utf8')
  expect(markdown).toContain('# 客服中心 KPI 看板 v0.1 已上线')
  expect(markdown).toContain('- 通知对象: 客服团队')
  expect(markdown).toContain('| KPI-S003 | SLA 达成率 |')
  expect(markdown).not.toContain('KPI-S001')
  await expect(app.successMessage.last()).toContainText('已将 v0.1 的上线 KPI（1 个）保存为 客服中心 KPI 看板-v0.1-launch.md')

  await closeWithEscape(page)
  await board.openAudit.click()
  await expect(board.auditRows.first()).toContainText('通知了团队 v0.1（1 个已上线 KPI）')
  await expect(board.auditRows.nth(1)).toContainText('设置了上线计划')

  // The launched KPI's own drawer says when and by which rule it becomes operating.
  await closeWithEscape(page)
  await board.codeLink('KPI-S003').click()
  await expect(launch.kpiNote).toContainText(`将于 ${monday.add(7, 'day').format('YYYY-MM-DD')} 自动进入运营阶段`)
  await expect(launch.kpiNote).toContainText('每周')
})

test.describe('in English', () => {
  test.use({ systemLocale: 'en-US' })

  test('the saved plan, its schedule and the suggestion column read in English', async ({ page, server, core }) => {
    const boardId = seed(core, 'Trial P95 is steady at 22 min: tighten to 25 min')
    core.launchPlans.set(boardId, { launchDate: '2025-01-06', cadence: 'monthly', owner: 'Wang Fang', notify: ['support-leads'] }, 'e2e')
    const app = appPage(page)
    const board = boardPage(page)
    const launch = launchDrawer(page)
    await page.goto(server.url)
    await expect(app.ready).toBeAttached()

    await expect(board.grid.getByRole('columnheader', { name: 'Latest proposal' })).toBeVisible()
    await expect(board.cell('KPI-S001', 'proposal')).toHaveText('Trial P95 is steady at 22 min: tighten to 25 min')

    await launch.open.click()
    await expect(launch.drawer).toContainText('Launch plan of')
    await expect(launch.owner).toHaveValue('Wang Fang')
    await expect(launch.date).toHaveValue('2025-01-06')
    await expect(launch.cadence).toContainText('Monthly')
    await expect(launch.drawer).toContainText('support-leads')
    await expect(launch.rule).toContainText('moves to operating by itself once the first full review period after its launch has ended')
    await expect(launch.scheduleHeader).toContainText(['KPI', 'Launched on', 'First full review period', 'Moves to operating on'])
    // KPI-S003 reached launched today: its first full month is the next one (this one when today is the 1st).
    const firstMonth = dayjs().date() === 1 ? dayjs() : dayjs().add(1, 'month')
    await expect(launch.scheduleRows.first()).toContainText('KPI-S003')
    await expect(launch.scheduleRows.first()).toContainText(`${firstMonth.format('YYYY-MM')} (${firstMonth.startOf('month').format('YYYY-MM-DD')}`)
    await expect(launch.notifyTeam).toHaveText('Notify the team')

    await closeWithEscape(page)
    await board.codeLink('KPI-S003').click()
    await expect(launch.kpiNote).toContainText(`Moves to operating by itself on ${firstMonth.add(1, 'month').startOf('month').format('YYYY-MM-DD')}`)
    await expect(launch.kpiNote).toContainText('Monthly')
  })
})
