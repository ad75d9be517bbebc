import { mkdirSync } from 'node:fs'
import { expect, test } from '../fixtures'
import { appPage, closeWithEscape } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { kpiDrawer } from '../pages/kpi-drawer'
import { reviewPanel } from '../pages/review-panel'
import { seedSupportBoard } from '../seed'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'

const TEXT = {
  'zh-CN': { ask: '保存修改？', locked: '上线后已锁定', rebaseline: '重新定基', changed: '修改后采纳', proposedWas: '目标值：建议 ≥ 70%，采纳 ≥ 68%' },
  en: {
    ask: 'Save your changes?',
    locked: 'Locked since launch',
    rebaseline: 'Re-baseline',
    changed: 'accepted with changes',
    proposedWas: 'Target: proposed ≥ 70%, accepted ≥ 68%'
  }
} as const

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`no lost edits in ${locale}`, () => {
    test.use({ systemLocale: locale })
    const text = TEXT[locale]

    test(`the KPI drawer asks before discarding typed input (${locale})`, async ({ page, server, core }) => {
      mkdirSync(SHOTS, { recursive: true })
      seedSupportBoard(core)
      const app = appPage(page)
      const board = boardPage(page)
      const drawer = kpiDrawer(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()

      // Nothing typed: Escape closes at once.
      await board.codeLink('KPI-S004').click()
      await expect(drawer.owner).toBeVisible()
      await closeWithEscape(page)
      await expect(drawer.leaveDialog).toHaveCount(0)

      // Typed, then Escape: asked; Cancel keeps the drawer and the typed value.
      await board.codeLink('KPI-S002').click()
      await drawer.owner.fill('Li Lei')
      await page.keyboard.press('Escape')
      await expect(drawer.leaveDialog).toContainText(text.ask)
      await page.screenshot({ path: `${SHOTS}/unsaved-dialog-${locale}.png` })
      await drawer.leaveCancel.click()
      await expect(drawer.leaveDialog).toHaveCount(0)
      await expect(drawer.owner).toHaveValue('Li Lei')

      // A click on the board outside the drawer asks too; Discard closes and the KPI keeps its owner.
      await board.codeLink('KPI-S001').click({ force: true })
      await expect(drawer.leaveDialog).toBeVisible()
      await drawer.leaveDiscard.click()
      await expect(drawer.root).toBeHidden()
      await expect(board.cell('KPI-S002', 'owner')).not.toContainText('Li Lei')

      // Save runs the drawer's own save and then closes (X).
      await board.codeLink('KPI-S002').click()
      await drawer.owner.fill('Han Meimei')
      await drawer.close.click()
      await drawer.leaveSave.click()
      await expect(drawer.root).toBeHidden()
      await expect(board.cell('KPI-S002', 'owner')).toHaveText('Han Meimei')
    })

    test(`a target locked after launch is read-only in the grid and the drawer, with the reason and the re-baseline (${locale})`, async ({
      page,
      server,
      core
    }) => {
      mkdirSync(SHOTS, { recursive: true })
      seedSupportBoard(core)
      const app = appPage(page)
      const board = boardPage(page)
      const drawer = kpiDrawer(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()

      const cell = board.cell('KPI-S003', 'target')
      await expect(cell).toHaveAttribute('data-locked', 'true')
      await expect(cell).toHaveAttribute('title', new RegExp(text.locked))
      await cell.click()
      await page.keyboard.press('Enter')
      await expect(board.editor).toHaveCount(0)
      await expect(board.lockNotice).toContainText(text.locked)
      await page.keyboard.type('9')
      await expect(board.editor).toHaveCount(0)
      await cell.dblclick()
      await expect(board.editor).toHaveCount(0)
      await expect(cell).toContainText('≥ 95%')
      await page.screenshot({ path: `${SHOTS}/locked-cell-${locale}.png` })

      // The notice's re-baseline action opens the drawer, where the field is disabled with the reason.
      await board.lockNoticeRebaseline.click()
      await expect(drawer.target).toBeDisabled()
      await expect(drawer.targetLocked).toContainText(text.locked)
      await expect(drawer.rebaseline).toContainText(text.rebaseline)
      await page.screenshot({ path: `${SHOTS}/locked-drawer-${locale}.png` })
      await drawer.rebaseline.click()
      await drawer.target.fill('≥ 96%')
      await drawer.reason.fill('Q3 stable at 97%')
      await drawer.save.click()
      await expect(cell).toContainText('≥ 96%')
      await drawer.historyTab.click()
      await expect(drawer.revision(2)).toHaveAttribute('data-kind', 'rebaseline')
    })

    test(`a proposal accepted with an edited value records that value and says it was edited (${locale})`, async ({ page, server, core }) => {
      mkdirSync(SHOTS, { recursive: true })
      const board = seedSupportBoard(core)
      core.proposals.store(board.id, 'draft', 'assistant', [
        { kind: 'patch', code: 'KPI-S002', rationale: 'Raise the bar', patches: [{ field: 'target', value: '≥ 70%', rationale: 'trial reached 72%' }] }
      ])
      const app = appPage(page)
      const grid = boardPage(page)
      const drawer = kpiDrawer(page)
      const review = reviewPanel(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()

      await review.open.click()
      await review.proposal('KPI-S002').getByTestId('proposed-input').fill('≥ 68%')
      await review.acceptAll('KPI-S002').click()
      await expect(review.proposal('KPI-S002')).toHaveCount(0)
      await review.filter.getByText(locale === 'en' ? 'Accepted' : '已采纳', { exact: true }).click()
      await expect(review.proposal('KPI-S002').getByTestId('accepted-with-changes')).toHaveText(text.changed)
      await expect(review.proposal('KPI-S002').getByTestId('accepted-edits')).toContainText(text.proposedWas)
      await page.screenshot({ path: `${SHOTS}/accepted-with-changes-${locale}.png` })
      await review.close.click()

      await expect(grid.cell('KPI-S002', 'target')).toContainText('≥ 68%')
      await grid.codeLink('KPI-S002').click()
      await drawer.historyTab.click()
      const head = drawer.revisions.first()
      await expect(head.getByTestId('accepted-with-changes')).toHaveText(text.changed)
      await expect(head.getByTestId('accepted-edits')).toContainText(text.proposedWas)
      await page.screenshot({ path: `${SHOTS}/history-accepted-with-changes-${locale}.png` })
    })
  })
}
