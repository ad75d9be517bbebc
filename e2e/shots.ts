import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page, TestInfo } from '@playwright/test'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'

/** A screenshot attached to the Playwright report (and kept in KPILOOP_SHOTS, like the other specs' screenshots). */
export async function attachShot(page: Page, testInfo: TestInfo, name: string) {
  const body = await page.screenshot()
  mkdirSync(SHOTS, { recursive: true })
  writeFileSync(`${SHOTS}/${name}.png`, body)
  await testInfo.attach(name, { body, contentType: 'image/png' })
}
