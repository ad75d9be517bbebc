import { expect, type Page } from '@playwright/test'
import { boardAction } from './more-menu'

/** The export dialog: scope, the Files tab and one tab per API target. */
export function exportDialog(page: Page) {
  const root = page.locator('.export-modal')
  return {
    open: boardAction(page, 'open-export'),
    root,
    tab: (name: string) => root.getByRole('tab', { name }),
    /** Clicks a tab until it is the selected one: a click during the dialog's opening animation can be lost. */
    selectTab: async (name: string) => {
      const tab = root.getByRole('tab', { name })
      await expect(async () => {
        await tab.click()
        await expect(tab).toHaveAttribute('aria-selected', 'true', { timeout: 1000 })
      }).toPass()
    },
    format: (value: string) => root.locator('.ant-radio-button-wrapper', { has: page.locator(`input[value="${value}"]`) }),
    download: root.getByTestId('export-download'),
    input: (target: string, name: string) => root.locator(`#export-${target}_${name}`),
    run: (target: string) => root.getByTestId(`export-panel-${target}`).getByTestId('export-run'),
    results: (target: string) => root.getByTestId(`export-panel-${target}`).getByTestId('export-result'),
    summary: (target: string) => root.getByTestId(`export-panel-${target}`).getByTestId('export-summary'),
    close: root.locator('.ant-modal-close')
  }
}
