import { startFakeChatServer } from '../../electron/services/assistant/testing/fake-chat-server'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { kpiDrawer } from '../pages/kpi-drawer'
import { reviewPanel } from '../pages/review-panel'

test.use({ systemLocale: 'en' })

test('the analyzer reviews a draft KPI and one field of its proposal is accepted', async ({ page, server, core }) => {
  const board = core.boards.create('Support desk', 'First PRD draft', 'e2e')
  core.kpis.add(
    board.id,
    { code: 'KPI-A01', name: 'Share of tickets answered by the bot', target: '≥ 60%', dataSource: 'bot logs', formula: 'answered_by_bot / tickets' },
    { actor: 'e2e' }
  )
  const app = appPage(page)
  const grid = boardPage(page)
  const review = reviewPanel(page)
  const drawer = kpiDrawer(page)

  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await expect(grid.row('KPI-A01')).toBeVisible()
  await review.open.click()
  await review.start.click()
  await expect(review.result).toBeVisible()
  await expect(review.fieldCheck('KPI-A01', 'frequency')).toBeChecked()
  await expect(review.proposal('KPI-A01').locator('tr[data-field="frequency"]')).toContainText('Daily')

  // Keep only the frequency: uncheck every other field of the proposal.
  const rows = review.fieldRows('KPI-A01')
  for (const field of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-field')!))) {
    if (field !== 'frequency') await review.fieldCheck('KPI-A01', field).uncheck()
  }
  await review.acceptSelected('KPI-A01').click()
  await review.filter.getByText('All').click()
  await expect(review.status('KPI-A01')).toHaveText('Partly accepted')
  await review.close.click()

  await expect(grid.cell('KPI-A01', 'frequency')).toHaveText('Daily')
  await expect(review.latestProposal('KPI-A01')).toBeVisible()
  await grid.codeLink('KPI-A01').click()
  await drawer.historyTab.click()
  await expect(drawer.revision(2)).toContainText('Analyzer')
  await expect(drawer.revision(2)).toContainText('Accepted analyzer proposal')
})

test('an assistant review session streams its answer and its proposal is accepted', async ({ page, server, core, runtime }) => {
  const chat = await startFakeChatServer()
  try {
    const board = core.boards.create('Support desk', '', 'e2e')
    core.kpis.add(board.id, { code: 'KPI-C01', name: 'Customer satisfaction', target: 'significantly better', dataSource: 'survey' }, { actor: 'e2e' })
    const set = await runtime.dispatch(
      'llm.settings.set',
      {
        provider: 'custom',
        baseURL: chat.url,
        model: 'gpt-4.1-mini',
        apiKey: 'sk-e2e-0d9f7a',
        structuredOutput: 'json_schema',
        maxRetries: 0,
        timeoutMs: 10_000
      },
      { actor: 'e2e', signal: new AbortController().signal, emit: () => {} }
    )
    expect(set.ok).toBe(true)
    chat.enqueue({
      stream: [
        '{"summary": "KPI-C01 is a wish, not a measure.", ',
        '"proposals": [{"kind": "patch", "code": "KPI-C01", "rationale": "Significantly better cannot be measured; use the CSAT score", ',
        '"changes": [{"field": "target", "value": "≥ 4.5/5", "rationale": ""}], "benchmarks": [], "milestones": []}]}'
      ]
    })
    const app = appPage(page)
    const grid = boardPage(page)
    const review = reviewPanel(page)

    await page.goto(server.url)
    await expect(app.ready).toBeAttached()
    await review.open.click()
    await review.assistant.click()
    await review.start.click()
    await expect(review.stream).toContainText('KPI-C01 is a wish, not a measure.')
    await expect(review.result).toContainText('assistant')
    await expect(review.proposal('KPI-C01')).toContainText('Significantly better cannot be measured')
    await expect(review.proposal('KPI-C01').locator('tr[data-field="target"]').getByTestId('proposed-input')).toHaveValue('≥ 4.5/5')
    await review.acceptAll('KPI-C01').click()
    await review.close.click()
    await expect(grid.cell('KPI-C01', 'target')).toContainText('≥ 4.5/5')
    expect(chat.requests.length).toBe(1)
  } finally {
    await chat.close()
  }
})

test('a draft KPI missing fields is blocked at the feasibility gate until a reason is given', async ({ page, server, core }) => {
  const board = core.boards.create('Support desk', '', 'e2e')
  core.kpis.add(board.id, { code: 'KPI-G01', name: 'Knowledge base coverage', target: 'better' }, { actor: 'e2e' })
  const app = appPage(page)
  const grid = boardPage(page)
  const review = reviewPanel(page)

  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await grid.codeLink('KPI-G01').click()
  await review.moveStage.click()
  await expect(review.moveDialog.getByTestId('gate-checklist')).toBeVisible()
  await expect(review.moveDialog.locator('[data-gate="gate.owner"]')).toHaveAttribute('data-ok', 'false')
  await expect(review.unmetItems.first()).toBeVisible()
  await expect(review.moveSubmit).toBeDisabled()
  await review.moveReason.fill('Dev review next week will name the owner and the source')
  await expect(review.moveSubmit).toBeEnabled()
  await review.moveSubmit.click()
  await expect(review.moveDialog).toBeHidden()
  await expect(grid.cell('KPI-G01', 'stage')).toHaveText('Feasibility')
})

test('moving the board to feasibility overrides blocked gates with a reason and offers to cut v0.9', async ({ page, server, core }) => {
  const board = core.boards.create('Support desk', '', 'e2e')
  core.kpis.add(
    board.id,
    {
      code: 'KPI-B01',
      name: 'First reply time',
      target: '≤ 30 min',
      formula: 'p95(first_reply_at - created_at)',
      dataSource: 'tickets',
      frequency: 'daily',
      owner: 'Zhang Wei'
    },
    { actor: 'e2e' }
  )
  core.kpis.add(board.id, { code: 'KPI-B02', name: 'Knowledge base coverage', target: 'better' }, { actor: 'e2e' })
  const app = appPage(page)
  const grid = boardPage(page)
  const review = reviewPanel(page)

  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await review.moveBoard.click()
  await review.moveSubmit.click()
  await expect(review.moveDialog).toContainText('KPI-B02 is blocked')
  await expect(grid.cell('KPI-B01', 'stage')).toHaveText('Feasibility')
  await expect(review.unmetItems.first()).toBeVisible()
  await expect(review.moveSubmit).toBeDisabled()
  await review.moveReason.fill('Coverage is measured by hand until the knowledge base exports its stats')
  await review.moveSubmit.click()
  await expect(grid.cell('KPI-B02', 'stage')).toHaveText('Feasibility')
  await expect(page.getByTestId('suggested-label')).toHaveValue('v0.9')
  await page.locator('.cut-suggestion .ant-btn-primary').click()
  await expect(app.board('Support desk')).toContainText('v0.9')
})
