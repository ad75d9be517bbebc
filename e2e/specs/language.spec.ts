import type { Locator, Page, TestInfo } from '@playwright/test'
import { closeWithEscape, appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { screens } from '../pages/screens'
import { expect, test } from '../fixtures'
import { foreignWords, visibleText, workspaceData, type UiLocale } from '../language-scan'
import { seedSupportBoard } from '../seed'

/** Checks what a screen shows for words of the other language and attaches its screenshot to the report. */
function screenChecker(page: Page, locale: UiLocale, workspace: () => string[], testInfo: TestInfo) {
  const leaks: string[] = []
  let known: string[] | null = null
  const data = () => (known ??= workspace())
  return {
    leaks,
    async check(name: string, shown: Locator) {
      await expect(shown).toBeVisible()
      const words = foreignWords(await visibleText(page), locale, data())
      if (words.length) leaks.push(`${name}: ${words.join(' | ')}`)
      // Kept as a file under test-results/ (the report links it), one per screen and language.
      const file = testInfo.outputPath(`${locale}-${name.replace(/\W+/g, '-')}.png`)
      await page.screenshot({ path: file })
      await testInfo.attach(`${locale} ${name}`, { path: file, contentType: 'image/png' })
    }
  }
}

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`every screen in ${locale}`, () => {
    test.use({ systemLocale: locale })
    // The sample workspace (demo warehouse, pulls, a review) is built in the fixture, which counts against this limit.
    test.describe.configure({ timeout: 300_000 })

    test(`speaks only ${locale} on every screen, drawer, tab and dialog (data excepted)`, async ({ page, sampleServer }, testInfo) => {
      const core = sampleServer.runtime.core
      const ui = screens(page)
      const { leaks, check } = screenChecker(page, locale, () => workspaceData(core), testInfo)
      await page.goto(sampleServer.url)
      await expect(appPage(page).ready).toBeAttached()

      await check('board', ui.grid)
      await ui.view(1).click()
      await check('kanban', ui.kanban)
      await ui.view(2).click()
      await check('overview', ui.overview)
      await ui.view(0).click()

      await ui.codeLink('KPI-U001').click()
      await check('kpi fields', ui.kpiDrawer)
      await ui.kpiTab(1).click()
      await check('kpi history', ui.kpiDrawer)
      await ui.kpiTab(2).click()
      await check('kpi actuals', ui.actualsTab)
      for (const [index, name] of ['manual entry', 'csv upload', 'query preview'].entries()) {
        await ui.actualsTool(index).click()
        await check(`kpi actuals ${name}`, ui.actualsTab)
      }
      await ui.moveStage.click()
      await check('stage move (kpi)', ui.stageMoveDialog)
      await closeWithEscape(page)
      await closeWithEscape(page)

      await ui.moveBoard.click()
      await check('stage move (board)', ui.stageMoveDialog)
      await closeWithEscape(page)
      await ui.openReview.click()
      await check('review', ui.reviewDrawer)
      await closeWithEscape(page)
      await ui.openVersions.click()
      await check('versions', ui.versionsDrawer)
      await closeWithEscape(page)
      await ui.openLaunch.click()
      await check('launch', ui.launchDrawer)
      await closeWithEscape(page)
      await ui.openAudit.click()
      await expect(ui.auditRows.first()).toBeVisible()
      await check('audit log', ui.auditRows.first())
      await closeWithEscape(page)

      await ui.importPrd.click()
      await check('import PRD', ui.modal)
      await closeWithEscape(page)
      await ui.importTable.click()
      await check('import table', ui.modal)
      await closeWithEscape(page)
      await ui.openExport.click()
      await check('export files', ui.exportModal)
      for (const [index, name] of ['notion', 'jira', 'trello'].entries()) {
        await ui.exportTab(index + 1).click()
        await check(`export ${name}`, ui.exportModal)
      }
      await closeWithEscape(page)
      await ui.pullActuals.click()
      await check('pull actuals', ui.pullDialog)
      await closeWithEscape(page)
      await ui.addKpi.click()
      await check('add KPI', ui.modal)
      await closeWithEscape(page)
      await ui.cutVersion.click()
      await check('cut version', ui.modal)
      await closeWithEscape(page)
      await ui.createBoard.click()
      await check('new board', ui.modal)
      await appPage(page).dialogCancel.click()

      await ui.openAssistant.click()
      for (const tab of ['settings', 'templates', 'preview', 'sessions'] as const) {
        await ui.assistantTab(tab).click()
        await check(`assistant ${tab}`, ui.assistantDrawer)
      }
      await closeWithEscape(page)
      await ui.openBackups.click()
      await check('backups', ui.backupsDrawer)
      await closeWithEscape(page)
      await ui.openSources.click()
      await check('data sources', ui.sourcesDrawer)
      await closeWithEscape(page)
      await ui.alertsBell.click()
      await check('alerts', ui.alertsDrawer)
      await closeWithEscape(page)

      expect(leaks, `words of the other language on screen in ${locale}`).toEqual([])
    })
  })
}

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
