// Sums the JSON reports of the typecheck, the lint, Vitest and Playwright into one "N passed, N failed" line.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [dir, status] = process.argv.slice(2)
let passed = 0
let failed = 0
const read = (name) => (existsSync(join(dir, name)) ? JSON.parse(readFileSync(join(dir, name), 'utf8')) : null)

for (const check of [read('typecheck.json'), read('lint.json')]) {
  if (check?.ok) passed++
  else if (check) failed++
}

const vitest = read('vitest.json')
if (vitest) {
  passed += vitest.numPassedTests ?? 0
  failed += vitest.numFailedTests ?? 0
}

const playwright = read('playwright.json')
if (playwright) {
  passed += playwright.stats?.expected ?? 0
  failed += (playwright.stats?.unexpected ?? 0) + (playwright.stats?.flaky ?? 0)
}

// A run that failed before any report (install, build) still counts as a failure.
if (status !== '0' && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
