import type { Page } from '@playwright/test'
import type { Runtime } from '../../electron/api/dispatch/runtime'
import type { ImportCommitResult, ImportPreview } from '../../electron/domain/views'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { importDialog } from '../pages/import-dialog'

const PRD = `# 客服助手 PRD

## 成功指标

#### KPI-S001: 工单首次响应时长
**目标**: P95 ≤ 40分钟
**数据源**: 工单系统日志
**负责人**: 客服经理

## 指标看板

| 指标 | 目标值 | 当前值 | 阶段 |
|------|--------|--------|------|
| AI 推荐采纳率 | ≥ 60% | 52% | 初稿 |
`

/** Imports PRD into a new board through the dispatcher, as the first import would have. */
async function importedBoard(runtime: Runtime): Promise<number> {
  const call = async <T>(name: string, input: unknown) => {
    const answer = await runtime.dispatch(name, input, { actor: 'e2e', signal: new AbortController().signal, emit: () => {} })
    if (!answer.ok) throw new Error(answer.error.message)
    return answer.data as T
  }
  const found = await call<ImportPreview>('import.prd.preview', { fileName: 'prd.md', content: { text: PRD } })
  const items = found.candidates.map((c) => ({ fields: c.fields, currentValue: c.currentValue, lines: c.lines, passage: c.passage }))
  return (await call<ImportCommitResult>('import.prd.commit', { boardName: '客服助手', fileName: 'prd.md', items })).boardId
}

async function reimport(page: Page) {
  const dialog = importDialog(page)
  await expect(appPage(page).ready).toBeAttached()
  await dialog.openMenu.click()
  await dialog.menuPrd.click()
  await dialog.fileInput.setInputFiles({ name: 'prd.md', mimeType: 'text/markdown', buffer: Buffer.from(PRD, 'utf8') })
  await expect(dialog.rows).toHaveCount(2)
  return dialog
}

test('re-importing an unchanged PRD into its board says nothing changed and offers no import', async ({ page, server, core, runtime }) => {
  const boardId = await importedBoard(runtime)
  await page.goto(server.url)
  const dialog = await reimport(page)
  await expect(dialog.nothingChanged).toContainText('没有变化')
  await expect(dialog.commit).toHaveCount(0)

  // Editing a row makes it a change again: the import is offered.
  await dialog.code(0).fill('KPI-S009')
  await expect(dialog.nothingChanged).toHaveCount(0)
  await expect(dialog.commit).toBeVisible()
  expect(core.versions.list(boardId).map((v) => v.label)).toEqual(['v0.1'])
})

test.describe('in English', () => {
  test.use({ systemLocale: 'en' })

  test('the dialog says nothing changed in English', async ({ page, server, runtime }) => {
    await importedBoard(runtime)
    await page.goto(server.url)
    const dialog = await reimport(page)
    await expect(dialog.nothingChanged).toContainText('Nothing changed: every KPI of this document is already on the board as written.')
    await expect(dialog.commit).toHaveCount(0)
  })
})
