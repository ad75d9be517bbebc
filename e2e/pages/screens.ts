import type { Page } from '@playwright/test'
import { boardAction } from './more-menu'

/** Every screen of the app a language walk opens: the buttons that open them and what shows each is open. */
export function screens(page: Page) {
  const kpiDrawer = page.locator('.kpi-drawer')
  const modal = page.locator('.ant-modal-wrap:visible .ant-modal')
  const assistant = page.locator('.assistant-drawer')
  return {
    grid: page.getByRole('grid'),
    view: (index: number) => page.getByTestId('board-view').locator('.ant-segmented-item').nth(index),
    kanban: page.getByTestId('kanban'),
    overview: page.getByTestId('overview'),
    codeLink: (code: string) => page.locator(`[role="row"][data-kpi-code="${code}"] .cell-code`),
    kpiDrawer,
    kpiTab: (index: number) => kpiDrawer.getByRole('tab').nth(index),
    actualsTab: page.getByTestId('actuals-tab'),
    actualsTool: (index: number) => page.getByTestId('actuals-tab').locator('.ant-collapse-header').nth(index),
    moveStage: page.getByTestId('move-stage'),
    moveBoard: boardAction(page, 'move-board'),
    stageMoveDialog: page.locator('.stage-move-dialog'),
    openVersions: boardAction(page, 'open-versions'),
    versionsDrawer: page.locator('.versions-drawer'),
    openReview: boardAction(page, 'open-review'),
    reviewDrawer: page.locator('.review-drawer'),
    openLaunch: boardAction(page, 'open-launch'),
    launchDrawer: page.getByTestId('launch-drawer'),
    importPrd: boardAction(page, 'import-prd'),
    importTable: boardAction(page, 'import-table'),
    openExport: boardAction(page, 'open-export'),
    exportModal: page.locator('.export-modal'),
    exportTab: (index: number) => page.locator('.export-modal').getByRole('tab').nth(index),
    openAssistant: page.getByTestId('open-assistant'),
    assistantDrawer: assistant,
    assistantTab: (name: 'settings' | 'templates' | 'preview' | 'sessions') => page.getByTestId(`assistant-tab-${name}`),
    openBackups: page.getByTestId('open-backups'),
    backupsDrawer: page.locator('.backups-drawer'),
    openSources: page.getByTestId('open-sources'),
    sourcesDrawer: page.locator('.sources-drawer'),
    openAudit: boardAction(page, 'open-audit'),
    auditRows: page.locator('.audit-drawer .ant-table-tbody tr.ant-table-row'),
    alertsBell: page.getByTestId('alerts-bell'),
    alertsDrawer: page.locator('.alerts-drawer'),
    addKpi: page.getByTestId('add-kpi'),
    cutVersion: boardAction(page, 'cut-version'),
    createBoard: page.getByTestId('create-board'),
    pullActuals: page.getByTestId('pull-actuals'),
    pullDialog: page.locator('.pull-dialog'),
    modal
  }
}
