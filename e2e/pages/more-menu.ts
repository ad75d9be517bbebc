import { expect, type Page } from '@playwright/test'

/**
 * A board action that sits in the toolbar at some widths and under "More" at others. Where it is decides the
 * click, not whether it is visible at that instant: a More menu still fading out from the last action shows
 * items that are about to disappear.
 */
export function boardAction(page: Page, testId: string) {
  const item = page.getByTestId(testId)
  const inToolbar = page.getByTestId('board-toolbar').getByTestId(testId)
  const panel = page.getByTestId('more-actions-panel')
  return {
    item,
    async click() {
      if (await inToolbar.count()) return inToolbar.click()
      await expect(panel).toBeHidden()
      await page.getByTestId('more-actions').click()
      await panel.getByTestId(testId).click()
    }
  }
}
