import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { appPage, closeWithEscape } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { openQueryPreview, queryPreviewPage } from '../pages/query-preview'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'
test.use({ systemLocale: 'en' })

/** A warehouse file holding a report table: tasks per type per day. */
function warehouse(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-e2e-report-'))
  const file = join(dir, 'tasks.sqlite')
  const db = new Database(file)
  db.exec('CREATE TABLE tasks (day TEXT, task_type TEXT, status TEXT)')
  const insert = db.prepare('INSERT INTO tasks VALUES (?, ?, ?)')
  for (let d = 1; d <= 30; d++) {
    const day = `2025-11-${String(d).padStart(2, '0')}`
    for (const [type, done, failed] of [
      ['research', 9, 1],
      ['coding', 6 + (d % 3), 2]
    ] as const) {
      for (let i = 0; i < done; i++) insert.run(day, type, 'completed')
      for (let i = 0; i < failed; i++) insert.run(day, type, 'failed')
    }
  }
  db.close()
  return { dir, file }
}

const REPORT = `SELECT day AS date, task_type, COUNT(*) AS total_tasks,
  SUM(status = 'completed') AS successful_tasks,
  ROUND(SUM(status = 'completed') * 100.0 / COUNT(*), 2) AS success_rate
FROM tasks GROUP BY day, task_type ORDER BY day, task_type`

/** The drawer slides in; click its Actuals tab until it shows, then open the preview section. */
async function runFor(page: Page, day: string) {
  const q = queryPreviewPage(page)
  await q.date.click()
  await q.date.fill(day)
  await page.keyboard.press('Enter')
  await expect(q.run).toHaveAttribute('data-period', day)
  await q.run.click()
  await expect(q.summary).toBeVisible({ timeout: 30_000 })
}

test('a report query is previewed as a table, mapped as proposed, its dates bound, and a source assigned to ticked KPIs', async ({ page, server, core }) => {
  test.setTimeout(240_000)
  mkdirSync(SHOTS, { recursive: true })
  const { dir, file } = warehouse()
  const actor = 'e2e'
  core.sources.save({ name: 'tasks-db', kind: 'sqlite', url: `sqlite://${file}` }, actor, 'add')
  const boardId = core.boards.create('Delivery', '', actor).id
  const base = { frequency: 'daily' as const, stage: 'feasibility' as const, owner: 'Ops' }
  core.kpis.add(boardId, { ...base, code: 'KPI-T1', name: 'Task success rate', target: '≥ 90%', formula: REPORT, sourceNote: 'task service logs' }, { actor })
  core.kpis.add(
    boardId,
    {
      ...base,
      code: 'KPI-T2',
      name: 'Tasks per day',
      target: '≥ 15 tasks',
      formula: "SELECT COUNT(*) FROM tasks WHERE day >= '2025-11-03' AND day < '2025-11-04'"
    },
    { actor }
  )
  const app = appPage(page)
  const board = boardPage(page)
  const q = queryPreviewPage(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()

  // One action assigns the connection to both ticked KPIs; the PRD's words stay as the source note.
  await board.tick('KPI-T1').click()
  await board.tick('KPI-T2').click()
  await q.assignButton.click()
  await q.assignSelect.click()
  await q.option('tasks-db (sqlite)').click()
  await q.assignOk.click()
  await expect(q.assignDialog).toBeHidden()
  await expect(board.cell('KPI-T1', 'dataSource')).toContainText('tasks-db')
  await expect(board.cell('KPI-T2', 'dataSource')).toContainText('tasks-db')

  await openQueryPreview(page, 'KPI-T1')
  await runFor(page, '2025-11-03')
  await expect(q.summary).toContainText('2025-11-03 (2025-11-03 → 2025-11-04, end exclusive) · 60 rows')
  await expect(q.table).toHaveAttribute('data-columns', '5')
  await expect(q.tableHeader.filter({ hasText: 'success_rate' })).toBeVisible()
  await expect(q.mapping).toHaveAttribute('data-source', 'proposal')
  await expect(q.mappingText).toHaveText('value=success_rate; period=date:day; combine=ratio(successful_tasks/total_tasks*100)')
  await expect(q.reasons).toContainText('never by averaging the ratios')
  await expect(q.values).toHaveCount(1)
  await expect(q.values.first()).toHaveText('2025-11-0383.33332')
  await q.preview.screenshot({ path: `${SHOTS}/report-preview-en.png` })
  await q.saveProposal.click()
  await expect(q.mapping).toHaveAttribute('data-source', 'kpi', { timeout: 30_000 })
  await expect
    .poll(() => core.kpis.list(boardId)[0]!.mapping)
    .toEqual({
      value: 'success_rate',
      period: 'date',
      grain: 'day',
      combine: { kind: 'ratio', numerator: 'successful_tasks', denominator: 'total_tasks', factor: 100 }
    })
  await closeWithEscape(page)

  await openQueryPreview(page, 'KPI-T2')
  await runFor(page, '2025-11-10')
  await expect(q.blocked).toContainText('fixed dates')
  await expect(q.dates).toContainText("'2025-11-03'")
  await expect(q.rewrite).toContainText("- SELECT COUNT(*) FROM tasks WHERE day >= '2025-11-03' AND day < '2025-11-04'")
  await expect(q.rewrite).toContainText('+ SELECT COUNT(*) FROM tasks WHERE day >= :period_start AND day < :period_end')
  await q.preview.screenshot({ path: `${SHOTS}/report-dates-en.png` })
  await q.applyRewrite.click()
  await expect(q.blocked).toHaveCount(0, { timeout: 30_000 })
  await expect(q.values.first()).toContainText('19')
  expect(core.kpis.list(boardId)[1]!.formula).toBe('SELECT COUNT(*) FROM tasks WHERE day >= :period_start AND day < :period_end')
  await closeWithEscape(page)

  await app.chinese.click()
  await openQueryPreview(page, 'KPI-T1')
  await runFor(page, '2025-11-03')
  await expect(q.mapping).toHaveAttribute('data-source', 'kpi')
  await expect(q.reasons).toContainText('绝不对比率取平均')
  await q.preview.screenshot({ path: `${SHOTS}/report-preview-zh-CN.png` })
  rmSync(dir, { recursive: true, force: true })
})
