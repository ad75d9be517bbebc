import { expect } from 'vitest'
import type { ErrorCode } from '../../../domain/errors'
import { codeOf } from '../../testing/error-code'
import { tempWorkspace } from '../../testing/temp-workspace'
import { createDriver, runFormulaUnchecked } from '../connector'
import type { SourceConfig } from '../types'

/**
 * A formula an attacker (or a careless paste) might store in a KPI. `db` is what the database
 * itself answers when the formula check is skipped: that answer, not the check, is the boundary.
 * `unenforced`: this login keeps the power (the source test names it); only the check stops it.
 */
export interface HostileCase {
  name: string
  sql: string
  db: ErrorCode | 'ok' | 'unenforced'
}

export const PERIOD = { start: '2025-11-01', end: '2025-12-01' }
const NOW = Date.parse('2025-12-10T09:00:00Z')

/**
 * What the app answers: preview and pull of a KPI holding the formula, through the core services.
 * The KPIs are stored before the source is connected (as a formula written for a source added
 * later would be): saving a formula that writes on a connected source is refused outright.
 */
export function appHarness(source: SourceConfig, cases: readonly HostileCase[]) {
  const ws = tempWorkspace({ now: () => NOW })
  const { core } = ws
  const boardId = core.boards.create('Hostile', '', 'attacker').id
  // The formulas bind no period: marked rolling, a pull runs each once, as the preview does, instead of refusing it as
  // the same for every period (which would hide what the database answers).
  const kpiIds = new Map(
    cases.map((c, i) => {
      const id = core.kpis.add(
        boardId,
        { code: `H${i + 1}`, name: c.name, formula: c.sql, dataSource: 'target', frequency: 'monthly' },
        { actor: 'attacker' }
      ).id
      core.kpis.edit(id, { mapping: { rolling: true } }, { actor: 'attacker' })
      return [c.sql, id]
    })
  )
  core.sources.save({ name: 'target', kind: source.kind, url: source.url, password: source.password, timeoutMs: source.timeoutMs }, 'attacker', 'add')
  return {
    async run(sql: string): Promise<{ preview: string; pull: string; stored: number }> {
      const kpiId = kpiIds.get(sql)!
      const preview = await codeOf(core.pull.preview(kpiId, PERIOD))
      const summary = await core.pull.pull({ boardId, kpiIds: [kpiId] }, 'attacker')
      const result = summary.results[0]!
      return { preview, pull: result.outcome === 'failed' ? (result.errorCode ?? 'QUERY_FAILED') : 'ok', stored: result.stored }
    },
    cleanup: () => ws.cleanup()
  }
}

/** The database's own answer, without the formula check. */
export async function databaseAnswer(source: SourceConfig, sql: string): Promise<string> {
  const driver = await createDriver(source)
  try {
    return await codeOf(runFormulaUnchecked(driver, source, sql, PERIOD))
  } finally {
    await driver.close()
  }
}

/**
 * Runs one case both ways and checks, by asking the database afterwards, that nothing changed.
 * Preview and pull must give the same answer, and neither may store a value.
 */
export async function expectHarmless(
  app: ReturnType<typeof appHarness>,
  source: SourceConfig,
  hostile: HostileCase,
  snapshot: () => Promise<unknown>
): Promise<void> {
  const before = await snapshot()
  const viaApp = await app.run(hostile.sql)
  expect(viaApp.preview, `${hostile.name}: preview and pull answer alike`).toBe(viaApp.pull)
  expect(viaApp.stored, `${hostile.name}: a value only for a formula that ran`).toBe(viaApp.preview === 'ok' ? 1 : 0)
  if (hostile.db !== 'ok') expect(viaApp.preview, `${hostile.name}: refused by the app`).not.toBe('ok')
  if (hostile.db !== 'unenforced') expect(await databaseAnswer(source, hostile.sql), `${hostile.name}: the database's own answer`).toBe(hostile.db)
  expect(await snapshot(), `${hostile.name}: the database is unchanged`).toEqual(before)
}
