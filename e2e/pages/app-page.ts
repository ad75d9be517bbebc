import type { Page } from '@playwright/test'

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
