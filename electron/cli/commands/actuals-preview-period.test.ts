import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FormulaPreview } from '../../api'
import { localDay, pullPeriod } from '../../domain/period-binding'
import type { Frequency } from '../../domain/kpi'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { runCli } from '../testing/run-cli'

const FREQUENCIES: Frequency[] = ['daily', 'weekly', 'monthly', 'quarterly']
let ws: ReturnType<typeof tempWorkspace>

beforeAll(() => {
  ws = tempWorkspace()
  const warehouse = join(ws.dir, 'events.db')
  new Database(warehouse).exec('CREATE TABLE events (day TEXT)').close()
  ws.core.sources.save({ name: 'wh', kind: 'sqlite', url: warehouse }, 'po', 'add')
  const boardId = ws.core.boards.create('Growth', '', 'po').id
  for (const frequency of FREQUENCIES) {
    const formula = 'SELECT COUNT(*) FROM events WHERE day >= :period_start AND day < :period_end'
    ws.core.kpis.add(boardId, { code: frequency, name: frequency, formula, dataSource: 'wh', frequency }, { actor: 'po' })
  }
  ws.core.close()
})
afterAll(() => ws.cleanup())

describe('kpiloop actuals preview', { timeout: 120_000 }, () => {
  it('binds the period the app’s preview and the pull bind: start inclusive, end the first day of the next period', async () => {
    for (const frequency of FREQUENCIES) {
      const result = await runCli(ws.file, ['--json', 'actuals', 'preview', frequency, '--board', 'Growth'])
      expect(result.stderr).toBe('')
      const preview = JSON.parse(result.stdout) as FormulaPreview
      const expected = pullPeriod({ frequency }, localDay(Date.now()))
      expect(preview.period, frequency).toMatchObject({ start: expected.start, end: expected.end, label: expected.label })
      expect(preview.boundSql).toContain(`?1 = '${expected.start}' (:period_start)`)
      expect(preview.boundSql).toContain(`?2 = '${expected.end}' (:period_end)`)
    }
  })
})
