import { CSP_META } from '../../electron/domain/content-security-policy'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { kpiDrawer } from '../pages/kpi-drawer'
import { versionsPanel } from '../pages/versions-panel'

test('a board keeps every target change, cuts versions, diffs them and restores one', async ({ page, server }) => {
  const app = appPage(page)
  const board = boardPage(page)
  const drawer = kpiDrawer(page)
  const versions = versionsPanel(page)

  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await expect(page).not.toHaveURL(/token=/)
  // The page carries its own CSP, also where no header is sent; the session survives a reload.
  await expect(app.contentSecurityPolicy).toHaveAttribute('content', CSP_META)
  await page.reload()
  await expect(app.ready).toBeAttached()

  await app.createBoard.click()
  await app.boardNameInput.fill('增长看板')
  await app.dialogOk.click()
  await expect(board.title).toHaveText('增长看板')

  await board.addKpi.click()
  await board.newCode.fill('KPI-U001')
  await board.newName.fill('周活跃用户占比')
  await board.newTarget.fill('≥ 60%')
  await app.dialogOk.click()
  await expect(board.cell('KPI-U001', 'target')).toContainText('≥ 60%')

  // First edit: Enter opens the editor, the live preview shows the parse, Enter saves.
  await board.cell('KPI-U001', 'target').click()
  await page.keyboard.press('Enter')
  await board.editor.fill('≥ 65%')
  await expect(board.targetPreview).toContainText('≥ 65%')
  await page.keyboard.press('Enter')
  await expect(board.cell('KPI-U001', 'target')).toContainText('≥ 65%')

  // Second edit: typing on the active cell starts the editor with that character.
  await board.cell('KPI-U001', 'target').click()
  await page.keyboard.type('>= 70%')
  await page.keyboard.press('Enter')
  await expect(board.cell('KPI-U001', 'target')).toContainText('>= 70%')

  await board.codeLink('KPI-U001').click()
  await drawer.historyTab.click()
  await expect(drawer.revisions).toHaveCount(3)
  await drawer.revisionCheckbox(1).check()
  await drawer.revisionCheckbox(3).check()
  await drawer.compare.click()
  await expect(drawer.revisionDiff.locator('tr[data-field="target"]')).toContainText('≥ 60%')
  await expect(drawer.revisionDiff.locator('tr[data-field="target"]')).toContainText('>= 70%')
  await drawer.close.click()

  await board.cutVersion.click()
  await expect(versions.cutLabel).toHaveValue('v0.1')
  await app.dialogOk.click()
  await expect(app.board('增长看板')).toContainText('v0.1')

  await board.cell('KPI-U001', 'target').click()
  await page.keyboard.press('Enter')
  await board.editor.fill('≥ 75%')
  await page.keyboard.press('Enter')
  await expect(board.cell('KPI-U001', 'target')).toContainText('≥ 75%')

  await board.cutVersion.click()
  await expect(versions.cutLabel).toHaveValue('v0.2')
  await versions.cutNote.fill('目标上调到 75%')
  await app.dialogOk.click()
  await expect(app.board('增长看板')).toContainText('v0.2')

  await board.openVersions.click()
  await expect(versions.items).toHaveCount(2)
  await versions.from.click()
  await versions.fromOption('v0.1').click()
  await versions.to.click()
  await versions.toOption('v0.2').click()
  await versions.compare.click()
  await expect(versions.changed).toHaveCount(1)
  await expect(versions.changed).toContainText('KPI-U001')
  await expect(versions.changedField('target')).toContainText('>= 70%')
  await expect(versions.changedField('target')).toContainText('≥ 75%')

  await versions.restore('v0.1').click()
  await versions.restoreReason.fill('回到 v0.1 的目标')
  await app.dialogOk.click()
  await expect(versions.restoreReason).toBeHidden()
  await versions.close.click()
  await expect(board.cell('KPI-U001', 'target')).toContainText('>= 70%')

  await board.codeLink('KPI-U001').click()
  await drawer.historyTab.click()
  await expect(drawer.revisions).toHaveCount(5)
  await expect(drawer.revision(5)).toHaveAttribute('data-kind', 'restore')
  await expect(drawer.revision(5)).toContainText('回到 v0.1 的目标')
})
