import type { Page } from '@playwright/test'

/** The export dialog: scope, the Files tab and one tab per API target. */
export function exportDialog(page: Page) {
  const root = page.locator('.export-modal')
  return {
    open: page.getByTestId('open-export'),
    root,
    tab: (name: string) => root.getByRole('tab', { name }),
    format: (value: string) => root.locator('.ant-radio-button-wrapper', { has: page.locator(`input[value="${value}"]`) }),
    download: root.getByTestId('export-download'),
    input: (target: string, name: string) => root.locator(`#export-${target}_${name}`),
    run: (target: string) => root.getByTestId(`export-panel-${target}`).getByTestId('export-run'),
    results: (target: string) => root.getByTestId(`export-panel-${target}`).getByTestId('export-result'),
    summary: (target: string) => root.getByTestId(`export-panel-${target}`).getByTestId('export-summary'),
    close: root.locator('.ant-modal-close')
  }
}
