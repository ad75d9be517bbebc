import type { Page } from '@playwright/test'

/** The backups drawer: the folder, the schedule, "back up now" and the list with restore. */
export function backupsDrawer(page: Page) {
  const drawer = page.locator('.backups-drawer')
  const table = drawer.getByTestId('backup-table')
  const select = (testId: string) => drawer.getByTestId(testId)
  return {
    open: page.getByTestId('open-backups'),
    drawer,
    folder: drawer.getByTestId('backup-folder'),
    interval: select('backup-interval'),
    keep: select('backup-keep'),
    option: (label: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText(label, { exact: true }),
    backUpNow: drawer.getByTestId('backup-now'),
    rows: table.locator('tbody tr.ant-table-row'),
    restore: (row: number) => table.locator('tbody tr.ant-table-row').nth(row).getByTestId('backup-restore'),
    confirm: page.locator('.ant-popconfirm:visible .ant-btn-dangerous'),
    waiting: page.getByTestId('workspace-waiting'),
    readOnly: page.getByTestId('workspace-read-only')
  }
}
