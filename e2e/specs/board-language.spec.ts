import { expect, test } from '../fixtures'
import { appPage, closeWithEscape } from '../pages/app-page'
import { assistantPage } from '../pages/assistant-page'
import { boardSettingsPage } from '../pages/board-settings-page'
import { seedSupportBoard } from '../seed'

const signal = () => new AbortController().signal

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`the board's language (${locale} UI)`, () => {
    test.use({ systemLocale: locale })

    test('switching it in the board settings switches the prompt the assistant would be sent', async ({ page, server, core, runtime }) => {
      const board = seedSupportBoard(core)
      const set = await runtime.dispatch(
        'llm.settings.set',
        { provider: 'custom', baseURL: 'http://127.0.0.1:9/v1', model: 'gpt-4.1-mini', apiKey: 'sk-e2e-board-language' },
        { actor: 'e2e', signal: signal(), emit: () => {} }
      )
      expect(set.ok).toBe(true)
      const app = appPage(page)
      const a = assistantPage(page)
      const settings = boardSettingsPage(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()
      await app.board(board.name).locator('.board-item-main').click()

      await a.open.click()
      await a.previewTab.click()
      // Made before the setting existed: its Chinese KPIs make it a Chinese board.
      await expect(a.previewRequests.first()).toContainText('草稿评审（v0.1）')
      await closeWithEscape(page)

      await settings.menu(board.name).click()
      await settings.open.click()
      await expect(settings.inferred).toBeVisible()
      await settings.language.click()
      await settings.languageOption(locale === 'en' ? 'English' : '英文（English）').click()
      await settings.save.click()
      await expect(app.successMessage).toBeVisible()

      await a.open.click()
      await a.previewTab.click()
      await expect(a.previewRequests.first()).toContainText('Draft review (v0.1)')
      await expect(a.previewRequests.first()).not.toContainText('草稿评审（v0.1）')
      expect(core.boards.get(board.id)).toMatchObject({ language: 'en', languageSet: true })
    })
  })
}
