import type { AlertView } from '../../domain/views'
import type { MeasurementService } from '../actuals/measurement-service'
import { kpiHealth, ruleBreaches } from '../analyzer'
import { say } from '../analyzer/findings'
import { prefersChinese } from '../analyzer/format'
import type { ChangeRule } from '../../domain/kpi'
import type { ServiceDeps } from '../context'
import type { KpiService } from '../kpis/kpi-service'

const COMPARED_ZH: Record<ChangeRule['period'], string> = { day: '日环比', week: '周环比', month: '月环比', period: '环比' }

interface Row {
  id: number
  kpi_id: number
  measurement_id: number | null
  level: AlertView['level']
  severity: AlertView['severity']
  rule: string | null
  message: string
  created_at: number
  acknowledged_at: number | null
  code?: string
  board_id?: number
}

/**
 * Alerts: a KPI crossing into red, or breaking a period-over-period rule, with the value that did
 * it. Each (KPI, measurement, rule) raises at most once, so re-evaluating never repeats an alert.
 */
export function createAlertService(deps: ServiceDeps & { kpis: KpiService; measurements: MeasurementService }) {
  const { sqlite, kpis, measurements, events, now, transaction } = deps
  const stmt = {
    insert: sqlite.prepare('INSERT INTO alert_event (kpi_id, measurement_id, level, severity, rule, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    seen: sqlite.prepare("SELECT 1 FROM alert_event WHERE kpi_id = ? AND measurement_id = ? AND COALESCE(rule, '') = ?"),
    list: sqlite.prepare('SELECT a.*, k.code, k.board_id FROM alert_event a JOIN kpi k ON k.id = a.kpi_id WHERE k.board_id = ? ORDER BY a.id DESC LIMIT ?'),
    ack: sqlite.prepare('UPDATE alert_event SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL')
  }
  const toView = (r: Row): AlertView => ({
    id: r.id,
    kpiId: r.kpi_id,
    code: r.code ?? '',
    level: r.level,
    severity: r.severity,
    rule: r.rule,
    message: r.message,
    createdAt: r.created_at,
    acknowledgedAt: r.acknowledged_at
  })

  const evaluateTx = transaction((boardId: number, kpiIds: number[] | undefined): AlertView[] => {
    const raised: AlertView[] = []
    // A pull of one KPI reads that KPI's series only, not the board's.
    const series = kpiIds ? null : measurements.ofBoard(boardId)
    const chosen = kpiIds ? kpiIds.map((id) => kpis.get(id)).filter((k) => k.stage !== 'retired') : kpis.list(boardId)
    for (const kpi of chosen) {
      const points = series ? (series.get(kpi.id) ?? []) : measurements.list(kpi.id)
      const latest = points.at(-1)
      if (!latest) continue
      const raise = (level: AlertView['level'], severity: AlertView['severity'], rule: string | null, message: string) => {
        if (stmt.seen.get(kpi.id, latest.id, rule ?? '')) return
        const id = Number(stmt.insert.run(kpi.id, latest.id, level, severity, rule, message, now()).lastInsertRowid)
        raised.push({ id, kpiId: kpi.id, code: kpi.code, level, severity, rule, message, createdAt: now(), acknowledgedAt: null })
      }
      const health = kpiHealth(kpi, latest.value, points.at(-2)?.value ?? null)
      const before = points.length > 1 ? kpiHealth(kpi, points.at(-2)!.value, points.at(-3)?.value ?? null).level : 'none'
      // Like the analyzer's texts, an alert speaks the KPI's language (the health reason already does).
      const zh = prefersChinese(kpi.name, kpi.description)
      const subject = `${kpi.code} ${kpi.name}`
      if (health.level === 'red' && before !== 'red') {
        raise(
          'red',
          null,
          null,
          say(
            zh,
            `${subject}：${latest.periodStart} 的值为 ${latest.value} — ${health.reason}`,
            `${subject}: ${latest.value} for ${latest.periodStart} — ${health.reason}`
          )
        )
      }
      for (const breach of ruleBreaches(kpi, points)) {
        const { rule } = breach
        const change = `${breach.change.toFixed(1)}% (${breach.previous.value} → ${breach.current.value})`
        const message = say(
          zh,
          `${rule.severity} ${subject}：${COMPARED_ZH[rule.period]} ${change}，规则：${rule.direction === 'drop' ? '下降' : '上升'} > ${rule.percent}%`,
          `${rule.severity} ${subject}: ${change}, rule ${rule.direction} > ${rule.percent}%`
        )
        raise('rule', rule.severity, `${rule.period}-${rule.direction}-${rule.percent}`, message)
      }
    }
    return raised
  })

  return {
    /** Checks the latest values of a board (or some KPIs) and records new alerts. */
    evaluate(boardId: number, kpiIds?: number[]): AlertView[] {
      const raised = evaluateTx(boardId, kpiIds)
      if (raised.length) events.emit('alert.raised', { boardId, alerts: raised })
      return raised
    },
    list: (boardId: number, limit = 200): AlertView[] => (stmt.list.all(boardId, limit) as Row[]).map(toView),
    acknowledge(id: number): void {
      stmt.ack.run(now(), id)
    }
  }
}
export type AlertService = ReturnType<typeof createAlertService>
