import { mkdirSync } from 'node:fs'
import { startFakeChatServer, type FakeChatServer } from '../../electron/services/assistant/testing/fake-chat-server'
import type { Runtime } from '../../electron/api/dispatch/runtime'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { assistantPage } from '../pages/assistant-page'
import { seedSupportBoard } from '../seed'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'
const KEY = 'sk-e2e-7f3a9c21b4d8e6f0'

let chat: FakeChatServer
test.beforeEach(async () => {
  chat = await startFakeChatServer()
})
test.afterEach(async () => {
  await chat.close()
})

/** A finished LLM review of the trial stage, run through the dispatcher the way the review panel runs it. */
async function runTrialReview(runtime: Runtime, boardId: number): Promise<number> {
  chat.enqueue({
    json: {
      summary: '首次响应时长三周均值 45 分钟，目标 30 分钟偏紧。',
      proposals: [
        {
          kind: 'patch',
          code: 'KPI-S001',
          rationale: '三周实际 P95 均值 45.3 分钟',
          changes: [{ field: 'target', value: 'P95 ≤ 40分钟', rationale: '' }],
          benchmarks: [],
          milestones: []
        }
      ]
    },
    usage: { promptTokens: 1500, completionTokens: 200 }
  })
  const result = await runtime.dispatch(
    'review.run',
    { boardId, stage: 'trial', engine: 'llm' },
    { actor: 'e2e', signal: new AbortController().signal, emit: () => {} }
  )
  if (!result.ok) throw new Error(`review.run failed: ${result.error.code} ${result.error.message}`)
  return (result.data as { sessionId: number }).sessionId
}

test.describe('assistant', () => {
  test.use({ systemLocale: 'en' })

  test('configures a custom endpoint, edits a template, previews it and chats in a review session', async ({ page, server, core, runtime }) => {
    const board = seedSupportBoard(core)
    const app = appPage(page)
    const a = assistantPage(page)
    await page.goto(server.url)
    await expect(app.ready).toBeAttached()

    await a.open.click()
    await expect(a.status).toContainText('reviews use the offline analyzer')
    await a.preset.click()
    await a.presetOption('Custom (OpenAI-compatible)').click()
    await a.baseURL.fill(chat.url)
    await a.model.fill('gpt-4.1-mini')
    await a.apiKey.fill(KEY)
    await a.save.click()
    await expect(a.keyState).toHaveText('set')
    await expect(a.apiKey).toHaveValue('')
    await expect(a.status).toContainText('Reviews use gpt-4.1-mini')
    expect(await page.content()).not.toContain(KEY)

    chat.enqueue({ json: 'OK' })
    await a.test.click()
    await expect(a.testResult).toHaveAttribute('data-ok', 'true')
    await expect(a.testResult).toContainText(/Connected to gpt-4\.1-mini in \d+ ms/)
    expect(chat.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`)

    chat.enqueue({ status: 401, message: 'Incorrect API key provided' })
    await a.apiKey.fill('sk-wrong-0000000000')
    await a.test.click()
    await expect(a.testResult).toHaveAttribute('data-code', 'LLM_AUTH')
    await expect(a.testResult).toContainText('The assistant endpoint refused the API key.')
    await a.apiKey.fill('')

    await a.templatesTab.click()
    // The support board is written in Chinese: its reviews use the Chinese template, edited on its own.
    await a.templateLocale('Chinese').click()
    await expect(a.templateState).toHaveText('Shipped default')
    const shipped = await a.templateBody.inputValue()
    expect(shipped).toContain('草稿评审')
    await a.templateBody.fill(`${shipped}\nAlways name the benchmark's source. MARKER-Q3-REVIEW`)
    await a.templateSave.click()
    await expect(a.templateState).toHaveText('Edited')
    await expect(a.templateHistory).toHaveCount(1)
    await a.templateHistory.first().getByRole('button').click()
    await expect(a.templateVersion).toContainText('MARKER-Q3-REVIEW')
    await a.versionModalClose.click()
    await expect(a.templateVersion).toBeHidden()

    await a.previewTab.click()
    await expect(a.previewRequests.first()).toContainText('MARKER-Q3-REVIEW')
    await expect(a.previewRequests.first()).toContainText('KPI-S002')
    await expect(a.drawer).not.toContainText(KEY)

    await a.templatesTab.click()
    await a.templateLocale('Chinese').click()
    await a.templateReset.click()
    await a.confirmOk.click()
    await expect(a.templateState).toHaveText('Shipped default')
    await expect(a.templateBody).toHaveValue(shipped)
    await expect(a.templateHistory).toHaveCount(2)
    await a.previewTab.click()
    await expect(a.previewRequests.first()).toContainText('KPI-S002')
    await expect(a.previewRequests.first()).not.toContainText('MARKER-Q3-REVIEW')

    const sessionId = await runTrialReview(runtime, board.id)
    await a.sessionsTab.click()
    await expect(a.sessionRows).toHaveCount(1)
    await expect(a.sessionRows.first()).toContainText('gpt-4.1-mini')
    await expect(a.sessionRows.first()).toContainText('1,500 / 200')
    await a.sessionRows.first().click()
    await expect(a.sessionView).toBeVisible()
    await expect(a.sessionUsage).toContainText('1,500 tokens in, 200 out')

    chat.enqueue({
      stream: ['因为三周的', '均值是 45.3 分钟，', '40 分钟是可达的中间目标。'],
      delayMs: 250,
      usage: { promptTokens: 1900, completionTokens: 30 }
    })
    await a.chatInput.fill('为什么不是 45 分钟？')
    await a.chatSend.click()
    await expect(a.streamingMessage).toContainText('因为三周的')
    await expect(a.chatCancel).toBeVisible()
    await expect(a.streamingMessage).toHaveCount(0)
    await expect(a.messages.last()).toHaveText(/因为三周的均值是 45\.3 分钟，40 分钟是可达的中间目标。/)
    await expect(a.sessionUsage).toContainText('3,400 tokens in, 230 out')
    const review = await runtime.dispatch('review.session', { id: sessionId }, { actor: 'e2e', signal: new AbortController().signal, emit: () => {} })
    expect(review.ok && (review.data as { messageCount: number }).messageCount).toBe(6)

    chat.enqueue({ stream: ['先看', '下个周期', '的数据', '再决定。'], delayMs: 2_000 })
    await a.chatInput.fill('那下个月再复查？')
    await a.chatSend.click()
    await expect(a.chatCancel).toBeVisible()
    await a.chatCancel.click()
    await expect(a.chatCancelled).toBeVisible()
    await expect(a.chatSend).toBeVisible()
  })
})

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`assistant screens in ${locale}`, () => {
    test.use({ systemLocale: locale })

    test(`settings, templates and a session render in ${locale}`, async ({ page, server, core, runtime }) => {
      mkdirSync(SHOTS, { recursive: true })
      const board = seedSupportBoard(core)
      const set = await runtime.dispatch(
        'llm.settings.set',
        { provider: 'custom', baseURL: chat.url, model: 'gpt-4.1-mini', apiKey: KEY, headers: { 'X-Team': 'support' } },
        { actor: 'e2e', signal: new AbortController().signal, emit: () => {} }
      )
      expect(set.ok).toBe(true)
      await runTrialReview(runtime, board.id)
      const a = assistantPage(page)
      await page.goto(server.url)
      await expect(appPage(page).ready).toBeAttached()
      await a.open.click()
      await expect(a.keyState).toBeVisible()
      await page.screenshot({ path: `${SHOTS}/assistant-settings-${locale}.png`, fullPage: true })
      await a.templatesTab.click()
      await expect(a.templateBody).not.toHaveValue('')
      await page.screenshot({ path: `${SHOTS}/assistant-templates-${locale}.png` })
      await a.previewTab.click()
      await expect(a.previewRequests.first()).toBeVisible()
      await page.screenshot({ path: `${SHOTS}/assistant-preview-${locale}.png` })
      await a.sessionsTab.click()
      await expect(a.sessionRows).toHaveCount(1)
      await page.screenshot({ path: `${SHOTS}/assistant-sessions-${locale}.png` })
      await a.sessionRows.first().click()
      chat.enqueue({ stream: ['先看下个周期的数据，', '再决定是否收紧到 35 分钟。'], usage: { promptTokens: 1900, completionTokens: 30 } })
      await a.chatInput.fill(locale === 'en' ? 'Should we tighten it next month?' : '下个月要收紧吗？')
      await a.chatSend.click()
      await expect(a.sessionUsage).toContainText('3,400')
      await page.screenshot({ path: `${SHOTS}/assistant-session-${locale}.png` })
    })
  })
}
