import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

const reportDir = process.env.KPILOOP_REPORT_DIR

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'db/**/*.test.ts', 'resources/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: reportDir ? ['default', ['json', { outputFile: join(reportDir, 'vitest.json') }]] : ['default']
  }
})
