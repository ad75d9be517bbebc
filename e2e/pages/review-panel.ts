import type { Page } from '@playwright/test'
import { boardAction } from './more-menu'

/** The review panel, the stage-move dialog, the kanban and the overview (locators only). */
export function reviewPanel(page: Page) {
  const root = page.locator('.review-drawer')
  const proposal = (code: string) => root.locator('[data-testid="proposal"]').filter({ has: page.locator('.ant-card-head', { hasText: code }) })
  const move = page.locator('.stage-move-dialog')
  return {
    open: boardAction(page, 'open-review'),
    root,
    stageSelect: root.getByTestId('review-stage'),
    analyzer: root.locator('label:has([data-testid="engine-analyzer"])'),
    assistant: root.locator('label:has([data-testid="engine-llm"])'),
    start: root.getByTestId('review-start'),
    cancel: root.getByTestId('review-cancel'),
    stream: root.getByTestId('review-stream'),
    notes: root.getByTestId('review-note'),
    result: root.getByTestId('review-result'),
    proposals: root.getByTestId('proposal'),
    proposal,
    status: (code: string) => proposal(code).getByTestId('proposal-status'),
    fieldCheck: (code: string, field: string) => proposal(code).locator(`tr[data-field="${field}"]`).getByRole('checkbox'),
    fieldRows: (code: string) => proposal(code).locator('[data-testid="proposal-diff"] tbody tr'),
    acceptSelected: (code: string) => proposal(code).getByTestId('accept-selected'),
    acceptAll: (code: string) => proposal(code).getByTestId('accept-all'),
    filter: root.getByTestId('proposal-filter'),
    close: root.locator('.ant-drawer-close'),
    moveStage: page.getByTestId('move-stage'),
    moveBoard: boardAction(page, 'move-board'),
    moveDialog: move,
    gateItems: move.getByTestId('gate-item'),
    unmetItems: move.locator('[data-testid="gate-item"][data-ok="false"]'),
    moveReason: move.getByTestId('move-reason'),
    moveSubmit: page.locator('#move-submit'),
    viewSwitch: page.getByTestId('board-view'),
    kanban: page.getByTestId('kanban'),
    kanbanColumn: (stage: string) => page.locator(`[data-testid="kanban-column"][data-stage="${stage}"]`),
    overview: page.getByTestId('overview'),
    latestProposal: (code: string) => page.locator(`[role="row"][data-kpi-code="${code}"] [data-testid="latest-proposal"]`),
    light: (code: string) => page.locator(`[role="row"][data-kpi-code="${code}"] [data-testid="status-light"]`)
  }
}
