import { expect, type Page } from '@playwright/test'

/** The window chrome: readiness, language switch, the boards sidebar and the shared dialogs. */
export function appPage(page: Page) {
  const dialog = page.locator('.ant-modal:visible')
  return {
    ready: page.locator('body[data-app-state="ready"]'),
    contentSecurityPolicy: page.locator('meta[http-equiv="Content-Security-Policy"]'),
    html: page.locator('html'),
    languageSwitch: page.getByTestId('language-switch'),
    english: page.getByTestId('language-switch').getByText('English'),
    chinese: page.getByTestId('language-switch').getByText('中文'),
    sidebarHeading: page.locator('.board-list-head'),
    createBoard: page.getByTestId('create-board'),
    boards: page.getByTestId('board-item'),
    board: (name: string) => page.locator(`[data-testid="board-item"][data-board-name="${name}"]`),
    boardNameInput: page.locator('#create-board_name'),
    boardDescriptionInput: page.locator('#create-board_description'),
    renameInput: page.locator('#rename-board_name'),
    dialog,
    dialogOk: dialog.locator('.ant-modal-footer .ant-btn-primary'),
    dialogCancel: dialog.locator('.ant-modal-footer .ant-btn').first(),
    apiError: page.getByTestId('api-error'),
    apiErrorDismiss: page.getByTestId('api-error-dismiss'),
    successMessage: page.locator('.ant-message-success')
  }
}

/**
 * Closes the topmost drawer or dialog with Escape, as a user would. On a busy machine a press that lands while the
 * overlay is still opening is lost, so it is pressed again until one overlay fewer is open (never more than one).
 */
export async function closeWithEscape(page: Page): Promise<void> {
  const open = page.locator('.ant-drawer-open, .ant-modal-wrap:visible')
  const before = await open.count()
  await expect(async () => {
    await page.keyboard.press('Escape')
    await expect(open).toHaveCount(Math.max(0, before - 1), { timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
}
