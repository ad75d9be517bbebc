import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { localDay, pullPeriod } from '../../domain/period-binding'
import type { Frequency } from '../../domain/kpi'
import { tempWorkspace } from '../testing/temp-workspace'
import { pullDue } from './pull-scheduler'

const clock = new Date(2025, 11, 10, 9, 0).getTime()
const FORMULA = 'SELECT COUNT(*) FROM events WHERE day >= :period_start AND day < :period_end'
let ws: ReturnType<typeof tempWorkspace>
let boardId: number

beforeEach(() => {
  ws = tempWorkspace({ now: () => clock })
  const warehouse = join(ws.dir, 'events.db')
  const db = new Database(warehouse)
  db.exec("CREATE TABLE events (day TEXT); INSERT INTO events VALUES ('2025-09-15'), ('2025-11-20'), ('2025-12-03'), ('2025-12-09')")
  db.close()
  ws.core.sources.save({ name: 'wh', kind: 'sqlite', url: warehouse }, 'po', 'add')
  boardId = ws.core.boards.create('Growth', '', 'po').id
})
afterEach(() => ws.cleanup())

describe('preview, pull and schedule bind one period', () => {
  it('the preview without a period binds what the scheduled pull then stores, for every frequency', async () => {
    const frequencies: Frequency[] = ['daily', 'weekly', 'monthly', 'quarterly']
    const kpis = frequencies.map((frequency) =>
      ws.core.kpis.add(boardId, { code: frequency, name: frequency, formula: FORMULA, dataSource: 'wh', frequency, stage: 'trial' }, { actor: 'po' })
    )
    const previews = await Promise.all(kpis.map((k) => ws.core.pull.preview(k.id, undefined)))
    const expected = kpis.map((k) => pullPeriod(k, localDay(clock)))
    expect(previews.map((p) => [p.period.start, p.period.end])).toEqual(expected.map((p) => [p.start, p.end]))
    // SQLite binds one ? per occurrence: the start, then the end.
    expect(previews[2]!.boundSql).toContain("?1 = '2025-11-01' (:period_start)")
    expect(previews[2]!.boundSql).toContain("?2 = '2025-12-01' (:period_end)")

    const due = await pullDue({ ...ws.core, actor: 'scheduled pull' })
    const stored = due.boards[0]!.results.map((r) => r.values.map((v) => [v.periodStart, v.periodEnd, v.value]))
    expect(stored).toEqual([
      [['2025-12-09', '2025-12-10', 1]],
      [['2025-12-01', '2025-12-08', 1]],
      [['2025-11-01', '2025-12-01', 1]],
      [['2025-07-01', '2025-10-01', 1]]
    ])
    expect(previews.map((p) => p.values[0]?.value)).toEqual([1, 1, 1, 1])
  })
})
