import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { holdWriteLock } from '../../db/testing/write-lock-holder'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { backupsDrawer } from '../pages/backups-drawer'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'

test('the backups drawer shows the folder, sets the schedule, backs up now and restores a backup', async ({ page, server, core }) => {
  core.boards.create('增长看板', '', 'pm')
  const app = appPage(page)
  const backups = backupsDrawer(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  await backups.open.click()
  await expect(backups.folder).toHaveText(join(dirname(core.file), 'backups'))
  await expect(backups.interval).toContainText('每天')
  await expect(backups.keep).toContainText('10')
  await expect(backups.drawer).toContainText('还没有备份。')

  await backups.interval.click()
  await backups.option('每 6 小时').click()
  await expect(app.successMessage.filter({ hasText: '备份计划已保存' })).toBeVisible()
  expect(core.backups.settings().intervalHours).toBe(6)

  await backups.backUpNow.click()
  await expect(app.successMessage.filter({ hasText: '已备份到' })).toBeVisible()
  await expect(backups.rows).toHaveCount(1)
  await expect(backups.rows.first()).toContainText('手动')
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/backups-zh-CN.png` })

  // A board made after the backup is gone once it is restored; the workspace as it was is kept.
  core.boards.create('后来的看板', '', 'pm')
  await expect(app.board('后来的看板')).toBeVisible()
  await backups.restore(0).click()
  await backups.confirm.click()
  await expect(app.successMessage.filter({ hasText: '已恢复' })).toBeVisible()
  await expect(app.board('后来的看板')).toHaveCount(0)
  await expect(app.board('增长看板')).toBeVisible()
  await backups.open.click()
  await expect(backups.rows).toHaveCount(2)
  await expect(backups.rows.first()).toContainText('恢复前')
})

test.describe('in English', () => {
  test.use({ systemLocale: 'en' })

  test('a change waits, saying so, while another KPI Loop command holds the workspace, then is saved', async ({ page, server, core }) => {
    const app = appPage(page)
    const backups = backupsDrawer(page)
    await page.goto(server.url)
    await expect(app.ready).toBeAttached()

    const holder = await holdWriteLock(core.file)
    try {
      await app.createBoard.click()
      await app.boardNameInput.fill('Growth')
      await app.dialogOk.click()
      await expect(backups.waiting).toContainText('Waiting for another KPI Loop window or command to finish writing…')
      mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ path: `${SHOTS}/waiting-en.png` })
      await expect(app.board('Growth')).toHaveCount(0)
    } finally {
      await holder.release()
    }
    await expect(app.board('Growth')).toBeVisible()
    await expect(backups.waiting).toHaveCount(0)
  })
})
