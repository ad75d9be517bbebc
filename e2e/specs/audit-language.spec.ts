import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { auditDrawer } from '../pages/audit-drawer'
import { boardPage } from '../pages/board-page'
import { seedSupportBoard } from '../seed'

const words = {
  'zh-CN': {
    edit: 'e2e 将 KPI-S001 的目标值从 P95 ≤ 30分钟 改为 P95 ≤ 40分钟——试运行两周，实际 P95 为 45 分钟，先放宽目标',
    owner: '李 将 KPI-S004 的负责人从 李娜 改为 王芳——交接',
    cut: 'e2e 创建了版本 v0.1（6 个 KPI）',
    cutAction: '创建版本',
    emptyName: '名称不能为空：请填写后重试。',
    validation: '输入不合法。'
  },
  en: {
    edit: 'e2e changed the Target of KPI-S001 from P95 ≤ 30分钟 to P95 ≤ 40分钟 — 试运行两周，实际 P95 为 45 分钟，先放宽目标',
    owner: '李 changed the Owner of KPI-S004 from 李娜 to 王芳 — 交接',
    cut: 'e2e cut version v0.1 (6 KPIs)',
    cutAction: 'Cut version',
    emptyName: 'Name cannot be empty: fill it in and try again.',
    validation: 'Some input is not valid.'
  }
} as const

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ systemLocale: locale })

    test(`the audit log reads as ${locale} sentences and filters by KPI, actor and action`, async ({ page, server, core }, testInfo) => {
      const board = seedSupportBoard(core)
      const s004 = core.kpis.list(board.id).find((k) => k.code === 'KPI-S004')!
      core.kpis.edit(s004.id, { owner: '王芳' }, { actor: '李', reason: '交接' })
      const audit = auditDrawer(page)
      await page.goto(server.url)
      await expect(appPage(page).ready).toBeAttached()
      await audit.open.click()

      await expect(audit.sentences.filter({ hasText: words[locale].edit })).toHaveCount(1)
      await expect(audit.sentence('version.cut')).toHaveText(words[locale].cut)
      await expect(audit.root).not.toContainText('kpi.edit')
      const shot = testInfo.outputPath(`${locale}-audit-log.png`)
      await page.screenshot({ path: shot })
      await testInfo.attach(`${locale} audit log`, { path: shot, contentType: 'image/png' })

      await audit.actorFilter.click()
      await audit.option('李').first().click()
      await expect(audit.sentences).toHaveText([words[locale].owner])
      await audit.actorFilter.locator('.ant-select-clear').click()

      await audit.kpiFilter.click()
      await audit.option('KPI-S001').click()
      await expect(audit.sentences).toHaveCount(2)
      await expect(audit.sentence('kpi.edit')).toHaveText(words[locale].edit)

      await audit.actionFilter.click()
      await audit.option(words[locale].cutAction).click()
      await expect(audit.sentences).toHaveCount(0)
      await audit.kpiFilter.locator('.ant-select-clear').click()
      await expect(audit.sentences).toHaveText([words[locale].cut])
    })

    test(`invalid input sent through the contract is told in ${locale}: which field and how to fix it`, async ({ page, server, core }) => {
      seedSupportBoard(core)
      const app = appPage(page)
      const grid = boardPage(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()

      await grid.cell('KPI-S002', 'name').click({ position: { x: 100, y: 10 } })
      await page.keyboard.press('Enter')
      await grid.editor.fill('   ')
      await page.keyboard.press('Enter')
      await expect(app.apiError).toHaveAttribute('data-code', 'VALIDATION')
      await expect(app.apiError).toContainText(words[locale].validation)
      await expect(app.apiError).toContainText(words[locale].emptyName)
      await expect(app.apiError).not.toContainText('Invalid input')
      await expect(app.apiError).not.toContainText('Too small')
    })
  })
}
