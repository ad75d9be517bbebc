import type { Page } from '@playwright/test'

/**
 * A board action that sits in the toolbar at some widths and under "More" at others: clicking it opens the menu
 * first when the action is not in the toolbar.
 */
export function boardAction(page: Page, testId: string) {
  const item = page.getByTestId(testId)
  return {
    item,
    async click() {
      if (!(await item.isVisible())) await page.getByTestId('more-actions').click()
      await item.click()
    }
  }
}
