import type { Page } from '@playwright/test'

/** The KPI detail drawer: the fields form and the revision timeline. */
export function kpiDrawer(page: Page) {
  const root = page.locator('.kpi-drawer')
  const revision = (n: number) => root.locator(`[data-testid="revision"][data-number="${n}"]`)
  return {
    root,
    title: page.getByTestId('drawer-title'),
    freshness: root.getByTestId('freshness'),
    fieldsTab: root.getByRole('tab').nth(0),
    historyTab: root.getByRole('tab').nth(1),
    target: page.locator('#kpi-form_target'),
    owner: page.locator('#kpi-form_owner'),
    reason: page.locator('#kpi-form_reason'),
    preview: root.getByTestId('target-preview'),
    save: page.getByTestId('kpi-save'),
    addBenchmark: root.getByTestId('benchmarks-list').locator('button.ant-btn-dashed'),
    benchmarkInputs: root.getByTestId('benchmarks-list').locator('input'),
    revisions: root.getByTestId('revision'),
    revision,
    revisionCheckbox: (n: number) => revision(n).getByRole('checkbox'),
    restoreRevision: (n: number) => revision(n).locator('.ant-btn-link'),
    popconfirmOk: page.locator('.ant-popconfirm:visible .ant-btn-primary'),
    compare: page.getByTestId('compare-revisions'),
    revisionDiff: root.getByTestId('revision-diff'),
    close: root.locator('.ant-drawer-close'),
    targetLocked: root.getByTestId('target-locked'),
    rebaseline: root.getByTestId('target-rebaseline'),
    acceptedEdits: (n: number) => revision(n).getByTestId('accepted-edits'),
    leaveDialog: page.locator('.ant-modal:visible').filter({ has: page.getByTestId('leave-dialog-body') }),
    leaveSave: page.getByTestId('leave-save'),
    leaveDiscard: page.getByTestId('leave-discard'),
    leaveCancel: page.getByTestId('leave-cancel')
  }
}
