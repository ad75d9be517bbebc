import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'

// What the parser says about a target it cannot read is said in the screen's language, not in the core's English.
for (const { locale, refused, setAside, foreign } of [
  { locale: 'zh-CN', refused: '同一方向写了两个界限', setAside: '是起始的基线值', foreign: /[A-Za-z]{4,}/ },
  { locale: 'en', refused: 'Two bounds in the same direction', setAside: 'is the baseline the value starts from', foreign: /[\u4e00-\u9fff]/ }
]) {
  test.describe(`target issues in ${locale}`, () => {
    test.use({ systemLocale: locale })

    test('the live preview explains a refused and a set-aside target in the screen language', async ({ page, server }) => {
      const app = appPage(page)
      const board = boardPage(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()
      await app.createBoard.click()
      await app.boardNameInput.fill('Targets')
      await app.dialogOk.click()
      await board.addKpi.click()
      await board.newCode.fill('KPI-T1')
      await board.newName.fill('Share')
      await board.newTarget.fill('≥ 60%')
      await app.dialogOk.click()
      await expect(board.cell('KPI-T1', 'target')).toContainText('≥ 60%')

      await board.cell('KPI-T1', 'target').click()
      await page.keyboard.press('Enter')
      await board.editor.fill('≥ 5% ≥ 3%')
      await expect(board.targetPreview).toContainText(refused)
      await board.editor.fill('from 24% to 30%')
      await expect(board.targetPreview).toContainText(setAside)
      // The explanation itself carries no word of the other language (the quoted target is the user's own text).
      const explanation = (await board.targetPreview.locator('.ant-typography').last().innerText()).replace(/“[^”]*”|"[^"]*"/g, '')
      expect(explanation).not.toMatch(foreign)
      await test.info().attach(`target-issue-${locale}`, { body: await page.screenshot(), contentType: 'image/png' })
    })
  })
}
