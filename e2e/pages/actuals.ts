import { expect, type Page } from '@playwright/test'

/** The Actuals tab of the KPI drawer, the pull dialog, the alerts bell and the data sources drawer. */
export function actualsPage(page: Page) {
  const tab = page.getByTestId('actuals-tab')
  const pullDialog = page.locator('.pull-dialog')
  const sources = page.locator('.sources-drawer')
  const sourceForm = page.locator('.ant-modal:visible').filter({ has: page.locator('#source-form_name') })
  const source = (name: string) => page.locator(`[data-testid="source-card"][data-source-name="${name}"]`)
  return {
    drawerTitle: page.getByTestId('drawer-title'),
    tabButton: page.locator('.kpi-drawer').getByRole('tab', { name: /Actuals|实际值/ }),
    tab,
    chart: tab.getByTestId('kpi-chart'),
    /** The drawn series: data-total, data-points, data-exact, data-in-range, data-from, data-to. */
    series: tab.getByTestId('actuals-series'),
    chartCanvas: tab.locator('[data-testid="kpi-chart"] canvas'),
    valuesCount: tab.getByTestId('values-count'),
    valueRows: tab.locator('[data-testid="values-table"] tr[data-period]'),
    valueRow: (period: string) => tab.locator(`[data-testid="values-table"] tr[data-period="${period}"]`),
    pull: tab.getByTestId('drawer-pull'),
    toolbarPull: page.getByTestId('pull-actuals'),
    pullDialog,
    backfill: pullDialog.getByTestId('pull-backfill'),
    rangeStart: pullDialog.locator('.ant-picker-range input').first(),
    rangeEnd: pullDialog.locator('.ant-picker-range input').last(),
    pullStart: pullDialog.getByTestId('pull-start'),
    pullCancel: pullDialog.getByTestId('pull-cancel'),
    progress: pullDialog.getByTestId('pull-progress'),
    results: pullDialog.getByTestId('pull-results'),
    result: (code: string) => pullDialog.locator(`[data-testid="pull-results"] tr[data-code="${code}"]`),
    pullClose: pullDialog.locator('.ant-modal-footer .ant-btn').first(),
    toolHeader: (name: RegExp) => tab.locator('.actuals-tools .ant-collapse-header').filter({ hasText: name }),
    manualMonth: tab.locator('[data-testid="manual-entry"] .ant-picker input'),
    manualValue: page.locator('#actual-entry_value'),
    manualNote: page.locator('#actual-entry_note'),
    manualSave: tab.getByTestId('manual-save'),
    csvInput: tab.locator('[data-testid="csv-upload"] input[type="file"]'),
    csvError: tab.getByTestId('csv-error'),
    csvResult: tab.getByTestId('csv-result'),
    openSources: page.getByTestId('open-sources'),
    sources,
    addSource: sources.getByTestId('add-source'),
    sourceForm,
    sourceName: page.locator('#source-form_name'),
    sourceKind: page.locator('#source-form_kind'),
    kindOption: (label: string) => page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`),
    sourceUrl: page.locator('#source-form_url'),
    sourceRealtime: page.locator('#source-form_realtimeMinutes'),
    sourceSave: sourceForm.locator('.ant-modal-footer .ant-btn-primary'),
    source,
    sourceTest: (name: string) => source(name).getByTestId('source-test'),
    sourceTestResult: (name: string) => source(name).getByTestId('source-test-result'),
    sourceWriteWarning: (name: string) => source(name).getByTestId('source-write-warning'),
    sourceProtection: (name: string) => source(name).getByTestId('source-protection'),
    sourceTables: (name: string) => source(name).getByTestId('source-tables'),
    sourceTree: (name: string) => source(name).getByTestId('source-table-tree'),
    bell: page.getByTestId('alerts-bell')
  }
}

/** The drawer slides in; a tab click during the slide can be lost, so click until the tab shows. */
export async function openActualsTab(page: Page) {
  const ui = actualsPage(page)
  await expect(ui.drawerTitle).toBeVisible()
  await expect(async () => {
    await ui.tabButton.click()
    await expect(ui.tabButton).toHaveAttribute('aria-selected', 'true', { timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
}
