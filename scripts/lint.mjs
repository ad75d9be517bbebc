// ESLint (the layer rules included) with no warning allowed, then Prettier's check; records the outcome for CI's summary line.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const run = (bin, args) => spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' }).status === 0
const eslint = run('node_modules/eslint/bin/eslint.js', ['.', '--max-warnings', '0'])
const prettier = run('node_modules/prettier/bin/prettier.cjs', ['--check', '--log-level', 'warn', '.'])
const ok = eslint && prettier
if (process.env.KPILOOP_REPORT_DIR) writeFileSync(join(process.env.KPILOOP_REPORT_DIR, 'lint.json'), JSON.stringify({ ok }))
process.exit(ok ? 0 : 1)
