import type { Page } from '@playwright/test'

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
    moveBoard: page.getByTestId('move-board'),
    stageMoveDialog: page.locator('.stage-move-dialog'),
    openVersions: page.getByTestId('open-versions'),
    versionsDrawer: page.locator('.versions-drawer'),
    openReview: page.getByTestId('open-review'),
    reviewDrawer: page.locator('.review-drawer'),
    openLaunch: page.getByTestId('open-launch'),
    launchDrawer: page.getByTestId('launch-drawer'),
    importMenu: page.getByTestId('import-menu'),
    importPrd: page.getByTestId('import-prd'),
    importTable: page.getByTestId('import-table'),
    openExport: page.getByTestId('open-export'),
    exportModal: page.locator('.export-modal'),
    exportTab: (index: number) => page.locator('.export-modal').getByRole('tab').nth(index),
    openAssistant: page.getByTestId('open-assistant'),
    assistantDrawer: assistant,
    assistantTab: (name: 'settings' | 'templates' | 'preview' | 'sessions') => page.getByTestId(`assistant-tab-${name}`),
    openBackups: page.getByTestId('open-backups'),
    backupsDrawer: page.locator('.backups-drawer'),
    openSources: page.getByTestId('open-sources'),
    sourcesDrawer: page.locator('.sources-drawer'),
    openAudit: page.getByTestId('open-audit'),
    auditRows: page.locator('.audit-drawer .ant-table-tbody tr.ant-table-row'),
    alertsBell: page.getByTestId('alerts-bell'),
    alertsDrawer: page.locator('.alerts-drawer'),
    addKpi: page.getByTestId('add-kpi'),
    cutVersion: page.getByTestId('cut-version'),
    createBoard: page.getByTestId('create-board'),
    pullActuals: page.getByTestId('pull-actuals'),
    pullDialog: page.locator('.pull-dialog'),
    modal
  }
}
