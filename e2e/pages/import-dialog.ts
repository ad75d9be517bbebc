import type { Page } from '@playwright/test'

/** The "Import PRD" dialog: the document step and the editable preview. */
export function importDialog(page: Page) {
  const root = page.locator('.import-modal')
  const row = (index: number) => root.locator(`[data-testid="import-row"][data-index="${index}"]`)
  return {
    root,
    openFromSidebar: page.getByTestId('import-prd-new'),
    /** Importing into the open board is under the toolbar's "More". */
    openMenu: page.getByTestId('more-actions'),
    menuPrd: page.getByTestId('import-prd'),
    boardName: root.locator('input[data-testid="import-board-name"]'),
    useAssistant: root.getByTestId('import-assistant').first(),
    assistantStatus: root.locator('[data-testid="import-assistant"].ant-alert'),
    assisted: (index: number) => row(index).getByTestId('row-assisted'),
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
    foundBy: (index: number) => row(index).getByTestId('row-found'),
    inferred: (index: number) => row(index).getByTestId('row-inferred'),
    count: (name: 'found' | 'with-target' | 'need-target' | 'flagged') => root.getByTestId(`count-${name}`),
    skipped: root.getByTestId('import-skipped'),
    skippedSections: root.getByTestId('skipped-section'),
    action: (index: number) => row(index).getByTestId('row-action'),
    commit: root.getByTestId('import-commit'),
    nothingChanged: root.getByTestId('import-nothing-changed'),
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
