import { expect, type Page } from '@playwright/test'
import { actualsPage } from './actuals'
import { boardPage } from './board-page'
import { boardAction } from './more-menu'

/** The query preview and result mapping in the KPI drawer's Actuals tab, and the board's "Assign data source". */
export function queryPreviewPage(page: Page) {
  const preview = page.getByTestId('query-preview')
  const assign = page.locator('.ant-modal:visible').filter({ has: page.getByTestId('assign-source-select') })
  return {
    header: page
      .getByTestId('actuals-tab')
      .locator('.actuals-tools .ant-collapse-header')
      .filter({ hasText: /mapping|映射/ }),
    preview,
    grain: preview.getByTestId('preview-grain'),
    grainOption: (label: string) => page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`),
    date: preview.locator('[data-testid="preview-date"] input, input[data-testid="preview-date"]').first(),
    run: preview.getByTestId('preview-run'),
    summary: preview.getByTestId('preview-summary'),
    table: preview.getByTestId('result-table'),
    tableHeader: preview.locator('[data-testid="result-table"] thead th'),
    mapping: preview.getByTestId('mapping-panel'),
    mappingText: preview.getByTestId('mapping-text'),
    reasons: preview.getByTestId('mapping-reasons'),
    values: preview.locator('[data-testid="mapped-values"] tbody tr.ant-table-row'),
    saveProposal: preview.getByTestId('save-proposal'),
    changeMapping: preview.getByTestId('change-mapping'),
    editor: preview.getByTestId('mapping-editor'),
    dates: preview.getByTestId('date-findings'),
    rewrite: preview.getByTestId('date-rewrite'),
    applyRewrite: preview.getByTestId('apply-rewrite'),
    blocked: preview.getByTestId('pull-blocked'),
    assignButton: boardAction(page, 'assign-source'),
    assignDialog: assign,
    assignSelect: assign.getByTestId('assign-source-select'),
    option: (label: string) => page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`),
    assignOk: assign.locator('.ant-modal-footer .ant-btn-primary')
  }
}

/** Opens a KPI's drawer on its Actuals tab and unfolds the query preview. */
export async function openQueryPreview(page: Page, code: string) {
  const ui = actualsPage(page)
  const q = queryPreviewPage(page)
  await boardPage(page).codeLink(code).click()
  await expect(ui.drawerTitle).toBeVisible()
  await expect(async () => {
    await ui.tabButton.click()
    await expect(ui.tabButton).toHaveAttribute('aria-selected', 'true', { timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await q.header.click()
  await expect(q.run).toBeVisible()
}
