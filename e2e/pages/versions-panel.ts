import type { Page } from '@playwright/test'

/** The versions drawer, the "Cut version" dialog and the restore dialog. */
export function versionsPanel(page: Page) {
  const root = page.locator('.versions-drawer')
  const item = (label: string) => root.locator(`[data-testid="version-item"][data-label="${label}"]`)
  return {
    root,
    items: root.getByTestId('version-item'),
    item,
    restore: (label: string) => item(label).locator('.ant-list-item-action button'),
    from: root.getByTestId('diff-from'),
    to: root.getByTestId('diff-to'),
    fromOption: (label: string) => page.locator(`.diff-from-popup .ant-select-item-option[title="${label}"]`),
    toOption: (label: string) => page.locator(`.diff-to-popup .ant-select-item-option[title="${label}"]`),
    compare: root.getByTestId('compare-versions'),
    diff: root.getByTestId('version-diff'),
    changed: root.getByTestId('diff-changed'),
    changedField: (field: string) => root.locator(`[data-testid="diff-changed"] tr[data-field="${field}"]`),
    cutLabel: page.locator('#cut-version_label'),
    cutNote: page.locator('#cut-version_note'),
    restoreReason: page.getByTestId('restore-reason'),
    close: root.locator('.ant-drawer-close')
  }
}
