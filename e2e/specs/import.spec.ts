import { mkdirSync } from 'node:fs'
import Papa from 'papaparse'
import { startFakeChatServer } from '../../electron/services/assistant/testing/fake-chat-server'
import { createExportService } from '../../electron/services/export/export-service'
import { buildDocx } from '../../electron/services/prd-import/fixtures/build-docx'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { importDialog } from '../pages/import-dialog'
import { seedSupportBoard } from '../seed'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'

// Three structured KPI blocks (the third target has no number the parser could use), two bare levels whose
// comparator is read from the metric, and acceptance criteria that are not KPIs.
const PRD = `# 智能客服助手 PRD

## 2. 成功指标

### KPI-C001: 首次响应时间
- **目标**: P95 ≤ 30秒
- **衡量定义**: 用户发起会话到首次收到回复的时间
- **数据源**: 客服会话日志
- **监控频率**: 每日
- **负责人**: 李雷

### KPI-C002: 问题解决率
- **目标**: ≥ 85%
- **衡量定义**: 无需转人工即解决的会话占比
- **数据源**: 工单系统
- **监控频率**: 每周
- **负责人**: 韩梅梅

### KPI-C003: 用户满意度
- **目标**: 明显好于竞品
- **衡量定义**: 会话结束后的评分
- **数据源**: 满意度问卷
- **监控频率**: 每月
- **负责人**: 王芳

## 3. 辅助指标

- 用户投诉率：1%
- 知识库覆盖率 90%

## 4. 验收标准

- 压测 200 并发时接口 P95 小于 800ms
`

test('a PRD imports through the preview, with one target fixed, into a new board at v0.1', async ({ page, server, core }) => {
  mkdirSync(SHOTS, { recursive: true })
  const app = appPage(page)
  const board = boardPage(page)
  const dialog = importDialog(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  await dialog.openFromSidebar.click()
  await dialog.boardName.fill('智能客服助手')
  await dialog.fileInput.setInputFiles({ name: '客服助手PRD.md', mimeType: 'text/markdown', buffer: Buffer.from(PRD, 'utf8') })
  await expect(dialog.rows).toHaveCount(5)
  await expect(dialog.found).toContainText('5')
  await expect(dialog.count('found')).toContainText('5')
  await expect(dialog.count('with-target')).toContainText('4')
  await expect(dialog.count('need-target')).toContainText('1')
  await expect(dialog.count('flagged')).toContainText('1')
  await expect(dialog.code(0)).toHaveValue('KPI-C001')
  await expect(dialog.parsed(0)).toHaveAttribute('data-state', 'ok')
  await expect(dialog.parsed(0)).toContainText('P95 ≤ 30 s')
  await expect(dialog.parsed(2)).toHaveAttribute('data-state', 'unparsed')
  await expect(dialog.warnings(2)).toContainText('目标无法解析')
  await expect(dialog.action(0)).toHaveAttribute('data-action', 'create')
  await expect(dialog.foundBy(0)).toHaveText('文档')

  // A bare level reads for its metric: a complaint rate at most, a coverage at least; both marked as inferred.
  await expect(dialog.target(3)).toHaveValue('1%')
  await expect(dialog.inferred(3)).toHaveText('推断为 ≤')
  await expect(dialog.inferred(4)).toHaveText('推断为 ≥')
  await expect(dialog.inferred(0)).toHaveCount(0)

  // What was left out, by section and why.
  await dialog.skipped.getByText('未导入的章节（1）').click()
  await expect(dialog.skippedSections).toHaveCount(1)
  await expect(dialog.skippedSections.first()).toContainText('§ 4. 验收标准')
  await expect(dialog.skippedSections.first()).toContainText('验收标准')
  await expect(dialog.skippedSections.first()).toHaveAttribute('data-reason', 'acceptance')

  // A click on the source lines shows the document's own words for the KPI.
  await dialog.lines(2).click()
  await expect(dialog.excerpt).toContainText('### KPI-C003: 用户满意度')
  await expect(dialog.excerpt).toContainText('明显好于竞品')
  await page.screenshot({ path: `${SHOTS}/import-preview-zh-CN.png` })
  await dialog.lines(2).click()

  await dialog.target(2).fill('≥ 4.5/5')
  await expect(dialog.parsed(2)).toHaveAttribute('data-state', 'ok')
  await expect(dialog.parsed(2)).toContainText('≥ 4.5/5')
  await expect(dialog.warnings(2)).not.toContainText('目标无法解析')
  await expect(dialog.count('need-target')).toContainText('0')

  await dialog.commit.click()
  await expect(app.successMessage).toContainText('v0.1')
  await expect(dialog.root).toBeHidden()
  await expect(board.title).toHaveText('智能客服助手')
  await expect(app.board('智能客服助手')).toContainText('v0.1')
  await expect(board.cell('KPI-C003', 'target')).toContainText('≥ 4.5/5')
  await expect(board.cell('KPI-C003', 'target').getByTestId('target-unparsed')).toHaveCount(0)
  await expect(board.cell('KPI-C001', 'target')).toContainText('P95 ≤ 30秒')

  const [created] = core.boards.list()
  const kpis = core.kpis.list(created!.id)
  expect(kpis.map((k) => k.code).sort()).toEqual(['KPI-001', 'KPI-002', 'KPI-C001', 'KPI-C002', 'KPI-C003'])
  expect(kpis.find((k) => k.name === '用户投诉率')?.target?.parsed).toMatchObject({ comparator: '<=', value: 1, comparatorInferred: true })
  expect(core.passages.latest(created!.id).get(kpis.find((k) => k.code === 'KPI-C002')!.id)?.text).toContain('无需转人工即解决的会话占比')
  expect(kpis.find((k) => k.code === 'KPI-C003')?.target?.parsed).toMatchObject({ comparator: '>=', value: 4.5, scale: 5 })
  expect(core.versions.list(created!.id).map((v) => v.label)).toEqual(['v0.1'])
})

test('a picture renamed .md is refused with a translated message and nothing is written', async ({ page, server, core }) => {
  const app = appPage(page)
  const dialog = importDialog(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a50000000049454e44ae426082',
    'hex'
  )
  await dialog.openFromSidebar.click()
  await dialog.boardName.fill('不该出现的看板')
  await dialog.fileInput.setInputFiles({ name: '需求文档.md', mimeType: 'text/markdown', buffer: png })
  await expect(dialog.error).toHaveAttribute('data-code', 'IMPORT_BINARY')
  await expect(dialog.error).toContainText('该文件不是文本文档。')
  await expect(dialog.rows).toHaveCount(0)
  await expect(dialog.commit).toHaveCount(0)
  expect(core.boards.list()).toHaveLength(0)
  await expect(app.boards).toHaveCount(0)
})

test.describe('in English', () => {
  test.use({ systemLocale: 'en' })

  test('the preview of an import into an existing board shows updates as diffs', async ({ page, server, core }) => {
    mkdirSync(SHOTS, { recursive: true })
    const existing = core.boards.create('Support assistant', '', 'e2e')
    core.kpis.add(existing.id, { code: 'KPI-C002', name: '问题解决率', target: '≥ 80%', owner: '韩梅梅' }, { actor: 'e2e' })
    const app = appPage(page)
    const dialog = importDialog(page)
    await page.goto(server.url)
    await expect(app.ready).toBeAttached()
    await dialog.openMenu.click()
    await dialog.menuPrd.click()
    await dialog.fileInput.setInputFiles({ name: 'support-prd.md', mimeType: 'text/markdown', buffer: Buffer.from(PRD, 'utf8') })
    await expect(dialog.rows).toHaveCount(5)
    await expect(dialog.action(1)).toHaveAttribute('data-action', 'update')
    await expect(dialog.action(0)).toHaveAttribute('data-action', 'create')
    await expect(dialog.warnings(2)).toContainText('target not understood')
    await dialog.action(1).hover()
    await expect(page.getByTestId('field-changes').locator('tr[data-field="target"]')).toContainText('≥ 85%')
    await page.screenshot({ path: `${SHOTS}/import-preview-en.png` })
    await dialog.commit.click()
    await expect(app.successMessage).toContainText('Created 4, updated 1')
    expect(core.kpis.list(existing.id).find((k) => k.code === 'KPI-C002')?.target?.text).toBe('≥ 85%')
  })

  test('a Word PRD read with the assistant says who found each KPI and shows its passage', async ({ page, server, core, runtime }) => {
    const chat = await startFakeChatServer()
    try {
      const set = await runtime.dispatch(
        'llm.settings.set',
        { provider: 'custom', baseURL: chat.url, model: 'gpt-4.1-mini', apiKey: 'sk-e2e-import-4b2a', structuredOutput: 'json_schema', maxRetries: 0 },
        { actor: 'e2e', signal: new AbortController().signal, emit: () => {} }
      )
      expect(set.ok).toBe(true)
      const blank = { code: '', name: '', description: '', target: '', unit: '', formula: '', dataSource: '', frequency: '', owner: '', sourceQuote: '' }
      chat.enqueue({
        json: {
          kpis: [
            { ...blank, name: 'Escalation wait', owner: 'Support lead', target: '≤ 2 min' },
            { ...blank, name: 'Weekend first reply time', target: '≤ 1 hour', sourceQuote: 'we also want weekend tickets answered within an hour' }
          ]
        }
      })
      const docx = buildDocx([
        { heading: 1, text: 'Support bot v2' },
        { heading: 2, text: 'Goals' },
        { bullet: 'Containment rate: at least 45%' },
        { bullet: 'Escalation wait: no more than 2 minutes' },
        { heading: 2, text: 'Background' },
        { paragraph: 'Agents answer order-status questions all evening; we also want weekend tickets answered within an hour.' }
      ])
      const app = appPage(page)
      const dialog = importDialog(page)
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()
      await dialog.openFromSidebar.click()
      await dialog.boardName.fill('Support bot')
      await dialog.useAssistant.check()
      await dialog.fileInput.setInputFiles({
        name: 'support-bot.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: docx
      })
      await expect(dialog.rows).toHaveCount(3)
      await expect(dialog.assistantStatus).toContainText('The assistant found 1 more and filled gaps in 1 of the document’s KPIs.')
      await expect(dialog.foundBy(0)).toHaveText('Document')
      await expect(dialog.foundBy(1)).toHaveText('Document + assistant')
      await expect(dialog.foundBy(2)).toHaveText('Assistant')
      await expect(dialog.assisted(1)).toHaveCount(1)
      await expect(dialog.row(1).locator('input[data-testid="row-owner"]')).toHaveValue('Support lead')
      await expect(dialog.target(1)).toHaveValue('no more than 2 minutes')
      await dialog.lines(0).click()
      await expect(dialog.excerpt).toContainText('Containment rate: at least 45%')
      await page.screenshot({ path: `${SHOTS}/import-preview-assistant-en.png` })
      await dialog.lines(0).click()
      expect(core.boards.list()).toHaveLength(0)
      await dialog.commit.click()
      await expect(app.successMessage).toContainText('Created 3')
      const [board] = core.boards.list()
      const kpis = core.kpis.list(board!.id)
      expect(core.passages.latest(board!.id).get(kpis.find((k) => k.name === 'Containment rate')!.id)?.text).toContain('Containment rate: at least 45%')
    } finally {
      await chat.close()
    }
  })
})

test('an edited board CSV imports back as a per-KPI diff, reporting the column it cannot use', async ({ page, server, core }) => {
  const supportBoard = seedSupportBoard(core)
  const { files } = await createExportService({ core }).file({ boardId: supportBoard.id, format: 'csv', locale: 'zh-CN' })
  const table = Papa.parse<Record<string, string>>(
    Buffer.from(files[0]!.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true }
  )
  const rows = table.data.map((row) => ({ ...row, 评审意见: '', ...(row.code === 'KPI-S002' ? { owner: '赵敏', target: '≥ 65%' } : {}) }))
  const edited = Papa.unparse(rows)

  const app = appPage(page)
  const board = boardPage(page)
  const dialog = importDialog(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await dialog.openMenu.click()
  await dialog.menuTable.click()
  await dialog.tableFileInput.setInputFiles({ name: '客服看板-已修改.csv', mimeType: 'text/csv', buffer: Buffer.from(edited, 'utf8') })
  await expect(dialog.tableChanged).toHaveCount(1)
  await expect(dialog.tableChanged).toHaveAttribute('data-code', 'KPI-S002')
  await expect(dialog.tableChanged.locator('tr[data-field="owner"]')).toContainText('李娜')
  await expect(dialog.tableChanged.locator('tr[data-field="owner"]')).toContainText('赵敏')
  await expect(dialog.tableUnknown).toContainText('评审意见')
  await dialog.tableCommit.click()
  await expect(app.successMessage).toContainText('变更 1 个')
  await expect(board.cell('KPI-S002', 'target')).toContainText('≥ 65%')
  expect(core.kpis.list(supportBoard.id).find((k) => k.code === 'KPI-S002')?.owner).toBe('赵敏')
})
