import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../core'
import { duePulls } from '../actuals/pull-scheduler'
import { tempWorkspace } from '../testing/temp-workspace'

let ws: ReturnType<typeof tempWorkspace>
let core: Core
let boardId: number
const actor = 'ops'
const raised: unknown[] = []

beforeEach(() => {
  ws = tempWorkspace({ now: () => Date.parse('2025-12-10T09:00:00Z') })
  core = ws.core
  core.events.onAny((name, payload) => name === 'alert.raised' && raised.push(payload))
  raised.length = 0
  boardId = core.boards.create('Ops', '', actor).id
})
afterEach(() => ws.cleanup())

const month = (m: string) => ({ start: `2025-${m}-01`, end: m === '12' ? '2026-01-01' : `2025-${String(Number(m) + 1).padStart(2, '0')}-01` })

describe('alerts', () => {
  it('raises once when a KPI crosses into red, with the value and reason', () => {
    const kpi = core.kpis.add(boardId, { code: 'B003', name: '任务成功率', target: '≥ 95%' }, { actor })
    core.measurements.add(kpi.id, { period: month('09'), value: 96, source: 'manual' }, actor)
    expect(core.alerts.list(boardId)).toEqual([])
    core.measurements.add(kpi.id, { period: month('10'), value: 70, source: 'manual' }, actor)
    const alerts = core.alerts.list(boardId)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ code: 'B003', level: 'red' })
    expect(alerts[0]!.message).toMatch(/^B003 任务成功率：2025-10-01 的值为 70% — .*低于红线/)
    expect(raised).toHaveLength(1)
    core.alerts.evaluate(boardId)
    core.measurements.add(kpi.id, { period: month('11'), value: 60, source: 'manual' }, actor)
    expect(core.alerts.list(boardId)).toHaveLength(1)
  })

  it('raises a period-over-period rule with its severity', () => {
    const kpi = core.kpis.add(
      boardId,
      {
        code: 'DAU',
        name: 'Daily actives',
        target: '≥ 1000',
        alertThresholds: { redRatio: 0.5, yellowRatio: 0.6, rules: [{ severity: 'P1', period: 'period', direction: 'drop', percent: 20 }] }
      },
      { actor }
    )
    core.measurements.add(kpi.id, { period: month('10'), value: 1500, source: 'manual' }, actor)
    core.measurements.add(kpi.id, { period: month('11'), value: 1100, source: 'manual' }, actor)
    const [alert] = core.alerts.list(boardId)
    expect(alert).toMatchObject({ level: 'rule', severity: 'P1', message: 'P1 DAU Daily actives: -26.7% (1,500 → 1,100), rule drop > 20%' })
    core.alerts.acknowledge(alert!.id)
    expect(core.alerts.list(boardId)[0]?.acknowledgedAt).not.toBeNull()
  })

  it('speaks the language of a Chinese KPI in a rule alert', () => {
    const rules = [{ severity: 'P1' as const, period: 'month' as const, direction: 'drop' as const, percent: 15 }]
    const kpi = core.kpis.add(
      boardId,
      { code: 'PAY', name: '支付成功率', target: '≥ 90%', alertThresholds: { redRatio: 0.5, yellowRatio: 0.6, rules } },
      { actor }
    )
    core.measurements.add(kpi.id, { period: month('10'), value: 99, source: 'manual' }, actor)
    core.measurements.add(kpi.id, { period: month('11'), value: 80, source: 'manual' }, actor)
    expect(core.alerts.list(boardId)[0]?.message).toBe('P1 PAY 支付成功率：月环比 -19.2% (99% → 80%)，规则：下降 > 15%')
  })

  it('schedules a pull only for KPIs whose last complete period has no value', () => {
    const due = core.kpis.add(boardId, { code: 'A', name: 'a', dataSource: 'warehouse', formula: 'SELECT 1', frequency: 'monthly', stage: 'trial' }, { actor })
    const done = core.kpis.add(boardId, { code: 'B', name: 'b', dataSource: 'warehouse', formula: 'SELECT 1', frequency: 'monthly', stage: 'trial' }, { actor })
    core.kpis.add(boardId, { code: 'C', name: 'c', dataSource: 'manual', frequency: 'monthly', stage: 'trial' }, { actor })
    core.measurements.add(done.id, { period: month('11'), value: 1, source: 'manual' }, actor)
    expect(duePulls(core)).toEqual(new Map([[boardId, [due.id]]]))
  })
})
