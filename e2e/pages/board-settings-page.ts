import type { Page } from '@playwright/test'

/** A board's settings dialog, opened from its menu in the sidebar. */
export function boardSettingsPage(page: Page) {
  const dialog = page.locator('.ant-modal:visible')
  return {
    menu: (name: string) => page.locator(`[data-testid="board-item"][data-board-name="${name}"] button.ant-btn`),
    open: page.locator('.ant-dropdown:visible').getByRole('menuitem').nth(1),
    language: dialog.getByTestId('board-language'),
    languageOption: (label: string) => page.locator(`.ant-select-item-option[title="${label}"]`),
    inferred: dialog.getByTestId('board-language-inferred'),
    save: dialog.locator('.ant-modal-footer .ant-btn-primary')
  }
}
