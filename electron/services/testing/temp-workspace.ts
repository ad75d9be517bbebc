import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../core'

/** A fresh workspace file in its own temp folder, migrated by the real migrate(). */
export function tempWorkspace(options: Partial<CoreOptions> = {}): { core: Core; file: string; dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-test-'))
  const file = join(dir, 'workspace.kpiloop')
  const core = createCore(file, { access: 'write', create: true, ...options })
  return {
    core,
    file,
    dir,
    cleanup() {
      core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export function counts(core: Core) {
  const n = (table: string) => (core.deps.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
  return { boards: n('board'), kpis: n('kpi'), revisions: n('kpi_revision'), versions: n('board_version'), audit: n('audit_log') }
}
