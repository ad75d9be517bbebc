import { mkdirSync, readFileSync } from 'node:fs'
import { startNotionServer } from '../../electron/services/export/testing/notion-server'
import { createExportService } from '../../electron/services/export/export-service'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { exportDialog } from '../pages/export-dialog'
import { seedSupportBoard } from '../seed'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'
const NOTION_TOKEN = 'secret_e2e_notion_token_0123456789'
const PAGE = '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9'

test('a board downloads as Markdown and as CSV from the export dialog', async ({ page, server, core }) => {
  seedSupportBoard(core)
  const app = appPage(page)
  const dialog = exportDialog(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await dialog.open.click()
  await expect(dialog.download).toBeEnabled()

  const [markdown] = await Promise.all([page.waitForEvent('download'), dialog.download.click()])
  expect(markdown.suggestedFilename()).toBe('客服中心 KPI 看板.md')
  const md = readFileSync((await markdown.path())!, 'utf8')
  expect(md).toContain('客服中心 KPI 看板')
  expect(md).toMatch(/\|\s*KPI-S001\s*\|/)
  expect(md).toContain('P95 ≤ 40分钟')
  expect(md).toContain('AI 推荐答案采纳率')

  await dialog.format('csv').click()
  const [csv] = await Promise.all([page.waitForEvent('download'), dialog.download.click()])
  expect(csv.suggestedFilename()).toBe('客服中心 KPI 看板.csv')
  const lines = readFileSync((await csv.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
  expect(lines).toHaveLength(7)
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['KPI-S001', 'KPI-S002', 'KPI-S003', 'KPI-S004', 'KPI-S005', 'KPI-S006'])
  expect(lines.find((l) => l.startsWith('KPI-S004'))).toContain('≥ 4.5/5')
})

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`Notion in ${locale}`, () => {
    test.use({ systemLocale: locale })

    test(`exporting to Notion creates one page per KPI, then updates them (${locale})`, async ({ page, server, core }) => {
      mkdirSync(SHOTS, { recursive: true })
      seedSupportBoard(core)
      const notion = await startNotionServer({ token: NOTION_TOKEN, parentPages: [PAGE] })
      try {
        // The API's address is a setting the UI does not show; the loopback server stands in for api.notion.com.
        createExportService({ core }).config.update('notion', { baseUrl: notion.url })
        const app = appPage(page)
        const dialog = exportDialog(page)
        await page.goto(server.url)
        await expect(app.ready).toBeAttached()
        await dialog.open.click()
        await dialog.selectTab('Notion')
        await dialog.input('notion', 'parentPageId').fill(PAGE)
        await dialog.input('notion', 'token').fill(NOTION_TOKEN)
        await page.screenshot({ path: `${SHOTS}/export-notion-${locale}.png` })
        await dialog.run('notion').click()
        await expect(dialog.results('notion')).toHaveCount(6)
        await expect(dialog.results('notion').and(page.locator('[data-outcome="created"]'))).toHaveCount(6)
        expect(notion.pages.size).toBe(6)
        await page.screenshot({ path: `${SHOTS}/export-result-${locale}.png` })

        // The token field is write-only: it comes back empty, marked as stored.
        await expect(dialog.input('notion', 'token')).toHaveValue('')
        await dialog.run('notion').click()
        await expect(dialog.results('notion').and(page.locator('[data-outcome="updated"]'))).toHaveCount(6)
        expect(notion.pages.size).toBe(6)
        expect(await page.content()).not.toContain(NOTION_TOKEN)
      } finally {
        await notion.close()
      }
    })
  })
}

test('the export dialog in both languages', async ({ page, server, core }) => {
  mkdirSync(SHOTS, { recursive: true })
  seedSupportBoard(core)
  const app = appPage(page)
  const dialog = exportDialog(page)
  await page.goto(server.url)
  await expect(app.ready).toBeAttached()
  await expect(page.getByTestId('more-actions')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/export-toolbar-zh-CN.png` })
  await dialog.open.click()
  await expect(dialog.download).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/export-files-zh-CN.png` })
  await dialog.close.click()
  await app.english.click()
  await dialog.open.click()
  await expect(dialog.download).toContainText('Download')
  await page.screenshot({ path: `${SHOTS}/export-files-en.png` })
})
