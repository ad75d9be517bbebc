import type { Page } from '@playwright/test'

/** The "Import PRD" dialog: the document step and the editable preview. */
export function importDialog(page: Page) {
  const root = page.locator('.import-modal')
  const row = (index: number) => root.locator(`[data-testid="import-row"][data-index="${index}"]`)
  return {
    root,
    openFromSidebar: page.getByTestId('import-prd-new'),
    openMenu: page.getByTestId('import-menu'),
    menuPrd: page.getByTestId('import-prd'),
    boardName: root.locator('input[data-testid="import-board-name"]'),
    fileInput: root.locator('input[type="file"]'),
    pasteTab: root.getByRole('tab').nth(1),
    found: root.getByTestId('import-found'),
    rows: root.getByTestId('import-row'),
    row,
    code: (index: number) => row(index).locator('input[data-testid="row-code"]'),
    target: (index: number) => row(index).locator('input[data-testid="row-target"]'),
    parsed: (index: number) => row(index).getByTestId('row-parsed'),
    warnings: (index: number) => row(index).getByTestId('row-warnings'),
    lines: (index: number) => row(index).getByTestId('row-lines'),
    action: (index: number) => row(index).getByTestId('row-action'),
    commit: root.getByTestId('import-commit'),
    error: root.getByTestId('import-error'),
    none: root.getByTestId('import-none'),
    excerpt: page.locator('.import-excerpt:visible'),
    menuTable: page.getByTestId('import-table'),
    tableFileInput: page.locator('.table-import-modal input[type="file"]'),
    tableChanged: page.getByTestId('table-changed'),
    tableUnknown: page.getByTestId('table-unknown'),
    tableCommit: page.locator('#table-commit')
  }
}
