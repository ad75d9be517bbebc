import type { AlertView } from '../../domain/views'
import type { MeasurementService } from '../actuals/measurement-service'
import { judgedPeriods, periodHealth, ruleBreaches } from '../analyzer'
import { formatFigure, formatNumber, unitOf } from '../../domain/judging/format-figure'
import { todayOf } from '../../domain/judging/period-values'
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
 * Alerts: a KPI crossing into red over its target period (finer values aggregated first; never the
 * period still in progress), or breaking a period-over-period rule, with the value that did it.
 * Each (KPI, measurement, rule) raises at most once, so re-evaluating never repeats an alert.
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
    const today = todayOf(now())
    for (const kpi of chosen) {
      // The unfinished period is in progress: neither its value nor a change into it raises anything.
      const points = (series ? (series.get(kpi.id) ?? []) : measurements.list(kpi.id)).filter((p) => p.periodEnd <= today || kpi.mapping?.rolling)
      // Only the newest group can be running: four give the three complete periods the alert and its change target need.
      const periods = judgedPeriods(kpi, points, today, 4).filter((p) => !p.inProgress)
      const current = periods.at(-1)
      const latest = points.at(-1)
      if (!current || !latest) continue
      const raise = (level: AlertView['level'], severity: AlertView['severity'], rule: string | null, measurementId: number, message: string) => {
        if (stmt.seen.get(kpi.id, measurementId, rule ?? '')) return
        const id = Number(stmt.insert.run(kpi.id, measurementId, level, severity, rule, message, now()).lastInsertRowid)
        raised.push({ id, kpiId: kpi.id, code: kpi.code, level, severity, rule, message, createdAt: now(), acknowledgedAt: null })
      }
      const health = periodHealth(kpi, current, periods.at(-2))
      const before = periods.length > 1 ? periodHealth(kpi, periods.at(-2), periods.at(-3)).level : 'none'
      // Like the analyzer's texts, an alert speaks the KPI's language (the health reason already does).
      const zh = prefersChinese(kpi.name, kpi.description)
      const subject = `${kpi.code} ${kpi.name}`
      const unit = unitOf(kpi)
      if (health.level === 'red' && before !== 'red') {
        const shown = formatFigure(current.value, unit)
        const period = current.parts > 1 ? current.label : current.start
        raise(
          'red',
          null,
          null,
          current.lastPointId,
          say(zh, `${subject}：${period} 的值为 ${shown} — ${health.reason}`, `${subject}: ${shown} for ${period} — ${health.reason}`)
        )
      }
      for (const breach of ruleBreaches(kpi, points)) {
        const { rule } = breach
        const change = `${formatNumber(breach.change)}% (${formatFigure(breach.previous.value, unit)} → ${formatFigure(breach.current.value, unit)})`
        const message = say(
          zh,
          `${rule.severity} ${subject}：${COMPARED_ZH[rule.period]} ${change}，规则：${rule.direction === 'drop' ? '下降' : '上升'} > ${rule.percent}%`,
          `${rule.severity} ${subject}: ${change}, rule ${rule.direction} > ${rule.percent}%`
        )
        raise('rule', rule.severity, `${rule.period}-${rule.direction}-${rule.percent}`, latest.id, message)
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
