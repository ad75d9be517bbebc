import type { Page } from '@playwright/test'
import { boardAction } from './more-menu'

/** The audit log drawer: its sentences and its filters. */
export function auditDrawer(page: Page) {
  const root = page.locator('.audit-drawer')
  const option = (text: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text })
  return {
    open: boardAction(page, 'open-audit'),
    root,
    sentences: root.getByTestId('audit-sentence'),
    sentence: (action: string) => root.locator(`[data-testid="audit-sentence"][data-action="${action}"]`),
    kpiFilter: root.getByTestId('audit-filter-kpi'),
    actorFilter: root.getByTestId('audit-filter-actor'),
    actionFilter: root.getByTestId('audit-filter-action'),
    option,
    empty: root.locator('.ant-empty, .ant-table-placeholder')
  }
}
