import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

const reportDir = process.env.KPILOOP_REPORT_DIR

// Debian's Chromium; Playwright never downloads a browser here. Each test starts its own browser-mode server.
export default defineConfig({
  testDir: './specs',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: reportDir ? [['list'], ['json', { outputFile: join(reportDir, 'playwright.json') }]] : [['list']],
  outputDir: '../test-results',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.KPILOOP_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
    },
    trace: 'off',
    screenshot: 'only-on-failure'
  }
})
