import type { Page } from '@playwright/test'

/** The health of a KPI: its light and value on the board, and the health panel and judging fields in the drawer. */
export function healthPage(page: Page) {
  const row = (code: string) => page.locator(`[role="row"][data-kpi-code="${code}"]`)
  const drawer = page.locator('.kpi-drawer')
  return {
    light: (code: string) => row(code).getByTestId('status-light'),
    value: (code: string) => row(code).getByTestId('current-value'),
    panel: drawer.getByTestId('kpi-health'),
    projection: drawer.getByTestId('kpi-health-projection'),
    decision: drawer.getByTestId('kpi-health-decision'),
    targetPeriod: drawer.getByTestId('kpi-target-period'),
    aggregation: drawer.getByTestId('kpi-aggregation')
  }
}
