import type { Page } from '@playwright/test'
import { boardAction } from './more-menu'

/** The open board: toolbar, the virtual grid and the "Add KPI" dialog. */
export function boardPage(page: Page) {
  const grid = page.getByRole('grid')
  const row = (code: string) => grid.locator(`[role="row"][data-kpi-code="${code}"]`)
  return {
    title: page.getByTestId('board-title'),
    filter: page.locator('input[data-testid="kpi-filter"], [data-testid="kpi-filter"] input'),
    count: page.getByTestId('kpi-count'),
    /** "Loading N of TOTAL KPIs…" while the board streams in. */
    progress: page.getByTestId('board-progress'),
    /** What went wrong when a page of the board failed, with its Retry. */
    streamFailed: page.getByTestId('board-stream-failed'),
    streamRetry: page.getByTestId('board-stream-retry'),
    /** Where a view that counts the whole board waits for the rest of it. */
    wholeBoardWaiting: page.getByTestId('whole-board-waiting'),
    addKpi: page.getByTestId('add-kpi'),
    cutVersion: boardAction(page, 'cut-version'),
    openVersions: boardAction(page, 'open-versions'),
    openAudit: boardAction(page, 'open-audit'),
    toolbar: page.getByTestId('board-toolbar'),
    more: page.getByTestId('more-actions'),
    /** The "Filter & group" popover holds stages, owners, categories, grouping and retired KPIs. */
    filters: page.getByTestId('board-filters'),
    groupBy: page.getByTestId('group-by'),
    columnChooser: page.getByTestId('column-chooser'),
    columnToggle: (key: string) => page.getByTestId(`column-toggle-${key}`),
    columnUp: (key: string) => page.getByTestId(`column-up-${key}`),
    resetColumns: page.getByTestId('columns-reset'),
    resizeHandle: (key: string) => grid.getByTestId(`resize-${key}`),
    grid,
    loading: page.getByTestId('board-loading'),
    empty: page.locator('.board-empty'),
    headerCell: (index: number) => grid.locator(`[role="columnheader"][aria-colindex="${index}"]`),
    /** The header of a column by its key (`name`, `light` …), wherever the user put it. */
    headerFor: (key: string) => grid.locator(`[role="columnheader"][data-col="${key}"]`),
    headers: grid.locator('[role="columnheader"][data-col]'),
    bodyRows: grid.locator('.grid-body [role="row"]'),
    /** The body row shown at a position (0 = first), whatever its DOM slot. */
    rowAt: (position: number) => grid.locator(`.grid-body [role="row"][aria-rowindex="${position + 2}"]`),
    groupRows: grid.locator('.grid-body [role="row"][aria-expanded]'),
    row,
    cell: (code: string, column: string) => row(code).locator(`[role="gridcell"][data-col="${column}"]`),
    activeCell: grid.locator('[role="gridcell"][aria-selected="true"]'),
    activeRow: grid.locator('.grid-body [role="row"]:has(> [role="gridcell"][aria-selected="true"])'),
    header: grid.locator('.grid-head'),
    editor: grid.locator('.grid-cell.editing input'),
    lockNotice: page.getByTestId('lock-notice'),
    lockNoticeRebaseline: page.getByTestId('lock-notice-rebaseline'),
    targetPreview: grid.getByTestId('target-preview'),
    codeLink: (code: string) => row(code).locator('.cell-code'),
    tick: (code: string) => row(code).getByTestId('row-select'),
    selectAll: grid.getByTestId('select-all'),
    selectionCount: page.getByTestId('selection-count'),
    clearSelection: page.getByTestId('clear-selection'),
    newCode: page.locator('#add-kpi_code'),
    newName: page.locator('#add-kpi_name'),
    newTarget: page.locator('#add-kpi_target'),
    newOwner: page.locator('#add-kpi_owner'),
    auditDrawer: page.locator('.audit-drawer'),
    auditRows: page.locator('.audit-drawer .ant-table-tbody tr.ant-table-row')
  }
}
