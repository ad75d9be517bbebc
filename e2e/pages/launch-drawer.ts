import type { Page } from '@playwright/test'
import { boardAction } from './more-menu'

/** The launch plan drawer: the plan form, the launched KPIs' schedule and "Notify the team". */
export function launchDrawer(page: Page) {
  const drawer = page.getByTestId('launch-drawer')
  return {
    open: boardAction(page, 'open-launch'),
    drawer,
    none: drawer.getByTestId('launch-none'),
    date: drawer.locator('[data-testid="launch-date"] input, input[data-testid="launch-date"]'),
    cadence: drawer.getByTestId('launch-cadence'),
    owner: drawer.getByTestId('launch-owner'),
    notify: drawer.locator('[data-testid="launch-notify"] input'),
    option: (label: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }),
    save: drawer.getByTestId('launch-save'),
    rule: drawer.getByTestId('launch-rule'),
    scheduleRows: drawer.locator('[data-testid="launch-schedule"] .ant-table-tbody tr.ant-table-row'),
    scheduleHeader: drawer.locator('[data-testid="launch-schedule"] .ant-table-thead th'),
    notifyTeam: drawer.getByTestId('launch-notify-team'),
    /** The rule in a launched KPI's own drawer. */
    kpiNote: page.locator('.kpi-drawer').getByTestId('launch-note')
  }
}
