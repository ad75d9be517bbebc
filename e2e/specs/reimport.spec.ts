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

test('re-importing an unchanged PRD into its board says nothing changed and offers no import', async ({ page, server, core, runtime }) => {
  const call = async <T>(name: string, input: unknown) => {
    const answer = await runtime.dispatch(name, input, { actor: 'e2e', signal: new AbortController().signal, emit: () => {} })
    if (!answer.ok) throw new Error(answer.error.message)
    return answer.data as T
  }
  const found = await call<ImportPreview>('import.prd.preview', { fileName: 'prd.md', content: { text: PRD } })
  const items = found.candidates.map((c) => ({ fields: c.fields, currentValue: c.currentValue, lines: c.lines, passage: c.passage }))
  const first = await call<ImportCommitResult>('import.prd.commit', { boardName: '客服助手', fileName: 'prd.md', items })

  const app = appPage(page)
  const dialog = importDialog(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await dialog.openMenu.click()
  await dialog.menuPrd.click()
  await dialog.fileInput.setInputFiles({ name: 'prd.md', mimeType: 'text/markdown', buffer: Buffer.from(PRD, 'utf8') })
  await expect(dialog.rows).toHaveCount(2)
  await expect(dialog.nothingChanged).toContainText('没有变化')
  await expect(dialog.commit).toHaveCount(0)

  // Editing a row makes it a change again: the import is offered.
  await dialog.code(0).fill('KPI-S009')
  await expect(dialog.nothingChanged).toHaveCount(0)
  await expect(dialog.commit).toBeVisible()
  expect(core.versions.list(first.boardId).map((v) => v.label)).toEqual(['v0.1'])
})
