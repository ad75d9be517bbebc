// Typechecks the Node side and the renderer; records the outcome for CI's summary line.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

let ok = true
for (const project of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.web-test.json']) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], { stdio: 'inherit' })
  ok &&= result.status === 0
}
if (process.env.KPILOOP_REPORT_DIR) writeFileSync(join(process.env.KPILOOP_REPORT_DIR, 'typecheck.json'), JSON.stringify({ ok }))
process.exit(ok ? 0 : 1)
